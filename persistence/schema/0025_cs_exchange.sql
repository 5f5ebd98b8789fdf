-- 0025: CS連携 (JK-7.1.1; a shared folder stands in for the 住基ネット CS here).
-- 特例転出・特例転入 (住基法第24条の2) are marked on their 異動; a 特例転入 names the 転出証明書情報
-- it was entered from.
ALTER TABLE change_record ADD COLUMN special INTEGER NOT NULL DEFAULT 0 CHECK (special IN (0, 1));
ALTER TABLE change_record ADD COLUMN move_out_information TEXT NOT NULL DEFAULT '';
-- Messages to other municipalities (転出証明書情報 of a 特例転出, 転入通知 of a 国内転入), queued in
-- the 異動's transaction, and each attempt to hand one to the transport.
CREATE TABLE cs_outbox (
  notice_id       TEXT PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('move_out_information', 'move_in_notice')),
  to_municipality TEXT NOT NULL,
  change_id       INTEGER NOT NULL REFERENCES change_record(change_id),
  body            TEXT NOT NULL,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE TABLE cs_delivery (
  notice_id    TEXT NOT NULL REFERENCES cs_outbox(notice_id),
  attempted_at TEXT NOT NULL,
  delivered    INTEGER NOT NULL,
  detail       TEXT NOT NULL
) STRICT;
-- Messages received, each once: a 転出証明書情報 waits (outcome 'received') for its 特例転入; a
-- 転入通知 is 'applied' by the 異動 it recorded (change_id) or refused with a rule id, which the
-- 転入通知情報取込エラー一覧 lists for a clerk.
CREATE TABLE cs_inbox (
  notice_id         TEXT PRIMARY KEY,
  kind              TEXT NOT NULL CHECK (kind IN ('move_out_information', 'move_in_notice')),
  from_municipality TEXT NOT NULL,
  body              TEXT NOT NULL,
  received_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  outcome           TEXT NOT NULL,
  change_id         INTEGER REFERENCES change_record(change_id)
) STRICT;
-- The 特例転入 that took up a received 転出証明書情報 (at most one: the primary key).
CREATE TABLE cs_inbox_use (
  notice_id TEXT PRIMARY KEY REFERENCES cs_inbox(notice_id),
  change_id INTEGER NOT NULL REFERENCES change_record(change_id)
) STRICT;
CREATE TRIGGER cs_outbox_no_update BEFORE UPDATE ON cs_outbox BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER cs_outbox_no_delete BEFORE DELETE ON cs_outbox BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER cs_delivery_no_update BEFORE UPDATE ON cs_delivery BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER cs_delivery_no_delete BEFORE DELETE ON cs_delivery BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER cs_inbox_no_update BEFORE UPDATE ON cs_inbox BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER cs_inbox_no_delete BEFORE DELETE ON cs_inbox BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER cs_inbox_use_no_update BEFORE UPDATE ON cs_inbox_use BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER cs_inbox_use_no_delete BEFORE DELETE ON cs_inbox_use BEGIN SELECT RAISE(ABORT, 'append-only'); END;
