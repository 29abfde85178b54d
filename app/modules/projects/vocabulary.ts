/**
 * The words and limits of joint livelihood projects (民生事业联动), safe for the browser bundle:
 * fields as db/schema/projects.ts stores them (a unit test keeps the two lists the same).
 */
export const PROJECT_FIELDS = ["industry", "culture", "education", "health", "roads", "ecology", "other"] as const;
export type ProjectField = (typeof PROJECT_FIELDS)[number];

export { PROJECT_ACTIONS, PROJECT_STATUSES, type ProjectAction, type ProjectStatus } from "./machine";

/** Milestone rows offered by the proposal form (more can be added on the project's page). */
export const NEW_MILESTONE_ROWS = 6;
/** At most this many milestones per project. */
export const MAX_MILESTONES = 30;
export const TITLE_MAX = 120;
export const TEXT_MAX = 4000;
export const CONTRIBUTION_MAX = 1000;
export const NOTE_MAX = 1000;
/** Budgets are whole yuan, at most 100 billion. */
export const BUDGET_MAX = 100_000_000_000;
