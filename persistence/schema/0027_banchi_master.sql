-- 0027: 番地マスタ (JK-1.3.2): the 地番 (特殊地番 such as 甲 or 無番地 among them) and the 住居表示
-- 街区・住居番号 at which an address can be set, by 住所コード. Staff-maintained, append-only like the
-- rest of the dictionary: a correction appends a row, and the latest row for a (code, 番地) is in force.
CREATE TABLE banchi_master (
  entry_id     INTEGER PRIMARY KEY,
  address_code TEXT NOT NULL,
  banchi       TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('lot', 'block', 'special')),
  recorded_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX banchi_master_place ON banchi_master(address_code, banchi, entry_id);
CREATE TRIGGER banchi_master_no_update BEFORE UPDATE ON banchi_master
BEGIN SELECT RAISE(ABORT, 'banchi_master is append-only'); END;
CREATE TRIGGER banchi_master_no_delete BEFORE DELETE ON banchi_master
BEGIN SELECT RAISE(ABORT, 'banchi_master is append-only'); END;
