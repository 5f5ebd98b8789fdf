-- 0004: the 住民票コード pool (JK-4.3.1) and the register's settings.
-- Codes obtained for new assignment are loaded here; a code is free while no version of any
-- record holds it, so a code once assigned is never handed out again, even after a 除票.

CREATE TABLE resident_record_code_pool (
  code      TEXT PRIMARY KEY CHECK (length(code) = 11),
  loaded_on TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d', 'now'))
) STRICT;
CREATE TRIGGER resident_record_code_pool_no_update BEFORE UPDATE ON resident_record_code_pool
BEGIN SELECT RAISE(ABORT, 'resident_record_code_pool is append-only'); END;
CREATE TRIGGER resident_record_code_pool_no_delete BEFORE DELETE ON resident_record_code_pool
BEGIN SELECT RAISE(ABORT, 'resident_record_code_pool is append-only'); END;

CREATE INDEX resident_version_code ON resident_version(resident_record_code);

-- Settings as an append-only log: the latest row of a name is in force, earlier ones are history.
CREATE TABLE register_setting (
  setting_id  INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  value       TEXT NOT NULL,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX register_setting_name ON register_setting(name, setting_id);
CREATE TRIGGER register_setting_no_update BEFORE UPDATE ON register_setting
BEGIN SELECT RAISE(ABORT, 'register_setting is append-only'); END;
CREATE TRIGGER register_setting_no_delete BEFORE DELETE ON register_setting
BEGIN SELECT RAISE(ABORT, 'register_setting is append-only'); END;
-- The number of free codes below which each assignment warns (a municipal setting).
INSERT INTO register_setting(name, value) VALUES ('resident_record_code.low_water', '100');
