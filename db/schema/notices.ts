import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { pacts } from "./pacts";
import { records } from "./records";
import { counties, users } from "./tenancy";

export const NOTICE_KINDS = ["bulletin", "assistance", "operation", "opinion"] as const;
/** 一般 / 紧急 / 特急 */
export const NOTICE_URGENCIES = ["normal", "urgent", "critical"] as const;
export const HANDLING_CODES = ["crime_fighting_only", "no_forwarding", "no_evidence_use"] as const;
export const NOTICE_RESULTS = ["caught", "recovered", "caught_and_recovered", "nothing_found"] as const;

/** The notice-specific part of a record (workflow `notice`); records.police_only is the handling restriction. */
export const noticeDetails = sqliteTable("notice_details", {
  recordId: integer("record_id")
    .primaryKey()
    .references(() => records.id),
  kind: text("kind", { enum: NOTICE_KINDS }).notNull(),
  urgency: text("urgency", { enum: NOTICE_URGENCIES }).notNull(),
  /** When the incident happened (ms). */
  incidentAt: integer("incident_at").notNull(),
  crimeCategory: text("crime_category").notNull(),
  suspects: text("suspects").notNull().default(""),
  property: text("property").notNull().default(""),
  /** What the sender asks of the receivers. */
  request: text("request").notNull().default(""),
  handlingCode: text("handling_code", { enum: HANDLING_CODES }).notNull(),
  /** Set when the sender concludes or cancels (ms). */
  closedAt: integer("closed_at"),
});

export const noticeVehicles = sqliteTable(
  "notice_vehicles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recordId: integer("record_id")
      .notNull()
      .references(() => records.id),
    plate: text("plate").notNull().default(""),
    type: text("type").notNull().default(""),
    colour: text("colour").notNull().default(""),
  },
  (t) => [index("notice_vehicles_record_idx").on(t.recordId)],
);

/** One per addressed county: its sign-for deadline, who signed and when (签收), and its result. */
export const noticeReceipts = sqliteTable(
  "notice_receipts",
  {
    recordId: integer("record_id")
      .notNull()
      .references(() => records.id),
    countyId: integer("county_id")
      .notNull()
      .references(() => counties.id),
    signDeadline: integer("sign_deadline").notNull(),
    signedBy: text("signed_by").references(() => users.id),
    signedAt: integer("signed_at"),
    result: text("result", { enum: NOTICE_RESULTS }),
    suspectsCaught: integer("suspects_caught").notNull().default(0),
    itemsRecovered: integer("items_recovered").notNull().default(0),
    resultNote: text("result_note").notNull().default(""),
    resultBy: text("result_by").references(() => users.id),
    resultAt: integer("result_at"),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.countyId] }), index("notice_receipts_county_idx").on(t.countyId)],
);

/** Per-pact sign-for deadlines by urgency, in minutes (defaults: 24 h, 2 h, 30 min). */
export const pactNoticeDeadlines = sqliteTable(
  "pact_notice_deadlines",
  {
    pactId: integer("pact_id")
      .notNull()
      .references(() => pacts.id),
    urgency: text("urgency", { enum: NOTICE_URGENCIES }).notNull(),
    minutes: integer("minutes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.pactId, t.urgency] })],
);
