import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Append-only audit log. UPDATE and DELETE are refused by triggers (see the migrations); each
 * entry carries the hash of the one before it, so a changed or removed entry breaks the chain.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    /** The acting user, or null for an anonymous event such as a failed sign-in. */
    actorUserId: text("actor_user_id"),
    actorName: text("actor_name").notNull().default(""),
    /** The county the entry belongs to (the actor's, or the target account's). */
    countyId: integer("county_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: text("before"),
    after: text("after"),
    ip: text("ip"),
    /**
     * Other counties the entry concerns, as a JSON list of county ids (null: none): the holders of
     * what a refused access aimed at. Part of the hash; indexed by audit_concerns.
     */
    concerns: text("concerns"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_county_at_idx").on(t.countyId, t.at),
    index("audit_action_idx").on(t.action),
    index("audit_county_action_idx").on(t.countyId, t.action),
  ],
);

/**
 * Which audit entries each county sees beyond its own: one row per county an entry concerns (see
 * auditLog.concerns), so that a county's log is read from an index. Append-only like the log.
 */
export const auditConcerns = sqliteTable(
  "audit_concerns",
  {
    countyId: integer("county_id").notNull(),
    auditId: integer("audit_id")
      .notNull()
      .references(() => auditLog.id),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.auditId] }), index("audit_concerns_audit_idx").on(t.auditId)],
);
