/**
 * Milestones and the project's deadline, without the database: a milestone is done once a county
 * reports it; an undone milestone of an active project is overdue after its day (Beijing). While
 * a project is active, its record's due_at is the end of the earliest undone milestone's day.
 */
import { todayInChina } from "~/i18n";
import type { ProjectStatus } from "./machine";

export const DAY_MS = 86_400_000;

/** The last millisecond of a Beijing calendar day (YYYY-MM-DD). */
export function endOfChinaDay(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00+08:00`) + DAY_MS - 1;
}

export interface MilestoneDates {
  dueOn: string;
  doneOn: string | null;
}

export type MilestoneState = "done" | "done_late" | "overdue" | "upcoming";

/** done (on time or late), overdue (active project, past its day), or still upcoming. */
export function milestoneState(m: MilestoneDates, status: ProjectStatus | string, now = Date.now()): MilestoneState {
  if (m.doneOn !== null) return m.doneOn > m.dueOn ? "done_late" : "done";
  return status === "active" && m.dueOn < todayInChina(now) ? "overdue" : "upcoming";
}

/** records.due_at for a project in `status` with these milestones. */
export function projectDueAt(status: ProjectStatus | string, milestones: readonly MilestoneDates[]): number | null {
  if (status !== "active") return null;
  const open = milestones.filter((m) => m.doneOn === null).map((m) => m.dueOn).sort();
  return open.length ? endOfChinaDay(open[0]) : null;
}
