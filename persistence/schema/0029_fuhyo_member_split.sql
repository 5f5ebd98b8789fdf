-- 0029: 附票記載者の分離. An older jrr matched a notice to a 附票 member on 氏 or 名, so one member
-- could hold several people. The step after this file (SplitMergedFuhyoMembers) gives each extra
-- person a member of their own, written anew, and marks here each row of the old member that
-- belonged to someone else, with the member that person has now. Nothing is deleted: readers pass
-- over the marked rows, and the marks themselves are append-only.
CREATE TABLE fuhyo_member_moved (
  member_id    INTEGER NOT NULL,
  version      INTEGER,          -- a version that named another person, or
  seq          INTEGER,          -- an address line of another person
  to_member_id INTEGER NOT NULL,  -- that person's member
  recorded_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK ((version IS NULL) <> (seq IS NULL))
) STRICT;
CREATE UNIQUE INDEX fuhyo_member_moved_version ON fuhyo_member_moved(member_id, version) WHERE version IS NOT NULL;
CREATE UNIQUE INDEX fuhyo_member_moved_line ON fuhyo_member_moved(member_id, seq) WHERE seq IS NOT NULL;
CREATE TRIGGER fuhyo_member_moved_no_update BEFORE UPDATE ON fuhyo_member_moved BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER fuhyo_member_moved_no_delete BEFORE DELETE ON fuhyo_member_moved BEGIN SELECT RAISE(ABORT, 'append-only'); END;
