-- 0028: search_key no longer holds the kinds that resident_version answers through its own
-- indexes — 生年月日 (birth_date_sort), 宛名番号 (its primary key), 世帯番号, 住民票コード and 個人番号
-- (kinds 10 to 14; domain: SearchKeyKind). Every version is a row of resident_version, so a former
-- 世帯番号 is found as before. These five kinds were a third of the index (at 1,000,000 residents
-- 7 M of 20 M rows), each value a copy of a column that is already indexed. search_key is derived
-- from the history, which this migration does not touch; its append-only trigger is lifted for the
-- one deletion and put back as it was.
DROP TRIGGER search_key_no_delete;
DELETE FROM search_key WHERE kind IN (10, 11, 12, 13, 14);
CREATE TRIGGER search_key_no_delete BEFORE DELETE ON search_key BEGIN SELECT RAISE(ABORT, 'append-only'); END;
