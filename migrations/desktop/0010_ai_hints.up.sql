-- The hint a model wrote for the candidate's code, when it was that (the authored one otherwise).
ALTER TABLE hint_reveals ADD COLUMN ai_text TEXT;
