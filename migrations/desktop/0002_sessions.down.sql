DROP TABLE evaluations;
DROP TABLE runs;
DROP TABLE code_snapshots;
DROP TABLE transcripts;
DROP TABLE session_events;
DROP TABLE hint_reveals;
DROP TABLE sessions;
