DROP INDEX `record_addressees_county_idx`;--> statement-breakpoint
ALTER TABLE `record_addressees` ADD `workflow` text;--> statement-breakpoint
UPDATE `record_addressees` SET `workflow` = (SELECT `workflow` FROM `records` WHERE `records`.`id` = `record_addressees`.`record_id`);--> statement-breakpoint
CREATE TRIGGER `record_addressees_workflow` AFTER INSERT ON `record_addressees` WHEN new.`workflow` IS NULL BEGIN
  UPDATE `record_addressees` SET `workflow` = (SELECT `workflow` FROM `records` WHERE `records`.`id` = new.`record_id`)
   WHERE `record_id` = new.`record_id` AND `county_id` = new.`county_id`;
END;--> statement-breakpoint
CREATE INDEX `record_addressees_county_idx` ON `record_addressees` (`county_id`,`workflow`,`record_id`);
