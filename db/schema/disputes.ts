import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { jointBodies } from "./pacts";
import { records } from "./records";
import { counties, users } from "./tenancy";

export const DISPUTE_TYPES = [
  "land_forest",
  "water",
  "construction",
  "neighbour",
  "family",
  "labour",
  "traffic",
  "other",
] as const;
export const ESCALATION_RISKS = ["low", "medium", "high"] as const;
export const REFERRAL_KINDS = ["court", "arbitration", "administrative"] as const;
export const JUDICIAL_STATES = ["not_applied", "applied", "confirmed", "rejected"] as const;

/** The dispute-specific part of a record (workflow `dispute`). */
export const disputeDetails = sqliteTable(
  "dispute_details",
  {
    recordId: integer("record_id")
      .primaryKey()
      .references(() => records.id),
    type: text("type", { enum: DISPUTE_TYPES }).notNull(),
    /** 以发生地为主: the county where it happened leads; changeable with a recorded reason. */
    leadCountyId: integer("lead_county_id")
      .notNull()
      .references(() => counties.id),
    /** The joint mediation committee that takes it. */
    committeeId: integer("committee_id").references(() => jointBodies.id),
    peopleInvolved: integer("people_involved").notNull().default(0),
    /** Amount involved, in yuan. */
    amountInvolved: integer("amount_involved").notNull().default(0),
    escalationRisk: text("escalation_risk", { enum: ESCALATION_RISKS }).notNull(),
    /** When it reached resolved, stabilised or failed (ms). */
    outcomeAt: integer("outcome_at"),
    referralKind: text("referral_kind", { enum: REFERRAL_KINDS }),
    referralTo: text("referral_to").notNull().default(""),
  },
  (t) => [index("dispute_details_committee_idx").on(t.committeeId), index("dispute_details_lead_idx").on(t.leadCountyId)],
);

/** The parties. Phone and ID number are personal data, masked for most viewers. */
export const disputeParties = sqliteTable(
  "dispute_parties",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recordId: integer("record_id")
      .notNull()
      .references(() => records.id),
    name: text("name").notNull(),
    countyId: integer("county_id")
      .notNull()
      .references(() => counties.id),
    village: text("village").notNull().default(""),
    phone: text("phone").notNull().default(""),
    idNumber: text("id_number").notNull().default(""),
    position: integer("position").notNull(),
  },
  (t) => [index("dispute_parties_record_idx").on(t.recordId)],
);

/** A mediation session (调解会): when, where, who was there, what was said. */
export const mediationSessions = sqliteTable(
  "mediation_sessions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recordId: integer("record_id")
      .notNull()
      .references(() => records.id),
    /** Calendar date (YYYY-MM-DD, Beijing). */
    heldOn: text("held_on").notNull(),
    place: text("place").notNull(),
    /** Names of the parties present, as written by the mediator. */
    partiesPresent: text("parties_present").notNull().default(""),
    notes: text("notes").notNull().default(""),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("mediation_sessions_record_idx").on(t.recordId)],
);

/** The mediators present at a session, from each side. */
export const mediationSessionMediators = sqliteTable(
  "mediation_session_mediators",
  {
    sessionId: integer("session_id")
      .notNull()
      .references(() => mediationSessions.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    countyId: integer("county_id")
      .notNull()
      .references(() => counties.id),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] })],
);

/** The mediation agreement (调解协议书) and its judicial confirmation (司法确认). */
export const mediationAgreements = sqliteTable(
  "mediation_agreements",
  {
    recordId: integer("record_id")
      .primaryKey()
      .references(() => records.id),
    facts: text("facts").notNull(),
    issues: text("issues").notNull(),
    terms: text("terms").notNull(),
    performance: text("performance").notNull(),
    /** Calendar date of signing; the 30-day window for judicial confirmation runs from here. */
    signedOn: text("signed_on").notNull(),
    judicialStatus: text("judicial_status", { enum: JUDICIAL_STATES }).notNull().default("not_applied"),
    judicialAppliedOn: text("judicial_applied_on"),
    judicialCourt: text("judicial_court").notNull().default(""),
    judicialAnsweredOn: text("judicial_answered_on"),
    judicialAnswer: text("judicial_answer").notNull().default(""),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  // Agreements whose window for judicial confirmation closes soon (the inbox).
  (t) => [index("mediation_agreements_judicial_idx").on(t.judicialStatus, t.signedOn)],
);

/** Return visits (回访) after an agreement: how it is being performed. */
export const returnVisits = sqliteTable(
  "return_visits",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recordId: integer("record_id")
      .notNull()
      .references(() => records.id),
    visitedOn: text("visited_on").notNull(),
    method: text("method", { enum: ["in_person", "phone"] }).notNull(),
    performance: text("performance").notNull(),
    visitedBy: text("visited_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("return_visits_record_idx").on(t.recordId)],
);
