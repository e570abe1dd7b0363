DROP INDEX hint_reveals_by_session;
DROP INDEX runs_by_session;
DROP INDEX sessions_by_status;
ALTER TABLE sessions DROP COLUMN warned;
ALTER TABLE sessions DROP COLUMN heartbeat_at;
ALTER TABLE sessions DROP COLUMN owner_pid;
ALTER TABLE sessions DROP COLUMN paused_ms;
