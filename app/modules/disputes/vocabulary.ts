/**
 * The words of a dispute, safe for the browser bundle: types, risks, referral kinds and visit
 * methods as db/schema/disputes.ts stores them (a unit test keeps the lists the same), and form limits.
 */
export const DISPUTE_TYPES = ["land_forest", "water", "construction", "neighbour", "family", "labour", "traffic", "other"] as const;
export type DisputeType = (typeof DISPUTE_TYPES)[number];

export const ESCALATION_RISKS = ["low", "medium", "high"] as const;
export type EscalationRisk = (typeof ESCALATION_RISKS)[number];

/** 法院 / 仲裁 / 行政机关 */
export const REFERRAL_KINDS = ["court", "arbitration", "administrative"] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

export const VISIT_METHODS = ["in_person", "phone"] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];

/** A report names at least two parties and at most eight (party-0-… to party-7-…). */
export const MIN_PARTIES = 2;
export const MAX_PARTIES = 8;
export const PARTY_FIELDS = ["name", "countyId", "village", "phone", "idNumber"] as const;

export const TITLE_MAX = 100;
export const PLACE_MAX = 200;
export const DESCRIPTION_MAX = 2000;
export const NOTE_MAX = 1000;
export const NAME_MAX = 50;
export const VILLAGE_MAX = 50;
export const REFERRAL_TO_MAX = 100;
export const PERFORMANCE_MAX = 2000;
export const SESSION_NOTES_MAX = 5000;
export const PARTIES_PRESENT_MAX = 500;
export const REASON_MAX = 500;
/** 1亿元: beyond this an amount is a typo. */
export const AMOUNT_MAX = 100_000_000;
export const PEOPLE_MAX = 100_000;
