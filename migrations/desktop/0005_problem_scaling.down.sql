ALTER TABLE problems DROP COLUMN scaling;
