import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { WORKFLOWS } from "../../app/modules/access/capabilities";
import { pacts } from "./pacts";
import { counties, regions, users } from "./tenancy";

/**
 * The core of every workflow: a hazard, dispute, notice, patrol, meeting or project is a record.
 * Each workflow keeps its own detail table keyed by the record id.
 */
export const records = sqliteTable(
  "records",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ownerCountyId: integer("owner_county_id")
      .notNull()
      .references(() => counties.id),
    /** The pact it is shared under; null means internal to the owner county. */
    pactId: integer("pact_id").references(() => pacts.id),
    workflow: text("workflow", { enum: WORKFLOWS }).notNull(),
    status: text("status").notNull(),
    refNo: text("ref_no").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    regionId: integer("region_id").references(() => regions.id),
    placeText: text("place_text").notNull().default(""),
    /** Police-only handling restriction (case notices): seen by police liaisons alone. */
    policeOnly: integer("police_only", { mode: "boolean" }).notNull().default(false),
    /** The deadline of the current step (ms); past it, an open record is overdue. */
    dueAt: integer("due_at"),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("records_ref_no_unique").on(t.refNo),
    index("records_owner_idx").on(t.ownerCountyId, t.workflow, t.status),
    // A pact's records of one workflow in a period (the statistics page, pact filters).
    index("records_pact_workflow_created_idx").on(t.pactId, t.workflow, t.createdAt),
  ],
);

/** The counties a shared record is addressed to (besides its owner). */
export const recordAddressees = sqliteTable(
  "record_addressees",
  {
    recordId: integer("record_id")
      .notNull()
      .references(() => records.id),
    countyId: integer("county_id")
      .notNull()
      .references(() => counties.id),
    /**
     * The record's workflow, copied by a trigger when the row is inserted (a record never changes
     * workflow), so that a list of one workflow reads only that workflow's addressed records.
     */
    workflow: text("workflow"),
  },
  (t) => [
    primaryKey({ columns: [t.recordId, t.countyId] }),
    // Covering: the records of a workflow addressed to a county, without reading the table (access policy).
    index("record_addressees_county_idx").on(t.countyId, t.workflow, t.recordId),
  ],
);

/**
 * One row per record and county that may see it (its owner and its addressees), kept by triggers
 * (migration 0010) so no write path can forget it: the record's workflow and status, and when it
 * last changed — the newest of its own update time and its newest thread entry. The inbox reads
 * a county's open records and its recently changed ones here instead of testing every record the
 * county may see. Whether the viewer may really see a row is still the access policy's call.
 * The table is WITHOUT ROWID (written by hand in the migration): its indexes then carry the
 * record id, so the inbox's lookups never read the table itself.
 */
export const countyRecords = sqliteTable(
  "county_records",
  {
    countyId: integer("county_id")
      .notNull()
      .references(() => counties.id),
    recordId: integer("record_id")
      .notNull()
      .references(() => records.id),
    workflow: text("workflow").notNull(),
    status: text("status").notNull(),
    changedAt: integer("changed_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countyId, t.recordId] }),
    index("county_records_status_idx").on(t.countyId, t.workflow, t.status),
    index("county_records_changed_idx").on(t.countyId, t.changedAt),
    index("county_records_record_idx").on(t.recordId),
  ],
);

/**
 * The last reference number handed out per county, workflow and year. Incremented in the same
 * write transaction that inserts the record, so numbers are unique and without gaps.
 */
export const referenceSequences = sqliteTable(
  "reference_sequences",
  {
    countyId: integer("county_id")
      .notNull()
      .references(() => counties.id),
    workflow: text("workflow", { enum: WORKFLOWS }).notNull(),
    year: integer("year").notNull(),
    lastValue: integer("last_value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyId, t.workflow, t.year] })],
);

/** Links between records, e.g. the patrol finding that opened a hazard. */
export const recordLinks = sqliteTable(
  "record_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    fromRecordId: integer("from_record_id")
      .notNull()
      .references(() => records.id),
    toRecordId: integer("to_record_id")
      .notNull()
      .references(() => records.id),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("record_links_pair_unique").on(t.fromRecordId, t.toRecordId),
    index("record_links_to_idx").on(t.toRecordId),
  ],
);
