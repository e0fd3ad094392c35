ALTER TABLE `interactions` ADD `mail_key` text;--> statement-breakpoint
ALTER TABLE `interactions` ADD `direction` text;--> statement-breakpoint
CREATE UNIQUE INDEX `interactions_mail_key_idx` ON `interactions` (`mail_key`) WHERE "interactions"."mail_key" IS NOT NULL AND "interactions"."deleted_at" IS NULL;