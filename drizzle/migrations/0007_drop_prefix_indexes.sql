DROP INDEX `attendances_person_idx`;--> statement-breakpoint
DROP INDEX `attendances_event_status_idx`;--> statement-breakpoint
DROP INDEX `attendances_event_status_person_idx`;--> statement-breakpoint
DROP INDEX `interactions_occurred_idx`;--> statement-breakpoint
DROP INDEX `interactions_node_idx`;