-- 0006: 排他制御 (JK-10.3). A lease on a person while one operator edits them; others can only
-- view. Operational state, not register data: a lease is taken, renewed and released in place,
-- and carries no personal data beyond the 宛名番号.
CREATE TABLE edit_lease (
  addressee_number TEXT PRIMARY KEY,
  operator_id      TEXT NOT NULL,
  expires_at       INTEGER NOT NULL  -- seconds since the epoch
) STRICT;
