-- 0012: 抑止 (JK-3.1) and 支援措置 (JK-3.4, 1.1.16). Append-only like the register itself: a block's
-- end is a row of its own, a measure's every change a new version, a temporary release a row
-- with the moment it stops. Releases live only here: no export or interface reads this table.
CREATE TABLE protection_block (
  block_id         INTEGER PRIMARY KEY,
  addressee_number TEXT NOT NULL DEFAULT '',
  household_number TEXT NOT NULL DEFAULT '',
  operation        INTEGER NOT NULL CHECK (operation IN (1, 2, 3)),  -- 異動, 証明, 照会
  level            INTEGER NOT NULL CHECK (level IN (1, 2)),         -- エラー, アラート
  start_date       TEXT NOT NULL,
  end_date         TEXT,                                             -- planned; never ends it
  reason           TEXT NOT NULL DEFAULT '',
  operator_id      TEXT NOT NULL,
  recorded_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK ((addressee_number = '') <> (household_number = ''))
) STRICT;
CREATE INDEX protection_block_person ON protection_block(addressee_number) WHERE addressee_number <> '';
CREATE INDEX protection_block_household ON protection_block(household_number) WHERE household_number <> '';

CREATE TABLE protection_block_end (
  block_id    INTEGER PRIMARY KEY REFERENCES protection_block(block_id),
  ended_on    TEXT NOT NULL,
  operator_id TEXT NOT NULL,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE support_measure_version (
  measure_id          INTEGER NOT NULL,
  version             INTEGER NOT NULL CHECK (version >= 1),
  applicant           TEXT NOT NULL,
  kind                INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 4),
  state               INTEGER NOT NULL CHECK (state BETWEEN 1 AND 4),
  provisional_start   TEXT,
  start_date          TEXT,
  end_date            TEXT,
  ended_on            TEXT,
  end_reason          TEXT NOT NULL DEFAULT '',
  restrict_inspection INTEGER NOT NULL CHECK (restrict_inspection IN (0, 1)),
  restrict_copies     INTEGER NOT NULL CHECK (restrict_copies IN (0, 1)),
  restrict_fuhyo      INTEGER NOT NULL CHECK (restrict_fuhyo IN (0, 1)),
  contact             TEXT NOT NULL DEFAULT '',
  perpetrator_name    TEXT NOT NULL DEFAULT '',
  perpetrator_addressee_number TEXT NOT NULL DEFAULT '',
  perpetrator_birth_date TEXT NOT NULL DEFAULT '',
  perpetrator_sex     TEXT NOT NULL DEFAULT '',
  perpetrator_address TEXT NOT NULL DEFAULT '',
  perpetrator_other   TEXT NOT NULL DEFAULT '',
  transferred_to      TEXT NOT NULL DEFAULT '',
  transferred_on      TEXT,
  original_municipality TEXT NOT NULL DEFAULT '',
  received_on         TEXT,
  no_need_notified_on TEXT,
  operator_id         TEXT NOT NULL,
  recorded_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (measure_id, version)
) STRICT;

-- The people each version protects: the 申出者 and those protected with them.
CREATE TABLE support_measure_person (
  measure_id       INTEGER NOT NULL,
  version          INTEGER NOT NULL,
  addressee_number TEXT NOT NULL,
  role             TEXT NOT NULL CHECK (role IN ('applicant', 'co_protected')),
  relation         TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (measure_id, version, addressee_number),
  FOREIGN KEY (measure_id, version) REFERENCES support_measure_version(measure_id, version)
) STRICT;
CREATE INDEX support_measure_person_atena ON support_measure_person(addressee_number, measure_id);

CREATE TABLE protection_release (
  release_id  INTEGER PRIMARY KEY,
  block_id    INTEGER REFERENCES protection_block(block_id),
  measure_id  INTEGER,
  granted_to  TEXT NOT NULL,
  granted_by  TEXT NOT NULL,
  until_epoch INTEGER NOT NULL,
  reason      TEXT NOT NULL DEFAULT '',
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK ((block_id IS NULL) <> (measure_id IS NULL))
) STRICT;
CREATE INDEX protection_release_grantee ON protection_release(granted_to, until_epoch);

CREATE TRIGGER protection_block_no_update BEFORE UPDATE ON protection_block BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER protection_block_no_delete BEFORE DELETE ON protection_block BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER protection_block_end_no_update BEFORE UPDATE ON protection_block_end BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER protection_block_end_no_delete BEFORE DELETE ON protection_block_end BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER support_measure_version_no_update BEFORE UPDATE ON support_measure_version BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER support_measure_version_no_delete BEFORE DELETE ON support_measure_version BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER support_measure_person_no_update BEFORE UPDATE ON support_measure_person BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER support_measure_person_no_delete BEFORE DELETE ON support_measure_person BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER protection_release_no_update BEFORE UPDATE ON protection_release BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER protection_release_no_delete BEFORE DELETE ON protection_release BEGIN SELECT RAISE(ABORT, 'append-only'); END;
