-- Full-text search over records (reference, title, description) and thread messages and notes.
-- The trigram tokenizer indexes Chinese without word segmentation; LIKE '%…%' on this table
-- uses the index for three characters or more and still answers shorter queries correctly.
-- internal_county_id: set for internal notes, which only that county may find.
CREATE VIRTUAL TABLE `search_index` USING fts5(
  `content`,
  `record_id` UNINDEXED,
  `entry_id` UNINDEXED,
  `internal_county_id` UNINDEXED,
  tokenize = 'trigram'
);
--> statement-breakpoint
CREATE TRIGGER `search_index_record_insert` AFTER INSERT ON `records`
BEGIN
  INSERT INTO `search_index` (`content`, `record_id`, `entry_id`, `internal_county_id`)
  VALUES (NEW.`ref_no` || ' ' || NEW.`title` || ' ' || NEW.`description`, NEW.`id`, NULL, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `search_index_record_update` AFTER UPDATE OF `title`, `description`, `ref_no` ON `records`
BEGIN
  DELETE FROM `search_index` WHERE `record_id` = OLD.`id` AND `entry_id` IS NULL;
  INSERT INTO `search_index` (`content`, `record_id`, `entry_id`, `internal_county_id`)
  VALUES (NEW.`ref_no` || ' ' || NEW.`title` || ' ' || NEW.`description`, NEW.`id`, NULL, NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `search_index_entry_insert` AFTER INSERT ON `thread_entries`
WHEN NEW.`kind` IN ('message', 'internal') AND NEW.`body` <> ''
BEGIN
  INSERT INTO `search_index` (`content`, `record_id`, `entry_id`, `internal_county_id`)
  VALUES (
    NEW.`body`, NEW.`record_id`, NEW.`id`,
    CASE WHEN NEW.`kind` = 'internal' THEN NEW.`author_county_id` ELSE NULL END
  );
END;
--> statement-breakpoint
-- Thread entries are a record of what was said: never changed or removed.
CREATE TRIGGER `thread_entries_no_update` BEFORE UPDATE ON `thread_entries`
BEGIN
  SELECT RAISE(ABORT, 'thread_entries are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `thread_entries_no_delete` BEFORE DELETE ON `thread_entries`
BEGIN
  SELECT RAISE(ABORT, 'thread_entries are append-only');
END;
