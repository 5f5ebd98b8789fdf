-- 0032: the residents a 附票 member recorded before 生年月日 was an item is are found through
-- search_key's 氏名 key (kind 4, the kanji key of 氏+名) and then each candidate's versions by
-- their primary key, compared exactly. 0031's index over resident_version (本籍・筆頭者・氏名) served
-- only that lookup and was a fifth index of the history to keep and to build; it goes.
DROP INDEX IF EXISTS resident_version_domicile_name;
