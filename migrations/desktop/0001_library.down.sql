DROP TABLE library_meta;
DROP TABLE settings;
DROP TABLE drafts;
DROP TABLE reference_solutions;
DROP TABLE problem_tests;
DROP TABLE problems_fts;
DROP TABLE problems;
