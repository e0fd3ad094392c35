CREATE INDEX `consents_latest_idx` ON `consents` (`person_id`,`channel`,`recorded_at`,`id`);--> statement-breakpoint
CREATE INDEX `attendances_event_status_person_idx` ON `attendances` (`event_id`,`status`,`person_id`);--> statement-breakpoint
CREATE INDEX `affiliations_org_current_idx` ON `affiliations` (`organization_id`,`to_date`,`person_id`);--> statement-breakpoint
CREATE INDEX `persons_email_lower_idx` ON `persons` (lower("email"));