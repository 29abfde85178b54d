CREATE TABLE `counties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`code` text NOT NULL,
	`province` text NOT NULL,
	`short_code` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `counties_code_unique` ON `counties` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `counties_short_code_unique` ON `counties` (`short_code`);--> statement-breakpoint
CREATE TABLE `regions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`county_id` integer NOT NULL,
	`parent_id` integer,
	`level` text NOT NULL,
	`name` text NOT NULL,
	`is_border` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `regions_county_idx` ON `regions` (`county_id`);--> statement-breakpoint
CREATE INDEX `regions_parent_idx` ON `regions` (`parent_id`);--> statement-breakpoint
CREATE TABLE `user_roles` (
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`user_id`, `role`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`county_id` integer NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`password_hash` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE INDEX `users_county_idx` ON `users` (`county_id`);--> statement-breakpoint
CREATE TABLE `login_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_failures_key_at_idx` ON `login_failures` (`key`,`at`);--> statement-breakpoint
CREATE TABLE `login_locks` (
	`key` text PRIMARY KEY NOT NULL,
	`locked_until` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `joint_bodies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pact_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`level` text,
	`region_id` integer,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`pact_id`) REFERENCES `pacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `joint_bodies_pact_idx` ON `joint_bodies` (`pact_id`);--> statement-breakpoint
CREATE TABLE `joint_body_members` (
	`body_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`county_id` integer NOT NULL,
	`duty` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`body_id`, `user_id`),
	FOREIGN KEY (`body_id`) REFERENCES `joint_bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `pact_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pact_id` integer NOT NULL,
	`action` text NOT NULL,
	`county_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`reason` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`pact_id`) REFERENCES `pacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pact_events_pact_idx` ON `pact_events` (`pact_id`);--> statement-breakpoint
CREATE TABLE `pact_liaisons` (
	`pact_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`county_id` integer NOT NULL,
	PRIMARY KEY(`pact_id`, `user_id`),
	FOREIGN KEY (`pact_id`) REFERENCES `pacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `pact_members` (
	`pact_id` integer NOT NULL,
	`county_id` integer NOT NULL,
	`signature` text NOT NULL,
	`signed_by` text,
	`signed_at` integer,
	PRIMARY KEY(`pact_id`, `county_id`),
	FOREIGN KEY (`pact_id`) REFERENCES `pacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pact_members_county_idx` ON `pact_members` (`county_id`);--> statement-breakpoint
CREATE TABLE `pact_workflows` (
	`pact_id` integer NOT NULL,
	`workflow` text NOT NULL,
	PRIMARY KEY(`pact_id`, `workflow`),
	FOREIGN KEY (`pact_id`) REFERENCES `pacts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `pacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`proposer_county_id` integer NOT NULL,
	`status` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text,
	`articles` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`proposer_county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pacts_status_idx` ON `pacts` (`status`);--> statement-breakpoint
CREATE TABLE `record_addressees` (
	`record_id` integer NOT NULL,
	`county_id` integer NOT NULL,
	PRIMARY KEY(`record_id`, `county_id`),
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `record_addressees_county_idx` ON `record_addressees` (`county_id`);--> statement-breakpoint
CREATE TABLE `records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`owner_county_id` integer NOT NULL,
	`pact_id` integer,
	`workflow` text NOT NULL,
	`status` text NOT NULL,
	`ref_no` text NOT NULL,
	`title` text NOT NULL,
	`region_id` integer,
	`place_text` text DEFAULT '' NOT NULL,
	`police_only` integer DEFAULT false NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pact_id`) REFERENCES `pacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `records_ref_no_unique` ON `records` (`ref_no`);--> statement-breakpoint
CREATE INDEX `records_owner_idx` ON `records` (`owner_county_id`,`workflow`,`status`);--> statement-breakpoint
CREATE INDEX `records_pact_idx` ON `records` (`pact_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_user_id` text,
	`actor_name` text DEFAULT '' NOT NULL,
	`county_id` integer,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text,
	`before` text,
	`after` text,
	`ip` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_county_at_idx` ON `audit_log` (`county_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_action_idx` ON `audit_log` (`action`);