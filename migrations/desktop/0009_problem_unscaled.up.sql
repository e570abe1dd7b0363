-- Why a problem's growth is not measured (problem.toml's `unscaled`), for the report.
ALTER TABLE problems ADD COLUMN unscaled TEXT;
-- The library is written again with the new column filled.
DELETE FROM library_meta WHERE key = 'builtin_hash';
UPDATE problems SET content_hash = '' WHERE source = 'builtin';
