-- The session clock and its owner: time spent while no process ran the session (a crash)
-- does not count, and a session whose owning process is gone can be recovered.

ALTER TABLE sessions ADD COLUMN paused_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN owner_pid INTEGER;
ALTER TABLE sessions ADD COLUMN heartbeat_at INTEGER;
-- Time warnings already given, in minutes left (JSON array), so each is given once.
ALTER TABLE sessions ADD COLUMN warned TEXT NOT NULL DEFAULT '[]';
CREATE INDEX sessions_by_status ON sessions (status);
CREATE INDEX runs_by_session ON runs (session_id);
CREATE INDEX hint_reveals_by_session ON hint_reveals (session_id);
