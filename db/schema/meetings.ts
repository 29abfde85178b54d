import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { records } from "./records";
import { counties, users } from "./tenancy";

/** 县级 / 乡镇级 */
export const MEETING_LEVELS = ["county", "township"] as const;

/**
 * The meeting-specific part of a record (workflow `meeting`): a joint meeting (联席会议) under a
 * pact, hosted in turn. Its place is the record's region and place text.
 */
export const meetingDetails = sqliteTable(
  "meeting_details",
  {
    recordId: integer("record_id")
      .primaryKey()
      .references(() => records.id),
    level: text("level", { enum: MEETING_LEVELS }).notNull(),
    hostCountyId: integer("host_county_id")
      .notNull()
      .references(() => counties.id),
    /** When it starts (ms). */
    startsAt: integer("starts_at").notNull(),
    /** Attendees who have no account in the portal, in words. */
    otherAttendees: text("other_attendees").notNull().default(""),
    minutes: text("minutes").notNull().default(""),
    /** When the minutes were recorded (ms). */
    heldAt: integer("held_at"),
  },
  (t) => [index("meeting_details_starts_idx").on(t.startsAt)],
);

export const meetingAttendees = sqliteTable(
  "meeting_attendees",
  {
    recordId: integer("record_id")
      .notNull()
      .references(() => records.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    countyId: integer("county_id")
      .notNull()
      .references(() => counties.id),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.userId] })],
);

/** Agenda items, in order; an item may point at a record to discuss. */
export const meetingAgendaItems = sqliteTable(
  "meeting_agenda_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recordId: integer("record_id")
      .notNull()
      .references(() => records.id),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    linkedRecordId: integer("linked_record_id").references(() => records.id),
  },
  (t) => [index("meeting_agenda_items_record_idx").on(t.recordId)],
);

/**
 * An action item (督办事项): a record of workflow `meeting` of its own (with its own thread),
 * made from a decision of a joint meeting. Status open or done; overdue past its deadline.
 */
export const actionItems = sqliteTable(
  "action_items",
  {
    recordId: integer("record_id")
      .primaryKey()
      .references(() => records.id),
    meetingRecordId: integer("meeting_record_id")
      .notNull()
      .references(() => records.id),
    /** Order among the meeting's decisions. */
    position: integer("position").notNull(),
    responsibleCountyId: integer("responsible_county_id")
      .notNull()
      .references(() => counties.id),
    ownerUserId: text("owner_user_id").references(() => users.id),
    /** Calendar date (YYYY-MM-DD, Beijing); overdue after the day ends. */
    deadline: text("deadline").notNull(),
    doneAt: integer("done_at"),
    doneBy: text("done_by").references(() => users.id),
  },
  (t) => [
    index("action_items_meeting_idx").on(t.meetingRecordId),
    index("action_items_county_idx").on(t.responsibleCountyId, t.deadline),
  ],
);
