ALTER TABLE problems DROP COLUMN unscaled;
