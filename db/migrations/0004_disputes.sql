CREATE TABLE `dispute_details` (
	`record_id` integer PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`lead_county_id` integer NOT NULL,
	`committee_id` integer,
	`people_involved` integer DEFAULT 0 NOT NULL,
	`amount_involved` integer DEFAULT 0 NOT NULL,
	`escalation_risk` text NOT NULL,
	`outcome_at` integer,
	`referral_kind` text,
	`referral_to` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`committee_id`) REFERENCES `joint_bodies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dispute_details_committee_idx` ON `dispute_details` (`committee_id`);--> statement-breakpoint
CREATE INDEX `dispute_details_lead_idx` ON `dispute_details` (`lead_county_id`);--> statement-breakpoint
CREATE TABLE `dispute_parties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` integer NOT NULL,
	`name` text NOT NULL,
	`county_id` integer NOT NULL,
	`village` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`id_number` text DEFAULT '' NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dispute_parties_record_idx` ON `dispute_parties` (`record_id`);--> statement-breakpoint
CREATE TABLE `mediation_agreements` (
	`record_id` integer PRIMARY KEY NOT NULL,
	`facts` text NOT NULL,
	`issues` text NOT NULL,
	`terms` text NOT NULL,
	`performance` text NOT NULL,
	`signed_on` text NOT NULL,
	`judicial_status` text DEFAULT 'not_applied' NOT NULL,
	`judicial_applied_on` text,
	`judicial_court` text DEFAULT '' NOT NULL,
	`judicial_answered_on` text,
	`judicial_answer` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `mediation_session_mediators` (
	`session_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`county_id` integer NOT NULL,
	PRIMARY KEY(`session_id`, `user_id`),
	FOREIGN KEY (`session_id`) REFERENCES `mediation_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `mediation_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` integer NOT NULL,
	`held_on` text NOT NULL,
	`place` text NOT NULL,
	`parties_present` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mediation_sessions_record_idx` ON `mediation_sessions` (`record_id`);--> statement-breakpoint
CREATE TABLE `return_visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` integer NOT NULL,
	`visited_on` text NOT NULL,
	`method` text NOT NULL,
	`performance` text NOT NULL,
	`visited_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `return_visits_record_idx` ON `return_visits` (`record_id`);