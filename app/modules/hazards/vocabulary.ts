/**
 * The words of a hazard, safe for the browser bundle: categories, severities and sources as
 * db/schema/hazards.ts stores them (a unit test keeps the two lists the same), and form limits.
 */
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
export type HazardCategory = (typeof HAZARD_CATEGORIES)[number];

/** 一般 / 较大 / 重大 */
export const HAZARD_SEVERITIES = ["general", "major", "serious"] as const;
export type HazardSeverity = (typeof HAZARD_SEVERITIES)[number];

export const HAZARD_SOURCES = ["grid_sweep", "resident", "patrol", "joint_sweep", "other"] as const;
export type HazardSource = (typeof HAZARD_SOURCES)[number];

export const SWEEP_KINDS = ["periodic", "focused"] as const;
export type SweepKind = (typeof SWEEP_KINDS)[number];

export const SWEEP_STATUSES = ["planned", "completed", "cancelled"] as const;
export type SweepStatus = (typeof SWEEP_STATUSES)[number];

export const TITLE_MAX = 100;
export const PLACE_MAX = 200;
export const DESCRIPTION_MAX = 2000;
export const MEASURES_MAX = 2000;
export const NOTE_MAX = 1000;
export const SCOPE_MAX = 1000;
export const OUTCOME_MAX = 2000;
