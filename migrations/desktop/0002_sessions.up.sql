-- Interviews: sessions and everything recorded during them.

CREATE TABLE sessions (
    id           TEXT PRIMARY KEY,           -- UUID v7
    problem_slug TEXT NOT NULL,
    language     TEXT NOT NULL,
    mode         TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('scheduled', 'active', 'completed', 'abandoned')),
    duration_ms  INTEGER NOT NULL,
    started_at   INTEGER,
    ended_at     INTEGER,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX sessions_by_start ON sessions (started_at);

CREATE TABLE hint_reveals (
    id           INTEGER PRIMARY KEY,
    problem_slug TEXT NOT NULL,
    level        INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
    session_id   TEXT REFERENCES sessions (id) ON DELETE CASCADE,
    revealed_at  INTEGER NOT NULL
);
CREATE INDEX hint_reveals_by_problem ON hint_reveals (problem_slug, level);

CREATE TABLE session_events (
    id         TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    at_ms      INTEGER NOT NULL,             -- offset from the session's start
    kind       TEXT NOT NULL,
    payload    TEXT NOT NULL,                -- JSON
    created_at INTEGER NOT NULL
);
CREATE INDEX session_events_by_session ON session_events (session_id, at_ms);

CREATE TABLE transcripts (
    id         TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    at_ms      INTEGER NOT NULL,
    speaker    TEXT NOT NULL CHECK (speaker IN ('candidate', 'interviewer', 'system')),
    text       TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX transcripts_by_session ON transcripts (session_id, at_ms);

CREATE TABLE code_snapshots (
    id           TEXT PRIMARY KEY,
    session_id   TEXT REFERENCES sessions (id) ON DELETE CASCADE,
    problem_slug TEXT NOT NULL,
    language     TEXT NOT NULL,
    code         TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('auto', 'run', 'manual', 'final')),
    at_ms        INTEGER NOT NULL,
    created_at   INTEGER NOT NULL
);
CREATE INDEX code_snapshots_by_session ON code_snapshots (session_id, at_ms);

CREATE TABLE runs (
    id           TEXT PRIMARY KEY,
    session_id   TEXT REFERENCES sessions (id) ON DELETE CASCADE,
    problem_slug TEXT NOT NULL,
    language     TEXT NOT NULL,
    code         TEXT NOT NULL,
    mode         TEXT NOT NULL CHECK (mode IN ('run', 'submit', 'exec')),
    verdict      TEXT NOT NULL,
    results      TEXT NOT NULL,              -- JSON, per-test verdicts
    duration_ms  INTEGER NOT NULL,
    created_at   INTEGER NOT NULL
);
CREATE INDEX runs_by_problem ON runs (problem_slug, mode, verdict);

CREATE TABLE evaluations (
    id                TEXT PRIMARY KEY,
    session_id        TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    evaluator         TEXT NOT NULL,
    evaluator_version TEXT NOT NULL,
    overall           INTEGER,
    report            TEXT NOT NULL,         -- JSON
    created_at        INTEGER NOT NULL
);
