CREATE TABLE `record_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`from_record_id` integer NOT NULL,
	`to_record_id` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`from_record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `record_links_pair_unique` ON `record_links` (`from_record_id`,`to_record_id`);--> statement-breakpoint
CREATE INDEX `record_links_to_idx` ON `record_links` (`to_record_id`);--> statement-breakpoint
CREATE TABLE `reference_sequences` (
	`county_id` integer NOT NULL,
	`workflow` text NOT NULL,
	`year` integer NOT NULL,
	`last_value` integer NOT NULL,
	PRIMARY KEY(`county_id`, `workflow`, `year`),
	FOREIGN KEY (`county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` integer NOT NULL,
	`record_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`mime_type` text NOT NULL,
	`file_name` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `thread_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachments_entry_idx` ON `attachments` (`entry_id`);--> statement-breakpoint
CREATE INDEX `attachments_record_idx` ON `attachments` (`record_id`);--> statement-breakpoint
CREATE TABLE `read_states` (
	`user_id` text NOT NULL,
	`record_id` integer NOT NULL,
	`last_read_entry_id` integer NOT NULL,
	`read_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `record_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `thread_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` integer NOT NULL,
	`kind` text NOT NULL,
	`author_user_id` text,
	`author_county_id` integer NOT NULL,
	`author_roles` text DEFAULT '[]' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`event_action` text,
	`from_status` text,
	`to_status` text,
	`payload` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `thread_entries_record_idx` ON `thread_entries` (`record_id`,`id`);--> statement-breakpoint
CREATE TABLE `hazard_details` (
	`record_id` integer PRIMARY KEY NOT NULL,
	`category` text NOT NULL,
	`severity` text NOT NULL,
	`source` text NOT NULL,
	`responsible_county_id` integer,
	`measures` text DEFAULT '' NOT NULL,
	`deadline` integer,
	`sweep_id` integer,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sweep_id`) REFERENCES `joint_sweeps`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `hazard_details_sweep_idx` ON `hazard_details` (`sweep_id`);--> statement-breakpoint
CREATE TABLE `joint_sweep_participants` (
	`sweep_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`county_id` integer NOT NULL,
	PRIMARY KEY(`sweep_id`, `user_id`),
	FOREIGN KEY (`sweep_id`) REFERENCES `joint_sweeps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `joint_sweeps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pact_id` integer NOT NULL,
	`organiser_county_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`scope` text NOT NULL,
	`planned_on` text NOT NULL,
	`status` text NOT NULL,
	`outcome` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`pact_id`) REFERENCES `pacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organiser_county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `joint_sweeps_pact_idx` ON `joint_sweeps` (`pact_id`);--> statement-breakpoint
ALTER TABLE `records` ADD `description` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `records` ADD `due_at` integer;