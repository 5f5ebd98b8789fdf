-- 0030: what keeps an account from outliving its rights (JK-10.3).
-- credential_version: the user version at which the password, the second factor or the account's
-- state last changed. Sessions and tokens remember the value they began under; once it moves on,
-- they end. Rows written before this migration hold 0.
ALTER TABLE staff_user_version ADD COLUMN credential_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE api_token ADD COLUMN credential_version INTEGER NOT NULL DEFAULT 0;
-- Second-factor steps spent: a TOTP code is accepted once, and never one older than the last
-- accepted (RFC 6238 §5.2).
CREATE TABLE totp_step (
  user_id TEXT NOT NULL,
  step    INTEGER NOT NULL,
  used_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, step)
) STRICT, WITHOUT ROWID;
-- Grants of any permission, and resets of another user's password or second factor, wait for a
-- second administrator (two-person rule): the request, then its decision.
CREATE TABLE staff_permission_request (
  request_id         INTEGER PRIMARY KEY,
  kind               INTEGER NOT NULL DEFAULT 0 CHECK (kind IN (0, 1, 2)),  -- grant, password reset, 2FA reset
  user_id            TEXT NOT NULL,
  add_permissions    TEXT NOT NULL,   -- PermissionName, comma-separated
  remove_permissions TEXT NOT NULL,
  password_hash      TEXT NOT NULL DEFAULT '',  -- a password reset's Argon2id hash
  requested_by       TEXT NOT NULL,
  requested_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE TABLE staff_permission_decision (
  request_id INTEGER PRIMARY KEY REFERENCES staff_permission_request(request_id),
  decided_by TEXT NOT NULL,
  approved   INTEGER NOT NULL CHECK (approved IN (0, 1)),
  decided_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE TRIGGER totp_step_no_update BEFORE UPDATE ON totp_step BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER totp_step_no_delete BEFORE DELETE ON totp_step BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER staff_permission_request_no_update BEFORE UPDATE ON staff_permission_request BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER staff_permission_request_no_delete BEFORE DELETE ON staff_permission_request BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER staff_permission_decision_no_update BEFORE UPDATE ON staff_permission_decision BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER staff_permission_decision_no_delete BEFORE DELETE ON staff_permission_decision BEGIN SELECT RAISE(ABORT, 'append-only'); END;
