DROP INDEX sessions_by_created;
DROP INDEX evaluations_by_session;
