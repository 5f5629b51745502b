-- The decision log holds a decision once: one row per (source document, decision text). The text can be
-- longer than an index entry may be on PostgreSQL, so the key is its SHA-256 (hex). The log is derived
-- from the documents, so it is emptied here and its follower re-reads every document once from position 0.
DELETE FROM decisions;
DELETE FROM skill_state WHERE name LIKE 'decisions.%';
ALTER TABLE decisions ADD COLUMN text_key CHAR(64) NOT NULL;
CREATE UNIQUE INDEX decisions_once ON decisions (doc_id, text_key);
