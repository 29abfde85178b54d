CREATE TABLE `notice_details` (
	`record_id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`urgency` text NOT NULL,
	`incident_at` integer NOT NULL,
	`crime_category` text NOT NULL,
	`suspects` text DEFAULT '' NOT NULL,
	`property` text DEFAULT '' NOT NULL,
	`request` text DEFAULT '' NOT NULL,
	`handling_code` text NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notice_receipts` (
	`record_id` integer NOT NULL,
	`county_id` integer NOT NULL,
	`sign_deadline` integer NOT NULL,
	`signed_by` text,
	`signed_at` integer,
	`result` text,
	`suspects_caught` integer DEFAULT 0 NOT NULL,
	`items_recovered` integer DEFAULT 0 NOT NULL,
	`result_note` text DEFAULT '' NOT NULL,
	`result_by` text,
	`result_at` integer,
	PRIMARY KEY(`record_id`, `county_id`),
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`result_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notice_receipts_county_idx` ON `notice_receipts` (`county_id`);--> statement-breakpoint
CREATE TABLE `notice_vehicles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` integer NOT NULL,
	`plate` text DEFAULT '' NOT NULL,
	`type` text DEFAULT '' NOT NULL,
	`colour` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notice_vehicles_record_idx` ON `notice_vehicles` (`record_id`);--> statement-breakpoint
CREATE TABLE `pact_notice_deadlines` (
	`pact_id` integer NOT NULL,
	`urgency` text NOT NULL,
	`minutes` integer NOT NULL,
	PRIMARY KEY(`pact_id`, `urgency`),
	FOREIGN KEY (`pact_id`) REFERENCES `pacts`(`id`) ON UPDATE no action ON DELETE no action
);
