-- Full-text search over the contact log (subject and summary), folded like persons_fts so that "sommerda" finds
-- "Sömmerda" and "mueller" finds "Müller".
CREATE VIRTUAL TABLE interactions_fts USING fts5(doc, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIEW interaction_search_docs AS
SELECT i.id AS id, anett_fold(i.subject || ' ' || coalesce(i.summary, '')) AS doc
FROM interactions i;
--> statement-breakpoint
INSERT INTO interactions_fts(rowid, doc) SELECT id, doc FROM interaction_search_docs;
--> statement-breakpoint
CREATE TRIGGER interactions_fts_ai AFTER INSERT ON interactions BEGIN
  INSERT INTO interactions_fts(rowid, doc) SELECT id, doc FROM interaction_search_docs WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER interactions_fts_au AFTER UPDATE OF subject, summary ON interactions BEGIN
  DELETE FROM interactions_fts WHERE rowid = old.id;
  INSERT INTO interactions_fts(rowid, doc) SELECT id, doc FROM interaction_search_docs WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER interactions_fts_ad AFTER DELETE ON interactions BEGIN
  DELETE FROM interactions_fts WHERE rowid = old.id;
END;
