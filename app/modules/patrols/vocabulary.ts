/**
 * The words of a joint patrol and of joint activities, safe for the browser bundle: kinds as
 * db/schema/patrols.ts stores them (a unit test keeps the two lists the same), and form limits.
 */

/** 常规 / 高峰时段 / 敏感时期 */
export const PATROL_KINDS = ["routine", "peak_hours", "sensitive_period"] as const;
export type PatrolKind = (typeof PATROL_KINDS)[number];

/** 联合普法 / 法律咨询 / 法律援助 / 群众诉求 */
export const ACTIVITY_KINDS = ["legal_education", "legal_consultation", "legal_aid", "public_request"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The workflows a patrol finding may open, with the path of their new-record form. */
export const FINDING_TARGETS = ["hazard", "dispute", "notice"] as const;
export type FindingTarget = (typeof FINDING_TARGETS)[number];
export const FINDING_TARGET_PATHS: Record<FindingTarget, string> = {
  hazard: "/hazards/new",
  dispute: "/disputes/new",
  notice: "/notices/new",
};

export const ROUTE_MAX = 1000;
export const SUMMARY_MAX = 2000;
export const FINDING_MAX = 1000;
export const NOTE_MAX = 1000;
export const TITLE_MAX = 100;
export const PLACE_MAX = 200;
export const NOTES_MAX = 2000;
/** Largest count accepted in one field (people checked, attendance, consultations…). */
export const COUNT_MAX = 100_000;
/** How far back and ahead a patrol may be planned, in days. */
export const PLAN_DAYS_BACK = 30;
export const PLAN_DAYS_AHEAD = 365;
