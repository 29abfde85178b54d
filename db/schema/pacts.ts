import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { counties, regions, users } from "./tenancy";

import { WORKFLOWS } from "../../app/modules/access/capabilities";

/** A 平安边界“六联” agreement between two or more counties. */
export const pacts = sqliteTable(
  "pacts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    title: text("title").notNull(),
    proposerCountyId: integer("proposer_county_id")
      .notNull()
      .references(() => counties.id),
    /** proposed | active | declined | suspended | terminated (expired is derived from endsOn). */
    status: text("status", {
      enum: ["proposed", "active", "declined", "suspended", "terminated"],
    }).notNull(),
    /** Calendar dates (YYYY-MM-DD, Asia/Shanghai); endsOn may be open. */
    startsOn: text("starts_on").notNull(),
    endsOn: text("ends_on"),
    articles: text("articles").notNull(),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("pacts_status_idx").on(t.status)],
);

/** The member counties, with each one's signature. */
export const pactMembers = sqliteTable(
  "pact_members",
  {
    pactId: integer("pact_id")
      .notNull()
      .references(() => pacts.id),
    countyId: integer("county_id")
      .notNull()
      .references(() => counties.id),
    /** pending | signed | declined */
    signature: text("signature", { enum: ["pending", "signed", "declined"] }).notNull(),
    signedBy: text("signed_by").references(() => users.id),
    signedAt: integer("signed_at"),
  },
  (t) => [
    primaryKey({ columns: [t.pactId, t.countyId] }),
    index("pact_members_county_idx").on(t.countyId),
  ],
);

/** Which of the six workflows a pact covers. */
export const pactWorkflows = sqliteTable(
  "pact_workflows",
  {
    pactId: integer("pact_id")
      .notNull()
      .references(() => pacts.id),
    workflow: text("workflow", { enum: WORKFLOWS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.pactId, t.workflow] })],
);

/** Liaison persons (界线管理联席人): whom to call on each side. */
export const pactLiaisons = sqliteTable(
  "pact_liaisons",
  {
    pactId: integer("pact_id")
      .notNull()
      .references(() => pacts.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    countyId: integer("county_id")
      .notNull()
      .references(() => counties.id),
  },
  (t) => [primaryKey({ columns: [t.pactId, t.userId] })],
);

/** Every step in a pact's life: proposed, signed, declined, suspended, resumed, terminated. */
export const pactEvents = sqliteTable(
  "pact_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pactId: integer("pact_id")
      .notNull()
      .references(() => pacts.id),
    action: text("action").notNull(),
    countyId: integer("county_id")
      .notNull()
      .references(() => counties.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    reason: text("reason"),
    at: integer("at").notNull(),
  },
  (t) => [index("pact_events_pact_idx").on(t.pactId)],
);

/**
 * A change of a pact's terms (covered workflows, end date, sign-for deadlines of notices),
 * proposed by one member and in force once every other member has countersigned it. At most one
 * is open (proposed) per pact at a time.
 */
export const pactAmendments = sqliteTable(
  "pact_amendments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pactId: integer("pact_id")
      .notNull()
      .references(() => pacts.id),
    proposerCountyId: integer("proposer_county_id")
      .notNull()
      .references(() => counties.id),
    proposedBy: text("proposed_by")
      .notNull()
      .references(() => users.id),
    proposedAt: integer("proposed_at").notNull(),
    /** proposed | adopted (all signed, terms changed) | declined | withdrawn (by the proposer) */
    status: text("status", { enum: ["proposed", "adopted", "declined", "withdrawn"] }).notNull(),
    /** The terms when it was proposed and the terms it proposes (JSON: workflows, endsOn, noticeDeadlines). */
    termsBefore: text("terms_before").notNull(),
    terms: text("terms").notNull(),
    /** Why the change is proposed (optional). */
    note: text("note").notNull().default(""),
    closedBy: text("closed_by").references(() => users.id),
    closedAt: integer("closed_at"),
  },
  (t) => [
    index("pact_amendments_pact_idx").on(t.pactId, t.id),
    uniqueIndex("pact_amendments_one_open").on(t.pactId).where(sql`status = 'proposed'`),
  ],
);

/** Each member county's signature of an amendment (the proposing county signs as it proposes). */
export const pactAmendmentSignatures = sqliteTable(
  "pact_amendment_signatures",
  {
    amendmentId: integer("amendment_id")
      .notNull()
      .references(() => pactAmendments.id),
    countyId: integer("county_id")
      .notNull()
      .references(() => counties.id),
    signature: text("signature", { enum: ["pending", "signed", "declined"] }).notNull(),
    signedBy: text("signed_by").references(() => users.id),
    signedAt: integer("signed_at"),
  },
  (t) => [primaryKey({ columns: [t.amendmentId, t.countyId] })],
);

/** Joint bodies under a pact: mediation committees and patrol teams. */
export const jointBodies = sqliteTable(
  "joint_bodies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    pactId: integer("pact_id")
      .notNull()
      .references(() => pacts.id),
    kind: text("kind", { enum: ["mediation_committee", "patrol_team"] }).notNull(),
    name: text("name").notNull(),
    /** For mediation committees: township or village level. */
    level: text("level", { enum: ["township", "village"] }),
    /** The region of the creating side where the body sits, if any. */
    regionId: integer("region_id").references(() => regions.id),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("joint_bodies_pact_idx").on(t.pactId)],
);

export const jointBodyMembers = sqliteTable(
  "joint_body_members",
  {
    bodyId: integer("body_id")
      .notNull()
      .references(() => jointBodies.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    countyId: integer("county_id")
      .notNull()
      .references(() => counties.id),
    /** e.g. 主任, 副主任, 委员, 队长, 队员 */
    duty: text("duty").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.bodyId, t.userId] })],
);
