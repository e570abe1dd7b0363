DROP INDEX problems_library_order;
DROP TABLE problems_fts;
CREATE VIRTUAL TABLE problems_fts USING fts5(
    title, statement, categories,
    tokenize = 'porter unicode61'
);
INSERT INTO problems_fts (rowid, title, statement, categories)
SELECT p.id, p.title, p.statement,
       COALESCE((SELECT group_concat(j.value, ' ') FROM json_each(p.categories) j), '')
FROM problems p;
-- The next start reseeds built-in problems, indexing category labels rather than ids.
UPDATE problems SET content_hash = '' WHERE source = 'builtin';
DELETE FROM library_meta WHERE key = 'builtin_hash';
