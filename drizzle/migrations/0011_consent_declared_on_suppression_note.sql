ALTER TABLE `consents` ADD `declared_on` text;--> statement-breakpoint
ALTER TABLE `suppressions` ADD `note` text;