-- 0008: 認証者 (JK-1.3.9), 入力場所・入力端末 (JK-1.3.1) and printers (JK-10.7). Append-only: a
-- later row with the same code or id supersedes an earlier one, which stays as history.
CREATE TABLE certifier (
  certifier_id INTEGER PRIMARY KEY,
  role         INTEGER NOT NULL CHECK (role IN (1, 2)),
  title        TEXT NOT NULL,
  name         TEXT NOT NULL,
  valid_from   TEXT NOT NULL,
  valid_to     TEXT,
  recorded_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE TABLE input_place (
  entry_id    INTEGER PRIMARY KEY,
  code        TEXT NOT NULL,
  name        TEXT NOT NULL,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE TABLE terminal (
  entry_id    INTEGER PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  place_code  TEXT NOT NULL,
  name        TEXT NOT NULL,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE TABLE printer (
  entry_id    INTEGER PRIMARY KEY,
  printer_id  TEXT NOT NULL,
  place_code  TEXT NOT NULL,
  name        TEXT NOT NULL,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE TRIGGER certifier_no_update BEFORE UPDATE ON certifier BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER certifier_no_delete BEFORE DELETE ON certifier BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER input_place_no_update BEFORE UPDATE ON input_place BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER input_place_no_delete BEFORE DELETE ON input_place BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER terminal_no_update BEFORE UPDATE ON terminal BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER terminal_no_delete BEFORE DELETE ON terminal BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER printer_no_update BEFORE UPDATE ON printer BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER printer_no_delete BEFORE DELETE ON printer BEGIN SELECT RAISE(ABORT, 'append-only'); END;
