CREATE TABLE `pact_amendment_signatures` (
	`amendment_id` integer NOT NULL,
	`county_id` integer NOT NULL,
	`signature` text NOT NULL,
	`signed_by` text,
	`signed_at` integer,
	PRIMARY KEY(`amendment_id`, `county_id`),
	FOREIGN KEY (`amendment_id`) REFERENCES `pact_amendments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `pact_amendments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pact_id` integer NOT NULL,
	`proposer_county_id` integer NOT NULL,
	`proposed_by` text NOT NULL,
	`proposed_at` integer NOT NULL,
	`status` text NOT NULL,
	`terms_before` text NOT NULL,
	`terms` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`closed_by` text,
	`closed_at` integer,
	FOREIGN KEY (`pact_id`) REFERENCES `pacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposer_county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pact_amendments_pact_idx` ON `pact_amendments` (`pact_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `pact_amendments_one_open` ON `pact_amendments` (`pact_id`) WHERE status = 'proposed';