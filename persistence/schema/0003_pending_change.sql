-- 0003: 仮登録 (JK-4.0.8). A pending 異動 is kept as its command until it is approved (本登録) or
-- withdrawn; it is not part of the register, whose tables it never touches. The decision is a row
-- of its own (append-only). No approver name or approval date is stored: the standard lists that
-- under 実装しない機能; the access log records who did what.

CREATE TABLE pending_change (
  pending_id   INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL,
  command_json TEXT NOT NULL,
  summary      TEXT NOT NULL,
  entered_on   TEXT NOT NULL,
  operator_id  TEXT NOT NULL,
  place        TEXT NOT NULL,
  terminal     TEXT NOT NULL
) STRICT;

-- The people a pending 異動 involves, for the "no other 異動 meanwhile" check.
CREATE TABLE pending_person (
  addressee_number TEXT NOT NULL,
  pending_id       INTEGER NOT NULL REFERENCES pending_change(pending_id),
  PRIMARY KEY (addressee_number, pending_id)
) STRICT;

CREATE TABLE pending_decision (
  pending_id INTEGER PRIMARY KEY REFERENCES pending_change(pending_id),
  decision   TEXT NOT NULL CHECK (decision IN ('approved', 'withdrawn')),
  change_id  INTEGER REFERENCES change_record(change_id),
  CHECK ((decision = 'approved') = (change_id IS NOT NULL))
) STRICT;

CREATE TRIGGER pending_change_no_update BEFORE UPDATE ON pending_change
BEGIN SELECT RAISE(ABORT, 'pending_change is append-only'); END;
CREATE TRIGGER pending_change_no_delete BEFORE DELETE ON pending_change
BEGIN SELECT RAISE(ABORT, 'pending_change is append-only'); END;
CREATE TRIGGER pending_person_no_update BEFORE UPDATE ON pending_person
BEGIN SELECT RAISE(ABORT, 'pending_person is append-only'); END;
CREATE TRIGGER pending_person_no_delete BEFORE DELETE ON pending_person
BEGIN SELECT RAISE(ABORT, 'pending_person is append-only'); END;
CREATE TRIGGER pending_decision_no_update BEFORE UPDATE ON pending_decision
BEGIN SELECT RAISE(ABORT, 'pending_decision is append-only'); END;
CREATE TRIGGER pending_decision_no_delete BEFORE DELETE ON pending_decision
BEGIN SELECT RAISE(ABORT, 'pending_decision is append-only'); END;
