-- 0001: the register's identity and the migration log.
-- Every later table arrives in its own numbered file; a migration is never edited once released.

CREATE TABLE schema_migration (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;

-- The municipality that keeps this register (one row). Set once by `jrr init`.
CREATE TABLE municipality (
  singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
  code       TEXT NOT NULL CHECK (length(code) = 6),
  name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;

-- Nothing in a register is updated in place or deleted; the identity is no exception.
CREATE TRIGGER municipality_no_update BEFORE UPDATE ON municipality
BEGIN SELECT RAISE(ABORT, 'municipality is append-only'); END;
CREATE TRIGGER municipality_no_delete BEFORE DELETE ON municipality
BEGIN SELECT RAISE(ABORT, 'municipality is append-only'); END;
