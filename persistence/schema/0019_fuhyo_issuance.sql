-- 0019: 交付履歴 of 戸籍の附票の写し, numbered in the same 発行番号 series as the other certificates.
CREATE TABLE fuhyo_issuance (
  fuhyo_issuance_id INTEGER PRIMARY KEY,
  issued_at         TEXT NOT NULL,
  issue_date        TEXT NOT NULL,
  place             TEXT NOT NULL,
  terminal          TEXT NOT NULL,
  number_terminal   TEXT NOT NULL,
  operator_id       TEXT NOT NULL,
  fuhyo_id          INTEGER NOT NULL REFERENCES fuhyo(fuhyo_id),
  members           TEXT NOT NULL,   -- member ids printed, space-separated
  requester         TEXT NOT NULL,
  purpose           TEXT NOT NULL,
  items             TEXT NOT NULL,   -- honseki, jumin-code, zaigai printed on request
  sheets            INTEGER NOT NULL,
  serial            INTEGER NOT NULL,
  first_number      TEXT NOT NULL
) STRICT;
CREATE INDEX fuhyo_issuance_serial ON fuhyo_issuance(issue_date, number_terminal, serial);
CREATE TRIGGER fuhyo_issuance_no_update BEFORE UPDATE ON fuhyo_issuance BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER fuhyo_issuance_no_delete BEFORE DELETE ON fuhyo_issuance BEGIN SELECT RAISE(ABORT, 'append-only'); END;
