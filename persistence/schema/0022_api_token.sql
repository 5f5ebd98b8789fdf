-- 0022: per-user API tokens. Only the SHA-256 of a token is kept; revocation is its own row.
CREATE TABLE api_token (
  token_id    INTEGER PRIMARY KEY,
  user_id     TEXT NOT NULL,
  name        TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,   -- hex SHA-256 of the secret
  issued_on   TEXT NOT NULL,
  expires_on  TEXT,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX api_token_user ON api_token(user_id);
CREATE TABLE api_token_revocation (
  token_id   INTEGER PRIMARY KEY REFERENCES api_token(token_id),
  revoked_by TEXT NOT NULL,
  revoked_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE TRIGGER api_token_no_update BEFORE UPDATE ON api_token BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER api_token_no_delete BEFORE DELETE ON api_token BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER api_token_revocation_no_update BEFORE UPDATE ON api_token_revocation BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER api_token_revocation_no_delete BEFORE DELETE ON api_token_revocation BEGIN SELECT RAISE(ABORT, 'append-only'); END;
