DROP INDEX `organizations_name_idx`;--> statement-breakpoint
ALTER TABLE `organizations` ADD `sort_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `organizations_sort_idx` ON `organizations` (`sort_key`);--> statement-breakpoint
DROP INDEX `persons_last_first_idx`;--> statement-breakpoint
ALTER TABLE `persons` ADD `sort_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `persons_sort_idx` ON `persons` (`sort_key`);