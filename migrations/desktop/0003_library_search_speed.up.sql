-- Search-as-you-type stays fast on large libraries: FTS5 prefix indexes ("a", "tr", "win"),
DROP TABLE problems_fts;
CREATE VIRTUAL TABLE problems_fts USING fts5(
    title, statement, categories,
    tokenize = 'porter unicode61',
    prefix = '1 2 3'
);
-- Title matches weigh most, then categories, then the statement; ORDER BY rank uses this.
INSERT INTO problems_fts (problems_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0, 4.0)');
INSERT INTO problems_fts (rowid, title, statement, categories)
SELECT p.id, p.title, p.statement,
       COALESCE((SELECT group_concat(j.value, ' ') FROM json_each(p.categories) j), '')
FROM problems p;
-- The library's default order (easy, medium, hard; then title), covering what a page scan reads.
CREATE INDEX problems_library_order ON problems (
    (CASE difficulty WHEN 'easy' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END), title, difficulty, slug
);
-- The next start reseeds built-in problems, indexing category labels rather than ids.
UPDATE problems SET content_hash = '' WHERE source = 'builtin';
DELETE FROM library_meta WHERE key = 'builtin_hash';
