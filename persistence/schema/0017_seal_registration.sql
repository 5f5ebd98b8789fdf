-- 0017: 印鑑登録原票 (notes fuhyo_inkan_spec.md §B). Append-only: each change of an entry is a new
-- version row; closed entries stay (除印鑑簿). 登録番号 are never reused (the next is one past the
-- highest ever written). The impression is stored once per entry, as lossless PNG.
CREATE TABLE seal_entry (
  registration_id  INTEGER PRIMARY KEY,
  addressee_number TEXT NOT NULL,
  impression_png   BLOB NOT NULL,
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE TABLE seal_version (
  registration_id     INTEGER NOT NULL REFERENCES seal_entry(registration_id),
  version             INTEGER NOT NULL,
  registration_number TEXT NOT NULL DEFAULT '',
  card_number         TEXT NOT NULL DEFAULT '',
  addressee_number    TEXT NOT NULL,
  state               INTEGER NOT NULL CHECK (state BETWEEN 1 AND 4),
  name_form           INTEGER NOT NULL,
  registered_name     TEXT NOT NULL,
  route               INTEGER NOT NULL,
  by_agent            INTEGER NOT NULL,
  guardian_present    INTEGER NOT NULL,
  id_document         TEXT NOT NULL,
  guarantor           TEXT NOT NULL,
  material_attested   INTEGER NOT NULL,
  legibility_attested INTEGER NOT NULL,
  smallest_square_mm  REAL NOT NULL,
  width_mm            REAL NOT NULL,
  height_mm           REAL NOT NULL,
  digest              TEXT NOT NULL,
  applied_on          TEXT NOT NULL,
  inquiry_sent_on     TEXT,
  inquiry_deadline    TEXT,
  registered_on       TEXT,
  ended_on            TEXT,
  end_reason          TEXT NOT NULL,
  operator_id         TEXT NOT NULL,
  recorded_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (registration_id, version)
) STRICT;
CREATE INDEX seal_version_person ON seal_version(addressee_number, registration_id);
CREATE INDEX seal_version_number ON seal_version(registration_number) WHERE registration_number <> '';
CREATE INDEX seal_version_digest ON seal_version(digest);
-- 印鑑登録証明書 交付履歴: the seal module's own, numbered in the same series as the
-- 住民記録 certificates (the serial of a day and terminal runs over both tables).
CREATE TABLE seal_issuance (
  seal_issuance_id INTEGER PRIMARY KEY,
  issued_at        TEXT NOT NULL,
  issue_date       TEXT NOT NULL,
  place            TEXT NOT NULL,
  terminal         TEXT NOT NULL,
  number_terminal  TEXT NOT NULL,
  operator_id      TEXT NOT NULL,
  registration_id  INTEGER NOT NULL REFERENCES seal_entry(registration_id),
  addressee_number TEXT NOT NULL,
  serial           INTEGER NOT NULL,
  issue_number     TEXT NOT NULL
) STRICT;
CREATE INDEX seal_issuance_serial ON seal_issuance(issue_date, number_terminal, serial);
CREATE TRIGGER seal_entry_no_update BEFORE UPDATE ON seal_entry BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER seal_entry_no_delete BEFORE DELETE ON seal_entry BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER seal_version_no_update BEFORE UPDATE ON seal_version BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER seal_version_no_delete BEFORE DELETE ON seal_version BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER seal_issuance_no_update BEFORE UPDATE ON seal_issuance BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER seal_issuance_no_delete BEFORE DELETE ON seal_issuance BEGIN SELECT RAISE(ABORT, 'append-only'); END;
