DROP INDEX `organizations_name_idx`;--> statement-breakpoint
CREATE INDEX `organizations_sort_idx` ON `organizations` (anett_sort_key("name"));--> statement-breakpoint
DROP INDEX `persons_last_first_idx`;--> statement-breakpoint
CREATE INDEX `persons_sort_idx` ON `persons` (anett_sort_key("last_name" || ' ' || "first_name"));