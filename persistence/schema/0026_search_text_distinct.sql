-- 0026: the trigram index (部分一致, JK-2.1) holds each distinct (kind, value) once, and search_key
-- says whose it is. Indexing every person's copy made it ~80 times larger than its content (a town
-- of 100,000: 1,063,841 rows for 12,849 distinct values) — the largest cost of building a big
-- register. A 部分一致 now matches the values, then walks search_key's primary key for the people.
ALTER TABLE search_text RENAME TO search_text_0013;
CREATE VIRTUAL TABLE search_text USING fts5(value, kind UNINDEXED, tokenize = 'trigram');
INSERT INTO search_text(value, kind)
  SELECT value, kind FROM (SELECT DISTINCT value, kind FROM search_text_0013) ORDER BY kind, value;
DROP TABLE search_text_0013;
