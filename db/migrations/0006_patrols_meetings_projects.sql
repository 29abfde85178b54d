CREATE TABLE `joint_activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pact_id` integer NOT NULL,
	`organiser_county_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`held_on` text NOT NULL,
	`region_id` integer,
	`place_text` text DEFAULT '' NOT NULL,
	`attendance` integer DEFAULT 0 NOT NULL,
	`consultations` integer DEFAULT 0 NOT NULL,
	`legal_aid_cases` integer DEFAULT 0 NOT NULL,
	`requests_received` integer DEFAULT 0 NOT NULL,
	`requests_resolved` integer DEFAULT 0 NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`pact_id`) REFERENCES `pacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organiser_county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `joint_activities_pact_idx` ON `joint_activities` (`pact_id`,`held_on`);--> statement-breakpoint
CREATE TABLE `patrol_details` (
	`record_id` integer PRIMARY KEY NOT NULL,
	`team_id` integer NOT NULL,
	`kind` text NOT NULL,
	`patrol_on` text NOT NULL,
	`planned_start` text NOT NULL,
	`planned_end` text NOT NULL,
	`route` text DEFAULT '' NOT NULL,
	`started_at` integer,
	`ended_at` integer,
	`people_checked` integer DEFAULT 0 NOT NULL,
	`vehicles_checked` integer DEFAULT 0 NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `joint_bodies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `patrol_details_team_idx` ON `patrol_details` (`team_id`);--> statement-breakpoint
CREATE INDEX `patrol_details_on_idx` ON `patrol_details` (`patrol_on`);--> statement-breakpoint
CREATE TABLE `patrol_findings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` integer NOT NULL,
	`found_at` integer NOT NULL,
	`description` text NOT NULL,
	`region_id` integer,
	`opened_record_id` integer,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `patrol_findings_record_idx` ON `patrol_findings` (`record_id`);--> statement-breakpoint
CREATE TABLE `patrol_participants` (
	`record_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`county_id` integer NOT NULL,
	PRIMARY KEY(`record_id`, `user_id`),
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `patrol_regions` (
	`record_id` integer NOT NULL,
	`region_id` integer NOT NULL,
	PRIMARY KEY(`record_id`, `region_id`),
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `action_items` (
	`record_id` integer PRIMARY KEY NOT NULL,
	`meeting_record_id` integer NOT NULL,
	`position` integer NOT NULL,
	`responsible_county_id` integer NOT NULL,
	`owner_user_id` text,
	`deadline` text NOT NULL,
	`done_at` integer,
	`done_by` text,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`done_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_items_meeting_idx` ON `action_items` (`meeting_record_id`);--> statement-breakpoint
CREATE INDEX `action_items_county_idx` ON `action_items` (`responsible_county_id`,`deadline`);--> statement-breakpoint
CREATE TABLE `meeting_agenda_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`linked_record_id` integer,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`linked_record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_agenda_items_record_idx` ON `meeting_agenda_items` (`record_id`);--> statement-breakpoint
CREATE TABLE `meeting_attendees` (
	`record_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`county_id` integer NOT NULL,
	PRIMARY KEY(`record_id`, `user_id`),
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meeting_details` (
	`record_id` integer PRIMARY KEY NOT NULL,
	`level` text NOT NULL,
	`host_county_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`other_attendees` text DEFAULT '' NOT NULL,
	`minutes` text DEFAULT '' NOT NULL,
	`held_at` integer,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`host_county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_details_starts_idx` ON `meeting_details` (`starts_at`);--> statement-breakpoint
CREATE TABLE `project_details` (
	`record_id` integer PRIMARY KEY NOT NULL,
	`field` text NOT NULL,
	`starts_on` text,
	`ends_on` text,
	`budget` integer DEFAULT 0 NOT NULL,
	`contributions` text DEFAULT '' NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `project_milestones` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`due_on` text NOT NULL,
	`responsible_county_id` integer,
	`done_on` text,
	`done_by` text,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`done_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_milestones_record_idx` ON `project_milestones` (`record_id`,`due_on`);