-- 0020: 附票 members' 氏名の振り仮名 (from 2025-05-26) and its kana search key; the 支援措置 a 住所地
-- passed on for a member of a 附票 kept here. Rows written before this migration keep '' (the item
-- did not exist for them; nothing is back-filled).
ALTER TABLE fuhyo_member_version ADD COLUMN family_kana TEXT NOT NULL DEFAULT '';
ALTER TABLE fuhyo_member_version ADD COLUMN given_kana TEXT NOT NULL DEFAULT '';
ALTER TABLE fuhyo_member_version ADD COLUMN kana_key TEXT NOT NULL DEFAULT '';
CREATE INDEX fuhyo_member_kana ON fuhyo_member_version(kana_key) WHERE kana_key <> '';
-- Append-only: a start row (kind 1, with its period) and an end row (kind 2); the latest row tells.
CREATE TABLE fuhyo_protection (
  protection_id INTEGER PRIMARY KEY,
  member_id     INTEGER NOT NULL,
  kind          INTEGER NOT NULL CHECK (kind IN (1, 2)),
  from_date     TEXT NOT NULL,
  until         TEXT,
  reason        TEXT NOT NULL,
  recorded_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX fuhyo_protection_member ON fuhyo_protection(member_id, protection_id);
CREATE TRIGGER fuhyo_protection_no_update BEFORE UPDATE ON fuhyo_protection BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER fuhyo_protection_no_delete BEFORE DELETE ON fuhyo_protection BEGIN SELECT RAISE(ABORT, 'append-only'); END;
