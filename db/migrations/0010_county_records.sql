CREATE TABLE `county_records` (
	`county_id` integer NOT NULL,
	`record_id` integer NOT NULL,
	`workflow` text NOT NULL,
	`status` text NOT NULL,
	`changed_at` integer NOT NULL,
	PRIMARY KEY(`county_id`, `record_id`),
	FOREIGN KEY (`county_id`) REFERENCES `counties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`record_id`) REFERENCES `records`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `county_records_status_idx` ON `county_records` (`county_id`,`workflow`,`status`);--> statement-breakpoint
CREATE INDEX `county_records_changed_idx` ON `county_records` (`county_id`,`changed_at`);--> statement-breakpoint
CREATE INDEX `county_records_record_idx` ON `county_records` (`record_id`);--> statement-breakpoint
CREATE INDEX `mediation_agreements_judicial_idx` ON `mediation_agreements` (`judicial_status`,`signed_on`);--> statement-breakpoint
CREATE TRIGGER `county_records_record_insert` AFTER INSERT ON `records` BEGIN
  INSERT OR IGNORE INTO `county_records` (`county_id`, `record_id`, `workflow`, `status`, `changed_at`)
  VALUES (new.`owner_county_id`, new.`id`, new.`workflow`, new.`status`, new.`updated_at`);
END;--> statement-breakpoint
CREATE TRIGGER `county_records_record_update` AFTER UPDATE OF `status`, `updated_at` ON `records` BEGIN
  UPDATE `county_records` SET `status` = new.`status`, `changed_at` = max(`changed_at`, new.`updated_at`)
   WHERE `record_id` = new.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `county_records_owner_update` AFTER UPDATE OF `owner_county_id` ON `records`
  WHEN new.`owner_county_id` <> old.`owner_county_id` BEGIN
  DELETE FROM `county_records` WHERE `record_id` = new.`id` AND `county_id` = old.`owner_county_id`
    AND NOT EXISTS (SELECT 1 FROM `record_addressees` ra WHERE ra.`record_id` = new.`id` AND ra.`county_id` = old.`owner_county_id`);
  INSERT OR IGNORE INTO `county_records` (`county_id`, `record_id`, `workflow`, `status`, `changed_at`)
  VALUES (new.`owner_county_id`, new.`id`, new.`workflow`, new.`status`,
    max(new.`updated_at`, coalesce((SELECT max(`created_at`) FROM `thread_entries` WHERE `record_id` = new.`id`), 0)));
END;--> statement-breakpoint
CREATE TRIGGER `county_records_record_delete` AFTER DELETE ON `records` BEGIN
  DELETE FROM `county_records` WHERE `record_id` = old.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `county_records_addressee_insert` AFTER INSERT ON `record_addressees` BEGIN
  INSERT OR IGNORE INTO `county_records` (`county_id`, `record_id`, `workflow`, `status`, `changed_at`)
  SELECT new.`county_id`, r.`id`, r.`workflow`, r.`status`,
    max(r.`updated_at`, coalesce((SELECT max(`created_at`) FROM `thread_entries` WHERE `record_id` = r.`id`), 0))
  FROM `records` r WHERE r.`id` = new.`record_id`;
END;--> statement-breakpoint
CREATE TRIGGER `county_records_addressee_delete` AFTER DELETE ON `record_addressees` BEGIN
  DELETE FROM `county_records` WHERE `record_id` = old.`record_id` AND `county_id` = old.`county_id`
    AND NOT EXISTS (SELECT 1 FROM `records` r WHERE r.`id` = old.`record_id` AND r.`owner_county_id` = old.`county_id`);
END;--> statement-breakpoint
CREATE TRIGGER `county_records_entry_insert` AFTER INSERT ON `thread_entries` BEGIN
  UPDATE `county_records` SET `changed_at` = max(`changed_at`, new.`created_at`) WHERE `record_id` = new.`record_id`;
END;--> statement-breakpoint
INSERT INTO `county_records` (`county_id`, `record_id`, `workflow`, `status`, `changed_at`)
SELECT r.`owner_county_id`, r.`id`, r.`workflow`, r.`status`, max(r.`updated_at`, coalesce(t.`newest`, 0))
FROM `records` r LEFT JOIN (SELECT `record_id`, max(`created_at`) AS `newest` FROM `thread_entries` GROUP BY `record_id`) t
  ON t.`record_id` = r.`id`;--> statement-breakpoint
INSERT OR IGNORE INTO `county_records` (`county_id`, `record_id`, `workflow`, `status`, `changed_at`)
SELECT ra.`county_id`, r.`id`, r.`workflow`, r.`status`, c.`changed_at`
FROM `record_addressees` ra JOIN `records` r ON r.`id` = ra.`record_id`
  JOIN `county_records` c ON c.`record_id` = r.`id` AND c.`county_id` = r.`owner_county_id`;
