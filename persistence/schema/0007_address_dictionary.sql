-- 0007: 住所辞書 and 方書 master (JK-1.3.2–1.3.4). Staff-maintained data, kept as an append-only
-- log like the register: a correction appends a row, and the latest row for a key is in force.
CREATE TABLE address_area (
  entry_id     INTEGER PRIMARY KEY,
  address_code TEXT NOT NULL CHECK (length(address_code) = 11),
  text         TEXT NOT NULL,
  postal_code  TEXT NOT NULL CHECK (length(postal_code) = 7),
  recorded_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX address_area_code ON address_area(address_code, entry_id);

CREATE TABLE katagaki_master (
  entry_id     INTEGER PRIMARY KEY,
  address_code TEXT NOT NULL,
  banchi       TEXT NOT NULL,
  katagaki     TEXT NOT NULL,
  recorded_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX katagaki_master_place ON katagaki_master(address_code, banchi);

CREATE TRIGGER address_area_no_update BEFORE UPDATE ON address_area
BEGIN SELECT RAISE(ABORT, 'address_area is append-only'); END;
CREATE TRIGGER address_area_no_delete BEFORE DELETE ON address_area
BEGIN SELECT RAISE(ABORT, 'address_area is append-only'); END;
CREATE TRIGGER katagaki_master_no_update BEFORE UPDATE ON katagaki_master
BEGIN SELECT RAISE(ABORT, 'katagaki_master is append-only'); END;
CREATE TRIGGER katagaki_master_no_delete BEFORE DELETE ON katagaki_master
BEGIN SELECT RAISE(ABORT, 'katagaki_master is append-only'); END;
