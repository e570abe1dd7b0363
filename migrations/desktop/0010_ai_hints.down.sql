ALTER TABLE hint_reveals DROP COLUMN ai_text;
