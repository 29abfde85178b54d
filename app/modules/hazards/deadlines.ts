/**
 * Deadlines and overdue hazards. A rectification deadline is a calendar day in Beijing, stored as
 * the last millisecond of that day; a hazard still open after it is overdue.
 */
import { todayInChina } from "~/i18n";
import { isFinal } from "~/modules/records/state-machine";
import { HAZARD_MACHINE } from "./machine";

export const DAY_MS = 86_400_000;

/** The last millisecond of a Beijing calendar day (YYYY-MM-DD). */
export function endOfChinaDay(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00+08:00`) + DAY_MS - 1;
}

/** The first millisecond of a Beijing calendar day (YYYY-MM-DD). */
export function startOfChinaDay(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00+08:00`);
}

/** The Beijing calendar day of an instant, as YYYY-MM-DD. */
export function chinaDateOf(ms: number): string {
  return todayInChina(ms);
}

/** Open (not eliminated or dismissed) and past its deadline. */
export function isOverdue(hazard: { status: string; dueAt: number | null }, now = Date.now()): boolean {
  return !isFinal(HAZARD_MACHINE, hazard.status) && hazard.dueAt !== null && hazard.dueAt < now;
}
