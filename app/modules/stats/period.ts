/**
 * The period of the statistics page and its exports, read from the query string: a preset (本月,
 * 本季度, 本年: from the first day of the calendar period in Beijing time up to today, so that the
 * change against the period before compares days with as many days) or a custom range of real
 * dates, from ≤ to, at most five years long. Errors name the field they belong to.
 */
import { isCalendarDate } from "~/modules/forms/query-fields";
import type { Period } from "./figures";

export const PERIOD_PRESETS = ["month", "quarter", "year", "custom"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export type PeriodError = "stats.period.error.required" | "stats.period.error.date" | "stats.period.error.order" | "stats.period.error.span";

export interface PeriodChoice {
  preset: PeriodPreset;
  /** What the form shows in the date fields (as typed for a custom range). */
  from: string;
  to: string;
  /** The valid period, or null when a custom range has errors. */
  period: Period | null;
  errors: Partial<Record<"from" | "to", PeriodError>>;
}

const MAX_YEARS = 5;
const pad = (n: number) => String(n).padStart(2, "0");

/** The calendar month, quarter or year that holds `today` (YYYY-MM-DD), up to and including today. */
export function presetPeriod(preset: Exclude<PeriodPreset, "custom">, today: string): Period {
  const [year, month] = today.split("-").map(Number);
  const first = preset === "month" ? month : preset === "quarter" ? month - ((month - 1) % 3) : 1;
  return { from: `${year}-${pad(first)}-01`, to: today };
}

/** Whether `to` lies more than five years after `from` (2021-03-01 → 2026-02-28 is the longest). */
function tooLong(from: string, to: string): boolean {
  const [y, m, d] = from.split("-").map(Number);
  const limit = new Date(Date.UTC(y + MAX_YEARS, m - 1, d) - 86_400_000).toISOString().slice(0, 10);
  return to > limit;
}

export function periodOf(params: URLSearchParams, today: string): PeriodChoice {
  const raw = params.get("period");
  // Dates without a preset are a custom range; nothing at all is this month.
  const fallback: PeriodPreset = params.get("from") || params.get("to") ? "custom" : "month";
  const preset: PeriodPreset = (PERIOD_PRESETS as readonly string[]).includes(raw ?? "") ? (raw as PeriodPreset) : fallback;
  if (preset !== "custom") {
    const period = presetPeriod(preset, today);
    return { preset, ...period, period, errors: {} };
  }
  const from = (params.get("from") ?? "").trim().slice(0, 20);
  const to = (params.get("to") ?? "").trim().slice(0, 20);
  const errors: PeriodChoice["errors"] = {};
  if (!from) errors.from = "stats.period.error.required";
  else if (!isCalendarDate(from)) errors.from = "stats.period.error.date";
  if (!to) errors.to = "stats.period.error.required";
  else if (!isCalendarDate(to)) errors.to = "stats.period.error.date";
  if (!errors.from && !errors.to) {
    if (from > to) errors.to = "stats.period.error.order";
    else if (tooLong(from, to)) errors.to = "stats.period.error.span";
  }
  const ok = !errors.from && !errors.to;
  return { preset, from, to, period: ok ? { from, to } : null, errors };
}
