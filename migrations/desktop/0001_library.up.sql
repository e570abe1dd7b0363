-- The problem library, drafts and settings.

CREATE TABLE problems (
    id               INTEGER PRIMARY KEY,
    slug             TEXT NOT NULL UNIQUE,
    title            TEXT NOT NULL,
    difficulty       TEXT NOT NULL CHECK (difficulty IN ('easy', 'medium', 'hard')),
    categories       TEXT NOT NULL,          -- JSON array of category ids
    companies        TEXT NOT NULL,          -- JSON array of names
    statement        TEXT NOT NULL,
    signature        TEXT NOT NULL,          -- the signature's display form
    signature_json   TEXT NOT NULL,
    comparator       TEXT NOT NULL,
    time_complexity  TEXT NOT NULL,
    space_complexity TEXT NOT NULL,
    time_limit_ms    INTEGER NOT NULL,
    hints            TEXT NOT NULL,          -- JSON array, progressive
    follow_ups       TEXT NOT NULL,          -- JSON array
    checker          TEXT,
    source           TEXT NOT NULL CHECK (source IN ('builtin', 'pack')),
    content_hash     TEXT NOT NULL,
    updated_at       INTEGER NOT NULL
);

CREATE VIRTUAL TABLE problems_fts USING fts5(
    title, statement, categories,
    tokenize = 'porter unicode61'
);

CREATE TABLE problem_tests (
    id          INTEGER PRIMARY KEY,
    problem_id  INTEGER NOT NULL REFERENCES problems (id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    input       TEXT NOT NULL,               -- JSON object, parameter name -> value
    expected    TEXT NOT NULL,               -- JSON
    hidden      INTEGER NOT NULL CHECK (hidden IN (0, 1)),
    explanation TEXT,
    UNIQUE (problem_id, ordinal)
);

CREATE TABLE reference_solutions (
    problem_id INTEGER NOT NULL REFERENCES problems (id) ON DELETE CASCADE,
    language   TEXT NOT NULL,
    code       TEXT NOT NULL,
    PRIMARY KEY (problem_id, language)
);

-- Keyed by slug, not problem id, so reseeding the library never touches them.
CREATE TABLE drafts (
    problem_slug TEXT NOT NULL,
    language     TEXT NOT NULL,
    code         TEXT NOT NULL,
    updated_at   INTEGER NOT NULL,
    PRIMARY KEY (problem_slug, language)
);

CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,                -- JSON
    updated_at INTEGER NOT NULL
);

CREATE TABLE library_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
