-- Every call an agent made to a model: who, which model, the tokens it used and what they cost.
CREATE TABLE agent_calls (
    id          TEXT PRIMARY KEY,
    session_id  TEXT REFERENCES sessions (id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('interviewer', 'observer', 'evaluator', 'hints')),
    provider    TEXT NOT NULL,
    model       TEXT NOT NULL,
    input       INTEGER NOT NULL,
    output      INTEGER NOT NULL,
    cache_read  INTEGER NOT NULL,
    cache_write INTEGER NOT NULL,
    latency_ms  INTEGER NOT NULL,
    usd         REAL,
    ok          INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX agent_calls_by_session ON agent_calls (session_id, created_at);
