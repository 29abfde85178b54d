import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./tenancy";

/**
 * Sessions. The id is the SHA-256 hash of the token held in the cookie, so a copy of this table
 * cannot be replayed as cookies.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Sliding (idle) expiry, seconds since epoch as lucia's adapter expects. */
    expiresAt: integer("expires_at").notNull(),
    /** When the session began (ms); the absolute lifetime counts from here. */
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Failed sign-ins, by account (`user:<username>`) and by address (`ip:<address>`). */
export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("login_failures_key_at_idx").on(t.key, t.at)],
);

/**
 * An account from one address, or an address, refused until a time after too many failures:
 * `slowed` is the short wait between tries, `locked` the long lock.
 */
export const loginLocks = sqliteTable("login_locks", {
  key: text("key").primaryKey(),
  lockedUntil: integer("locked_until").notNull(),
  kind: text("kind", { enum: ["slowed", "locked"] }).notNull().default("locked"),
});
