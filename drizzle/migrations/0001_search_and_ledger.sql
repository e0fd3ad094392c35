-- Full-text search over persons and organisations. Documents are folded by the application
-- function anett_fold() (registered on every connection) so that "sommerda", "Sömm" and
-- "mueller"/"muller" find Sömmerda and Müller.
CREATE VIRTUAL TABLE persons_fts USING fts5(doc, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIRTUAL TABLE organizations_fts USING fts5(doc, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE VIEW person_search_docs AS
SELECT p.id AS id,
  anett_fold(
    coalesce(p.title, '') || ' ' || p.first_name || ' ' || p.last_name || ' ' || coalesce(p.email, '') || ' ' ||
    coalesce((SELECT group_concat(o.name || ' ' || coalesce(o.short_name, '') || ' ' || coalesce(o.city, ''), ' ')
              FROM affiliations a JOIN organizations o ON o.id = a.organization_id
              WHERE a.person_id = p.id AND a.to_date IS NULL), '')
  ) AS doc
FROM persons p;
--> statement-breakpoint
CREATE VIEW organization_search_docs AS
SELECT o.id AS id,
  anett_fold(o.name || ' ' || coalesce(o.short_name, '') || ' ' || coalesce(o.city, '') || ' ' ||
             coalesce(o.postal_code, '') || ' ' || coalesce(o.email, '')) AS doc
FROM organizations o;
--> statement-breakpoint
CREATE TRIGGER persons_fts_ai AFTER INSERT ON persons BEGIN
  INSERT INTO persons_fts(rowid, doc) SELECT id, doc FROM person_search_docs WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER persons_fts_au AFTER UPDATE OF title, first_name, last_name, email ON persons BEGIN
  DELETE FROM persons_fts WHERE rowid = old.id;
  INSERT INTO persons_fts(rowid, doc) SELECT id, doc FROM person_search_docs WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER persons_fts_ad AFTER DELETE ON persons BEGIN
  DELETE FROM persons_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER affiliations_fts_ai AFTER INSERT ON affiliations BEGIN
  DELETE FROM persons_fts WHERE rowid = new.person_id;
  INSERT INTO persons_fts(rowid, doc) SELECT id, doc FROM person_search_docs WHERE id = new.person_id;
END;
--> statement-breakpoint
CREATE TRIGGER affiliations_fts_au AFTER UPDATE ON affiliations BEGIN
  DELETE FROM persons_fts WHERE rowid IN (old.person_id, new.person_id);
  INSERT INTO persons_fts(rowid, doc) SELECT id, doc FROM person_search_docs WHERE id IN (old.person_id, new.person_id);
END;
--> statement-breakpoint
CREATE TRIGGER affiliations_fts_ad AFTER DELETE ON affiliations BEGIN
  DELETE FROM persons_fts WHERE rowid = old.person_id;
  INSERT INTO persons_fts(rowid, doc) SELECT id, doc FROM person_search_docs WHERE id = old.person_id;
END;
--> statement-breakpoint
CREATE TRIGGER organizations_fts_ai AFTER INSERT ON organizations BEGIN
  INSERT INTO organizations_fts(rowid, doc) SELECT id, doc FROM organization_search_docs WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER organizations_fts_au AFTER UPDATE OF name, short_name, city, postal_code, email ON organizations BEGIN
  DELETE FROM organizations_fts WHERE rowid = old.id;
  INSERT INTO organizations_fts(rowid, doc) SELECT id, doc FROM organization_search_docs WHERE id = new.id;
  DELETE FROM persons_fts WHERE rowid IN (SELECT person_id FROM affiliations WHERE organization_id = new.id);
  INSERT INTO persons_fts(rowid, doc)
    SELECT id, doc FROM person_search_docs WHERE id IN (SELECT person_id FROM affiliations WHERE organization_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER organizations_fts_ad AFTER DELETE ON organizations BEGIN
  DELETE FROM organizations_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
-- The consent ledger is append-only. The one exception is GDPR erasure, which first marks the
-- person erased and may then blank evidence text.
CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents
WHEN (SELECT erased_at FROM persons WHERE id = old.person_id) IS NULL
BEGIN
  SELECT RAISE(ABORT, 'CONSENT_LEDGER_APPEND_ONLY');
END;
--> statement-breakpoint
CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents BEGIN
  SELECT RAISE(ABORT, 'CONSENT_LEDGER_APPEND_ONLY');
END;
