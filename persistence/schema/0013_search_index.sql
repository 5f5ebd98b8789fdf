-- 0013: 検索 (JK-2.1). search_key holds every distinct key of every version (domain:
-- SearchKeysOf), so former names and addresses and 除票 are found; exact and prefix matches walk
-- its primary key. search_text is a trigram index of the same keys, for 部分一致. Existing
-- registers are backfilled by the migration's C++ step (persistence/src/search_index.cpp).
CREATE TABLE search_key (
  kind             INTEGER NOT NULL,
  value            TEXT NOT NULL,
  addressee_number TEXT NOT NULL,
  PRIMARY KEY (kind, value, addressee_number)
) STRICT, WITHOUT ROWID;

CREATE VIRTUAL TABLE search_text USING fts5(value, kind UNINDEXED, addressee_number UNINDEXED,
                                             tokenize = 'trigram');

-- 検索履歴: each user's searches, re-runnable (JK-2.1.1).
CREATE TABLE search_history (
  search_id   INTEGER PRIMARY KEY,
  operator_id TEXT NOT NULL,
  searched_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  query_text  TEXT NOT NULL,
  hits        INTEGER NOT NULL
) STRICT;
CREATE INDEX search_history_operator ON search_history(operator_id, search_id);

CREATE TRIGGER search_key_no_update BEFORE UPDATE ON search_key BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER search_key_no_delete BEFORE DELETE ON search_key BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER search_history_no_update BEFORE UPDATE ON search_history BEGIN SELECT RAISE(ABORT, 'append-only'); END;
CREATE TRIGGER search_history_no_delete BEFORE DELETE ON search_history BEGIN SELECT RAISE(ABORT, 'append-only'); END;
