-- Deleting a row from a full-text index also removes its tokens from the index segments at once, instead of adding a
-- delete marker that leaves the old tokens readable in the file until the next merge (needed for GDPR erasure).
INSERT INTO persons_fts(persons_fts, rank) VALUES('secure-delete', 1);
--> statement-breakpoint
INSERT INTO interactions_fts(interactions_fts, rank) VALUES('secure-delete', 1);
--> statement-breakpoint
INSERT INTO organizations_fts(organizations_fts, rank) VALUES('secure-delete', 1);
