-- 0010: 備考 (統合記載欄 C類型, JK-1.1.14) and メモ (JK-1.1.15). Append-only: a memo edit or
-- deletion is a new revision; the author and time of each revision are kept.
CREATE TABLE remark (
  remark_id        INTEGER PRIMARY KEY,
  addressee_number TEXT NOT NULL,
  text             TEXT NOT NULL,
  recorded_on      TEXT NOT NULL,
  operator_id      TEXT NOT NULL,
  recorded_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX remark_person ON remark(addressee_number);

CREATE TABLE memo_revision (
  revision_id      INTEGER PRIMARY KEY,
  memo_id          INTEGER NOT NULL,
  addressee_number TEXT NOT NULL,
  text             TEXT NOT NULL,
  deleted          INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  operator_id      TEXT NOT NULL,
  recorded_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX memo_revision_person ON memo_revision(addressee_number, memo_id);
CREATE INDEX memo_revision_memo ON memo_revision(memo_id, revision_id);

CREATE TRIGGER remark_no_update BEFORE UPDATE ON remark BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER remark_no_delete BEFORE DELETE ON remark BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER memo_revision_no_update BEFORE UPDATE ON memo_revision BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER memo_revision_no_delete BEFORE DELETE ON memo_revision BEGIN SELECT RAISE(ABORT, 'append-only'); END;
