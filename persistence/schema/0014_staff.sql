-- 0014: 職員 (利用者) and their login attempts (JK-10.3). Every change to a user is a new version;
-- attempts are appended (failures since the last success or unlock decide a lock-out).
CREATE TABLE staff_user_version (
  user_id              TEXT NOT NULL,
  version              INTEGER NOT NULL CHECK (version >= 1),
  name                 TEXT NOT NULL,
  department           TEXT NOT NULL DEFAULT '',
  valid_from           TEXT NOT NULL,
  valid_to             TEXT,
  permissions          TEXT NOT NULL DEFAULT '',   -- PermissionName, comma-separated
  password_hash        TEXT NOT NULL,              -- Argon2id, libsodium's encoded form
  must_change_password INTEGER NOT NULL CHECK (must_change_password IN (0, 1)),
  totp_secret          TEXT NOT NULL DEFAULT '',
  totp_enrolled        INTEGER NOT NULL CHECK (totp_enrolled IN (0, 1)),
  disabled             INTEGER NOT NULL CHECK (disabled IN (0, 1)),
  changed_by           TEXT NOT NULL,
  recorded_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (user_id, version)
) STRICT;

CREATE TABLE login_attempt (
  attempt_id INTEGER PRIMARY KEY,
  user_id    TEXT NOT NULL,
  at_epoch   INTEGER NOT NULL,
  outcome    TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'unlock'))
) STRICT;
CREATE INDEX login_attempt_user ON login_attempt(user_id, attempt_id);

CREATE TRIGGER staff_user_version_no_update BEFORE UPDATE ON staff_user_version BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER staff_user_version_no_delete BEFORE DELETE ON staff_user_version BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER login_attempt_no_update BEFORE UPDATE ON login_attempt BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER login_attempt_no_delete BEFORE DELETE ON login_attempt BEGIN SELECT RAISE(ABORT, 'append-only'); END;
