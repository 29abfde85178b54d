import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { records } from "./records";
import { counties, users } from "./tenancy";

/**
 * One thread per record: messages (seen by every county the record is shared with), internal
 * notes (seen only by the author's county) and system events (status changes, links), in order.
 */
export const threadEntries = sqliteTable(
  "thread_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recordId: integer("record_id")
      .notNull()
      .references(() => records.id),
    kind: text("kind", { enum: ["message", "internal", "event"] }).notNull(),
    authorUserId: text("author_user_id").references(() => users.id),
    authorCountyId: integer("author_county_id")
      .notNull()
      .references(() => counties.id),
    /** The author's roles when writing (JSON array), so the thread shows in what capacity. */
    authorRoles: text("author_roles").notNull().default("[]"),
    body: text("body").notNull().default(""),
    /** For events: what happened (a state-machine action, `link`, …) and the states around it. */
    eventAction: text("event_action"),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    /** For events: the fields that came with the step (JSON), e.g. measures and deadline. */
    payload: text("payload"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("thread_entries_record_idx").on(t.recordId, t.id)],
);

/** Files on thread entries, stored once under data/files by their SHA-256. */
export const attachments = sqliteTable(
  "attachments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    entryId: integer("entry_id")
      .notNull()
      .references(() => threadEntries.id),
    recordId: integer("record_id")
      .notNull()
      .references(() => records.id),
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
    /** The type found in the content (not the one the browser claimed). */
    mimeType: text("mime_type").notNull(),
    fileName: text("file_name").notNull(),
    uploadedBy: text("uploaded_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("attachments_entry_idx").on(t.entryId), index("attachments_record_idx").on(t.recordId)],
);

/** How far each user has read each record's thread. */
export const readStates = sqliteTable(
  "read_states",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    recordId: integer("record_id")
      .notNull()
      .references(() => records.id),
    lastReadEntryId: integer("last_read_entry_id").notNull(),
    readAt: integer("read_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.recordId] }),
    // The newest read of a user without reading all their marks (the menu badge's change check).
    index("read_states_user_read_at_idx").on(t.userId, t.readAt),
  ],
);
