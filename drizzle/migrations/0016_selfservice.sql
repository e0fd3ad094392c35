CREATE TABLE `mail_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text NOT NULL,
	`kind` text NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`text_body` text NOT NULL,
	`headers` text DEFAULT '{}' NOT NULL,
	`attachments` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`claimed_at` text,
	`sent_at` text,
	`last_error` text,
	`message_id` text
);
--> statement-breakpoint
CREATE INDEX `mail_outbox_due_idx` ON `mail_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `mail_outbox_created_idx` ON `mail_outbox` (`created_at`);--> statement-breakpoint
CREATE TABLE `registration_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`email` text NOT NULL,
	`salutation` text,
	`title` text,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`organization` text,
	`function` text,
	`newsletter` integer DEFAULT false NOT NULL,
	`consent_text_version` text,
	`language` text DEFAULT 'de' NOT NULL,
	`origin` text DEFAULT '' NOT NULL,
	`ip_hash` text NOT NULL,
	`requested_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`confirmed_at` text,
	`cancelled_at` text,
	`person_id` integer,
	`outcome` text,
	`duplicate_of` text,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `registration_requests_event_idx` ON `registration_requests` (`event_id`,`status`);--> statement-breakpoint
CREATE INDEX `registration_requests_email_idx` ON `registration_requests` (`email`,`requested_at`);--> statement-breakpoint
CREATE INDEX `registration_requests_ip_idx` ON `registration_requests` (`ip_hash`,`requested_at`);--> statement-breakpoint
ALTER TABLE `events` ADD `public_registration` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `public_slug` text;--> statement-breakpoint
CREATE UNIQUE INDEX `events_public_slug_uq` ON `events` (`public_slug`);