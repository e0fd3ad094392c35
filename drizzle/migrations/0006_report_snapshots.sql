CREATE TABLE `report_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`label` text NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text NOT NULL,
	`node_id` integer,
	`reached_by` text NOT NULL,
	`report` text NOT NULL,
	`created_by_id` integer,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `report_snapshots_created_idx` ON `report_snapshots` (`created_at`);--> statement-breakpoint
CREATE INDEX `attendances_reach_idx` ON `attendances` (`event_id`,`status`,`person_id`,`organization_id`);--> statement-breakpoint
CREATE INDEX `interactions_period_idx` ON `interactions` (`occurred_at`,`deleted_at`,`node_id`);--> statement-breakpoint
CREATE INDEX `interactions_node_period_idx` ON `interactions` (`node_id`,`occurred_at`,`deleted_at`);