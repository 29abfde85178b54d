import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
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
