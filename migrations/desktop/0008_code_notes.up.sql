-- The code observer's notes, each on one snapshot of the code: the parser's syntax errors and
-- what the observer's model read (approach, complexity, warnings), as JSON.
CREATE TABLE code_notes (
    id          TEXT PRIMARY KEY,
    session_id  TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    snapshot_id TEXT NOT NULL REFERENCES code_snapshots (id) ON DELETE CASCADE,
    at_ms       INTEGER NOT NULL,
    note        TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX code_notes_by_session ON code_notes (session_id, at_ms);
