-- The audit log is append-only: the database itself refuses to change or remove an entry.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
-- Two regions under the same parent in one county cannot share a name.
CREATE UNIQUE INDEX `regions_sibling_name_unique` ON `regions` (`county_id`, coalesce(`parent_id`, 0), `name`);
