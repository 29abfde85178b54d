import { sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Facts about this database as a whole, one row per key. `demo_database` = `1` marks a database
 * the demo data filled: its accounts' password is public, and the rules that protect a real
 * deployment (no public password) know where they stand.
 */
export const portalSettings = sqliteTable("portal_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
