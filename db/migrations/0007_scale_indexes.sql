DROP INDEX `records_pact_idx`;--> statement-breakpoint
CREATE INDEX `records_pact_workflow_created_idx` ON `records` (`pact_id`,`workflow`,`created_at`);--> statement-breakpoint
DROP INDEX `record_addressees_county_idx`;--> statement-breakpoint
CREATE INDEX `record_addressees_county_idx` ON `record_addressees` (`county_id`,`record_id`);