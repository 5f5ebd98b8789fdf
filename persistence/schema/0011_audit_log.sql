-- 0011: アクセスログ (JK-10.2). One row per logged action, hash-chained: `hash` is the SHA-256 of
-- the entry's canonical text (domain/audit_log.h), which includes `previous_hash`. The triggers
-- make the table append-only for the application; the chain makes tampering by anyone who
-- bypasses them visible to `jrr audit verify`. AUTOINCREMENT keeps the highest sequence ever used
-- in sqlite_sequence, so a cut-off tail is visible too.
CREATE TABLE audit_entry (
  sequence          INTEGER PRIMARY KEY AUTOINCREMENT,
  occurred_at       TEXT NOT NULL,               -- UTC, ISO 8601 with milliseconds
  action            TEXT NOT NULL,               -- AuditActionName
  operator_id       TEXT NOT NULL,
  terminal          TEXT NOT NULL DEFAULT '',
  place             TEXT NOT NULL DEFAULT '',
  function          TEXT NOT NULL DEFAULT '',
  targets           TEXT NOT NULL DEFAULT '',    -- 宛名番号, space-separated
  individual_number INTEGER NOT NULL CHECK (individual_number IN (0, 1)),
  outcome           TEXT NOT NULL DEFAULT 'ok',
  detail            TEXT NOT NULL DEFAULT '',
  previous_hash     TEXT NOT NULL,
  hash              TEXT NOT NULL
) STRICT;
CREATE INDEX audit_entry_operator ON audit_entry(operator_id, sequence);
CREATE INDEX audit_entry_time ON audit_entry(occurred_at);

-- Search by resident: one row per person an entry names.
CREATE TABLE audit_target (
  addressee_number TEXT NOT NULL,
  sequence         INTEGER NOT NULL REFERENCES audit_entry(sequence),
  PRIMARY KEY (addressee_number, sequence)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER audit_target_no_update BEFORE UPDATE ON audit_target BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER audit_target_no_delete BEFORE DELETE ON audit_target BEGIN SELECT RAISE(ABORT, 'append-only'); END;
