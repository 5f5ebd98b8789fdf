-- 0009: a 異動 may supersede an earlier one — an amendment of a planned 転出, or a 取消し. For the
-- as-of view by 異動日 the superseded 異動 is void from the day the superseding one was processed;
-- both stay in the history.
ALTER TABLE change_record ADD COLUMN supersedes_change_id INTEGER REFERENCES change_record(change_id);
CREATE INDEX change_record_supersedes ON change_record(supersedes_change_id)
  WHERE supersedes_change_id IS NOT NULL;
