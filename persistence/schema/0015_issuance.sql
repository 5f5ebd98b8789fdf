-- 0015: 交付履歴 (JK-1.3.8) and 印刷ログ (JK-10.2) of certificates, and the certificate options of
-- the municipality (文字溢れ, JK-5.8). Append-only: a 処分 is a row of its own, a later option row
-- supersedes an earlier one.
CREATE TABLE issuance (
  issuance_id       INTEGER PRIMARY KEY,
  issued_at         TEXT NOT NULL,             -- 交付年月日時, UTC
  issue_date        TEXT NOT NULL,             -- 交付年月日, the municipality's day (ISO)
  place             TEXT NOT NULL,             -- 交付場所
  terminal          TEXT NOT NULL,
  printer           TEXT NOT NULL,
  operator_id       TEXT NOT NULL,
  kind              INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 6),
  requester         INTEGER NOT NULL CHECK (requester BETWEEN 1 AND 4),
  purpose           TEXT NOT NULL,
  targets           TEXT NOT NULL,             -- 宛名番号, space-separated, print order
  items             TEXT NOT NULL,             -- 記載事項 printed on request, codes, space-separated
  copies            INTEGER NOT NULL CHECK (copies >= 1),
  sheets            INTEGER NOT NULL CHECK (sheets >= 1),
  seal              INTEGER NOT NULL,
  individual_number INTEGER NOT NULL,
  output            TEXT NOT NULL,
  number_municipality TEXT NOT NULL,
  number_terminal   TEXT NOT NULL,
  number_printer    TEXT NOT NULL,
  first_serial      INTEGER NOT NULL,          -- serial of the first copy; copies take the next ones
  numbers           TEXT NOT NULL              -- every sheet's 発行番号, one per line
) STRICT;
-- The next serial per day and terminal is read from here inside the recording transaction.
CREATE INDEX issuance_serial ON issuance(issue_date, number_terminal, first_serial);
CREATE TABLE issuance_target (
  issuance_id      INTEGER NOT NULL REFERENCES issuance(issuance_id),
  addressee_number TEXT NOT NULL
) STRICT;
CREATE INDEX issuance_target_person ON issuance_target(addressee_number, issuance_id);
CREATE TABLE issuance_disposal (
  issuance_id INTEGER PRIMARY KEY REFERENCES issuance(issuance_id),
  disposed_at TEXT NOT NULL,
  operator_id TEXT NOT NULL,
  reason      TEXT NOT NULL
) STRICT;
CREATE TABLE certificate_option (
  entry_id    INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  value       TEXT NOT NULL,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE TRIGGER issuance_no_update BEFORE UPDATE ON issuance BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER issuance_no_delete BEFORE DELETE ON issuance BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER issuance_target_no_update BEFORE UPDATE ON issuance_target BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER issuance_target_no_delete BEFORE DELETE ON issuance_target BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER issuance_disposal_no_update BEFORE UPDATE ON issuance_disposal BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER issuance_disposal_no_delete BEFORE DELETE ON issuance_disposal BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER certificate_option_no_update BEFORE UPDATE ON certificate_option BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER certificate_option_no_delete BEFORE DELETE ON certificate_option BEGIN SELECT RAISE(ABORT, 'append-only'); END;
