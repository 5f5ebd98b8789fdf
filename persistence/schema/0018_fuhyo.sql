-- 0018: 戸籍の附票 (住基法第16条–第21条) and its notices. Append-only throughout: members and their
-- items are versions, addresses are lines, the 附票's state changes are events; 除票 stay 150 years.
CREATE TABLE fuhyo (
  fuhyo_id       INTEGER PRIMARY KEY,
  domicile       TEXT NOT NULL,   -- 本籍
  head_of_family TEXT NOT NULL,   -- 筆頭者
  created_on     TEXT NOT NULL,
  recorded_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX fuhyo_koseki ON fuhyo(domicile, head_of_family);
CREATE TABLE fuhyo_event (
  event_id    INTEGER PRIMARY KEY,
  fuhyo_id    INTEGER NOT NULL REFERENCES fuhyo(fuhyo_id),
  state       INTEGER NOT NULL CHECK (state BETWEEN 1 AND 3),  -- 現存, 除票, 改製原附票
  on_date     TEXT NOT NULL,
  reason      TEXT NOT NULL,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE TABLE fuhyo_member_version (
  member_id            INTEGER NOT NULL,
  version              INTEGER NOT NULL,
  fuhyo_id             INTEGER NOT NULL REFERENCES fuhyo(fuhyo_id),
  family_name          TEXT NOT NULL,
  given_name           TEXT NOT NULL,
  birth_date           TEXT,             -- from 2022-01-11
  sex                  INTEGER,          -- from 2022-01-11
  resident_record_code TEXT NOT NULL,    -- from 2024-05-27
  overseas_voter       TEXT NOT NULL,    -- 在外選挙人名簿: the municipality, or ''
  removed              INTEGER NOT NULL,
  removal_reason       TEXT NOT NULL,
  removed_on           TEXT,
  source               TEXT NOT NULL,
  recorded_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (member_id, version)
) STRICT;
CREATE INDEX fuhyo_member_of ON fuhyo_member_version(fuhyo_id, member_id);
CREATE TABLE fuhyo_address (
  member_id   INTEGER NOT NULL,
  seq         INTEGER NOT NULL,
  address     TEXT NOT NULL,
  abroad      INTEGER NOT NULL,
  since       TEXT NOT NULL,
  source      TEXT NOT NULL,
  recorded_on TEXT NOT NULL,
  PRIMARY KEY (member_id, seq)
) STRICT;
-- Notices to other 本籍地 (附票記載事項通知) waiting for, or given to, the transport.
CREATE TABLE fuhyo_outbox (
  notice_id       TEXT PRIMARY KEY,
  to_municipality TEXT NOT NULL,
  body            TEXT NOT NULL,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE TABLE fuhyo_delivery (
  notice_id    TEXT NOT NULL REFERENCES fuhyo_outbox(notice_id),
  attempted_at TEXT NOT NULL,
  delivered    INTEGER NOT NULL,
  detail       TEXT NOT NULL
) STRICT;
-- Notices received: each once (by notice id), with what became of it and the reply to the 住所地.
CREATE TABLE fuhyo_inbox (
  notice_id         TEXT PRIMARY KEY,
  from_municipality TEXT NOT NULL,
  body              TEXT NOT NULL,
  received_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  outcome           TEXT NOT NULL,   -- applied, or the rule id that refused it
  reply             TEXT NOT NULL    -- 第19条第2項: what the 住所地 is told
) STRICT;
CREATE TRIGGER fuhyo_no_update BEFORE UPDATE ON fuhyo BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER fuhyo_no_delete BEFORE DELETE ON fuhyo BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER fuhyo_event_no_update BEFORE UPDATE ON fuhyo_event BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER fuhyo_event_no_delete BEFORE DELETE ON fuhyo_event BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER fuhyo_member_no_update BEFORE UPDATE ON fuhyo_member_version BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER fuhyo_member_no_delete BEFORE DELETE ON fuhyo_member_version BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER fuhyo_address_no_update BEFORE UPDATE ON fuhyo_address BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER fuhyo_address_no_delete BEFORE DELETE ON fuhyo_address BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER fuhyo_outbox_no_update BEFORE UPDATE ON fuhyo_outbox BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER fuhyo_outbox_no_delete BEFORE DELETE ON fuhyo_outbox BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER fuhyo_delivery_no_update BEFORE UPDATE ON fuhyo_delivery BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER fuhyo_delivery_no_delete BEFORE DELETE ON fuhyo_delivery BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER fuhyo_inbox_no_update BEFORE UPDATE ON fuhyo_inbox BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER fuhyo_inbox_no_delete BEFORE DELETE ON fuhyo_inbox BEGIN SELECT RAISE(ABORT, 'append-only'); END;
