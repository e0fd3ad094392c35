CREATE TABLE `person_contact_points` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`person_id` integer NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`label` text,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `person_contact_points_person_idx` ON `person_contact_points` (`person_id`);--> statement-breakpoint
CREATE INDEX `person_contact_points_value_idx` ON `person_contact_points` (`kind`,lower("value"));--> statement-breakpoint
ALTER TABLE `attendances` ADD `checked_in_from` text;--> statement-breakpoint
-- Hand-written: a person is also found by their additional e-mail addresses and phone numbers.
DROP VIEW person_search_docs;
--> statement-breakpoint
CREATE VIEW person_search_docs AS
SELECT p.id AS id,
  anett_fold(
    coalesce(p.title, '') || ' ' || p.first_name || ' ' || p.last_name || ' ' || coalesce(p.email, '') || ' ' ||
    coalesce((SELECT group_concat(o.name || ' ' || coalesce(o.short_name, '') || ' ' || coalesce(o.city, ''), ' ')
              FROM affiliations a JOIN organizations o ON o.id = a.organization_id
              WHERE a.person_id = p.id AND a.to_date IS NULL), '') || ' ' ||
    coalesce((SELECT group_concat(c.value, ' ') FROM person_contact_points c WHERE c.person_id = p.id), '')
  ) AS doc
FROM persons p;
--> statement-breakpoint
CREATE TRIGGER person_contact_points_fts_ai AFTER INSERT ON person_contact_points BEGIN
  DELETE FROM persons_fts WHERE rowid = new.person_id;
  INSERT INTO persons_fts(rowid, doc) SELECT id, doc FROM person_search_docs WHERE id = new.person_id;
END;
--> statement-breakpoint
CREATE TRIGGER person_contact_points_fts_au AFTER UPDATE OF person_id, value ON person_contact_points BEGIN
  DELETE FROM persons_fts WHERE rowid IN (old.person_id, new.person_id);
  INSERT INTO persons_fts(rowid, doc) SELECT id, doc FROM person_search_docs WHERE id IN (old.person_id, new.person_id);
END;
--> statement-breakpoint
CREATE TRIGGER person_contact_points_fts_ad AFTER DELETE ON person_contact_points BEGIN
  DELETE FROM persons_fts WHERE rowid = old.person_id;
  INSERT INTO persons_fts(rowid, doc) SELECT id, doc FROM person_search_docs WHERE id = old.person_id;
END;
