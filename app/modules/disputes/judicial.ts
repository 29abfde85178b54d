/**
 * Judicial confirmation (司法确认) of a mediation agreement: the parties may apply to a court
 * within 30 days of signing (人民调解法 第三十三条). Days are Beijing calendar days; the day of
 * signing is not counted, so an agreement signed on 1 March may be taken to court up to and
 * including 31 March (the last day counts). Pure functions: the page, the server and the inbox
 * share them.
 */

/** The same list as JUDICIAL_STATES in db/schema/disputes.ts (kept apart so pages need no schema). */
export const JUDICIAL_STATUSES = ["not_applied", "applied", "confirmed", "rejected"] as const;
export type JudicialStatus = (typeof JUDICIAL_STATUSES)[number];

/** Days in the window, counted from the day after signing. */
export const JUDICIAL_WINDOW_DAYS = 30;
/** The inbox warns when the last day of the window is today or one of the next six days. */
export const JUDICIAL_WARNING_DAYS = 7;

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

/** A calendar date `days` later (or earlier, when negative). */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The last day on which judicial confirmation may be applied for. */
export function judicialDeadline(signedOn: string): string {
  return addDays(signedOn, JUDICIAL_WINDOW_DAYS);
}

/** Days left in the window on `today` (0 on its last day, negative once it has closed). */
export function judicialDaysLeft(signedOn: string, today: string): number {
  return daysBetween(today, judicialDeadline(signedOn));
}

/** Whether an application is still possible on `today` (from the day of signing to the last day). */
export function judicialWindowOpen(signedOn: string, today: string): boolean {
  return today >= signedOn && judicialDaysLeft(signedOn, today) >= 0;
}

/** Not applied for, and the window's last day is within the next JUDICIAL_WARNING_DAYS days. */
export function judicialWindowClosingSoon(
  agreement: { signedOn: string; judicialStatus: JudicialStatus },
  today: string,
): boolean {
  if (agreement.judicialStatus !== "not_applied") return false;
  const left = judicialDaysLeft(agreement.signedOn, today);
  return left >= 0 && left < JUDICIAL_WARNING_DAYS;
}

/**
 * The signing dates whose window closes within the warning period on `today`, inclusive:
 * what the inbox puts in its SQL.
 */
export function signedOnRangeClosingSoon(today: string): { from: string; to: string } {
  return {
    from: addDays(today, -JUDICIAL_WINDOW_DAYS),
    to: addDays(today, -JUDICIAL_WINDOW_DAYS + JUDICIAL_WARNING_DAYS - 1),
  };
}

/** What may follow each state: apply once (in the window), then one answer from the court. */
export const JUDICIAL_STEPS: Record<JudicialStatus, readonly JudicialStatus[]> = {
  not_applied: ["applied"],
  applied: ["confirmed", "rejected"],
  confirmed: [],
  rejected: [],
};

export function mayMoveJudicial(from: JudicialStatus, to: JudicialStatus): boolean {
  return JUDICIAL_STEPS[from].includes(to);
}

export type JudicialDateError = "beforeSigning" | "afterWindow" | "inFuture" | "beforeApplication";

/** Why an application date is not acceptable (null when it is). */
export function applicationDateError(signedOn: string, appliedOn: string, today: string): JudicialDateError | null {
  if (appliedOn < signedOn) return "beforeSigning";
  if (appliedOn > today) return "inFuture";
  if (appliedOn > judicialDeadline(signedOn)) return "afterWindow";
  return null;
}

/** Why the court's answer date is not acceptable (null when it is). */
export function answerDateError(appliedOn: string, answeredOn: string, today: string): JudicialDateError | null {
  if (answeredOn < appliedOn) return "beforeApplication";
  if (answeredOn > today) return "inFuture";
  return null;
}
