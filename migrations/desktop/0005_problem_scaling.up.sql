-- A problem's input generator for measuring a solution's growth (JSON of [scaling]).
ALTER TABLE problems ADD COLUMN scaling TEXT;
-- The next start reseeds built-in problems, filling the new column.
UPDATE problems SET content_hash = '' WHERE source = 'builtin';
DELETE FROM library_meta WHERE key = 'builtin_hash';
