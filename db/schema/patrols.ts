import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { jointBodies, pacts } from "./pacts";
import { records } from "./records";
import { counties, regions, users } from "./tenancy";

/** 常规 / 高峰时段 / 敏感时期 */
export const PATROL_KINDS = ["routine", "peak_hours", "sensitive_period"] as const;
/** 联合普法 / 法律咨询 / 法律援助 / 群众诉求 */
export const ACTIVITY_KINDS = ["legal_education", "legal_consultation", "legal_aid", "public_request"] as const;

/** The patrol-specific part of a record (workflow `patrol`): a joint patrol of a joint patrol team. */
export const patrolDetails = sqliteTable(
  "patrol_details",
  {
    recordId: integer("record_id")
      .primaryKey()
      .references(() => records.id),
    /** The joint patrol team (joint body of kind patrol_team) of the record's pact. */
    teamId: integer("team_id")
      .notNull()
      .references(() => jointBodies.id),
    kind: text("kind", { enum: PATROL_KINDS }).notNull(),
    /** Calendar date (YYYY-MM-DD, Beijing) and planned time window (HH:MM). */
    patrolOn: text("patrol_on").notNull(),
    plannedStart: text("planned_start").notNull(),
    plannedEnd: text("planned_end").notNull(),
    /** The route or area in words; the regions of both sides are in patrol_regions. */
    route: text("route").notNull().default(""),
    /** Actual times (ms), set when started and completed. */
    startedAt: integer("started_at"),
    endedAt: integer("ended_at"),
    peopleChecked: integer("people_checked").notNull().default(0),
    vehiclesChecked: integer("vehicles_checked").notNull().default(0),
    /** The log written on completion. */
    summary: text("summary").notNull().default(""),
  },
  (t) => [index("patrol_details_team_idx").on(t.teamId), index("patrol_details_on_idx").on(t.patrolOn)],
);

/** Regions (of either side) the patrol covers. */
export const patrolRegions = sqliteTable(
  "patrol_regions",
  {
    recordId: integer("record_id")
      .notNull()
      .references(() => records.id),
    regionId: integer("region_id")
      .notNull()
      .references(() => regions.id),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.regionId] })],
);

/** Who patrols, from each county. */
export const patrolParticipants = sqliteTable(
  "patrol_participants",
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

/** What the patrol found; a finding may open a hazard, dispute or notice, linked back to the patrol. */
export const patrolFindings = sqliteTable(
  "patrol_findings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recordId: integer("record_id")
      .notNull()
      .references(() => records.id),
    foundAt: integer("found_at").notNull(),
    description: text("description").notNull(),
    regionId: integer("region_id").references(() => regions.id),
    /** The hazard, dispute or notice opened from it. */
    openedRecordId: integer("opened_record_id").references(() => records.id),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("patrol_findings_record_idx").on(t.recordId)],
);

/**
 * A joint activity under a pact (workflow `patrol`, 社会治安联治) with its counts: legal-education
 * events and their attendance, legal consultations, legal-aid cases, public requests received
 * and resolved. Seen by the pact's member counties only.
 */
export const jointActivities = sqliteTable(
  "joint_activities",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pactId: integer("pact_id")
      .notNull()
      .references(() => pacts.id),
    organiserCountyId: integer("organiser_county_id")
      .notNull()
      .references(() => counties.id),
    kind: text("kind", { enum: ACTIVITY_KINDS }).notNull(),
    title: text("title").notNull(),
    /** Calendar date (YYYY-MM-DD, Beijing). */
    heldOn: text("held_on").notNull(),
    regionId: integer("region_id").references(() => regions.id),
    placeText: text("place_text").notNull().default(""),
    attendance: integer("attendance").notNull().default(0),
    consultations: integer("consultations").notNull().default(0),
    legalAidCases: integer("legal_aid_cases").notNull().default(0),
    requestsReceived: integer("requests_received").notNull().default(0),
    requestsResolved: integer("requests_resolved").notNull().default(0),
    notes: text("notes").notNull().default(""),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("joint_activities_pact_idx").on(t.pactId, t.heldOn)],
);
