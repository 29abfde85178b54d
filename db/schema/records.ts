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
    regionId: integer("region_id").references(() => regions.id),
    placeText: text("place_text").notNull().default(""),
    /** Police-only handling restriction (case notices): seen by police liaisons alone. */
    policeOnly: integer("police_only", { mode: "boolean" }).notNull().default(false),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("records_ref_no_unique").on(t.refNo),
    index("records_owner_idx").on(t.ownerCountyId, t.workflow, t.status),
    index("records_pact_idx").on(t.pactId),
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
  },
  (t) => [
    primaryKey({ columns: [t.recordId, t.countyId] }),
    index("record_addressees_county_idx").on(t.countyId),
  ],
);
