-- The history list reads each session's latest score, newest sessions first.
CREATE INDEX evaluations_by_session ON evaluations (session_id, created_at);
CREATE INDEX sessions_by_created ON sessions (created_at);
