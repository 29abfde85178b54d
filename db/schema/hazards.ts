import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { pacts } from "./pacts";
import { records } from "./records";
import { counties, users } from "./tenancy";

export const HAZARD_CATEGORIES = [
  "fireworks",
  "fire",
  "road_traffic",
  "water",
  "geological",
  "boundary_forest",
  "public_order",
  "other",
] as const;
/** 一般 / 较大 / 重大 */
export const HAZARD_SEVERITIES = ["general", "major", "serious"] as const;
export const HAZARD_SOURCES = ["grid_sweep", "resident", "patrol", "joint_sweep", "other"] as const;

/** A joint sweep (联合排查): a periodic or focused inspection planned under a pact. */
export const jointSweeps = sqliteTable(
  "joint_sweeps",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pactId: integer("pact_id")
      .notNull()
      .references(() => pacts.id),
    organiserCountyId: integer("organiser_county_id")
      .notNull()
      .references(() => counties.id),
    kind: text("kind", { enum: ["periodic", "focused"] }).notNull(),
    title: text("title").notNull(),
    scope: text("scope").notNull(),
    /** Calendar date (YYYY-MM-DD, Beijing). */
    plannedOn: text("planned_on").notNull(),
    status: text("status", { enum: ["planned", "completed", "cancelled"] }).notNull(),
    outcome: text("outcome").notNull().default(""),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
    completedAt: integer("completed_at"),
  },
  (t) => [index("joint_sweeps_pact_idx").on(t.pactId)],
);

export const jointSweepParticipants = sqliteTable(
  "joint_sweep_participants",
  {
    sweepId: integer("sweep_id")
      .notNull()
      .references(() => jointSweeps.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    countyId: integer("county_id")
      .notNull()
      .references(() => counties.id),
  },
  (t) => [primaryKey({ columns: [t.sweepId, t.userId] })],
);

/** The hazard-specific part of a record (workflow `hazard`). */
export const hazardDetails = sqliteTable(
  "hazard_details",
  {
    recordId: integer("record_id")
      .primaryKey()
      .references(() => records.id),
    category: text("category", { enum: HAZARD_CATEGORIES }).notNull(),
    severity: text("severity", { enum: HAZARD_SEVERITIES }).notNull(),
    source: text("source", { enum: HAZARD_SOURCES }).notNull(),
    /** 属地: the county responsible for rectification, set when rectification starts. */
    responsibleCountyId: integer("responsible_county_id").references(() => counties.id),
    measures: text("measures").notNull().default(""),
    /** Rectification deadline (ms); mirrored in records.due_at while rectifying. */
    deadline: integer("deadline"),
    sweepId: integer("sweep_id").references(() => jointSweeps.id),
  },
  (t) => [index("hazard_details_sweep_idx").on(t.sweepId)],
);
