/** Words and limits of joint safe-border building (平安边界联创), safe for the browser. */
import { ACTION_ITEM_STATUSES, MEETING_STATUSES } from "./machine";

export const MEETING_LEVELS = ["county", "township"] as const;
export type MeetingLevel = (typeof MEETING_LEVELS)[number];

export const TITLE_MAX = 120;
export const PLACE_MAX = 120;
export const TEXT_MAX = 2000;
export const MINUTES_MAX = 10000;
export const NOTE_MAX = 1000;
/** Repeated rows of the forms (agenda-0-title …, decision-0-text …); blank rows are dropped. */
export const AGENDA_ROWS = 6;
export const DECISION_ROWS = 5;

/** Without an earlier held meeting, the briefing pack looks back this many days. */
export const LOOKBACK_DAYS = 90;

/** The filters of the action-item list: open (all not done), overdue (open past the deadline), done. */
export const ACTION_FILTERS = ["open", "overdue", "done"] as const;
export type ActionFilter = (typeof ACTION_FILTERS)[number];

/** Meetings and action items share the workflow; their states never overlap. */
export function isMeetingStatus(status: string): boolean {
  return (MEETING_STATUSES as readonly string[]).includes(status);
}

export function isActionItemStatus(status: string): boolean {
  return (ACTION_ITEM_STATUSES as readonly string[]).includes(status);
}
