DROP TABLE code_notes;
