CREATE TABLE `audit_concerns` (
	`county_id` integer NOT NULL,
	`audit_id` integer NOT NULL,
	PRIMARY KEY(`county_id`, `audit_id`),
	FOREIGN KEY (`audit_id`) REFERENCES `audit_log`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_concerns_audit_idx` ON `audit_concerns` (`audit_id`);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `concerns` text;--> statement-breakpoint
CREATE INDEX `audit_county_action_idx` ON `audit_log` (`county_id`,`action`);--> statement-breakpoint
-- Like the log itself, the record of which counties an entry concerns is append-only.
CREATE TRIGGER `audit_concerns_no_update` BEFORE UPDATE ON `audit_concerns`
BEGIN
  SELECT RAISE(ABORT, 'audit_concerns is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_concerns_no_delete` BEFORE DELETE ON `audit_concerns`
BEGIN
  SELECT RAISE(ABORT, 'audit_concerns is append-only');
END;
