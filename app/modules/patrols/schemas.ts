/**
 * The forms of the patrol workflow: planning a patrol (regions and participants as repeated
 * fields), one schema per state-machine step with exactly the fields its `requires` lists, the
 * finding form, and the list's filters. Messages are i18n keys (app/i18n/zh-CN/patrols.ts).
 */
import { z } from "zod";
import { todayInChina, type Translate } from "~/i18n";
import { parseForm, type ParseResult } from "~/modules/forms/validation";
import { calendarDate, isCalendarDate, lenient, positiveInt } from "~/modules/forms/query-fields";
import { PATROL_STATUSES, type PatrolAction } from "./machine";
import {
  COUNT_MAX, FINDING_MAX, NOTE_MAX, PATROL_KINDS, PLAN_DAYS_AHEAD, PLAN_DAYS_BACK, ROUTE_MAX, SUMMARY_MAX,
} from "./vocabulary";

const DAY_MS = 86_400_000;

export const requiredText = (max: number, missing: string) =>
  z.string({ error: missing }).trim().min(1, { error: missing }).max(max, { error: `form.tooLong|max=${max}` });

export const requiredId = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .transform(Number)
    .refine((v) => Number.isSafeInteger(v) && v > 0, { error: "form.invalidChoice" });

export const optionalId = z
  .string()
  .optional()
  .transform((v) => (v ? Number(v) : null))
  .refine((v) => v === null || (Number.isSafeInteger(v) && v > 0), { error: "form.invalidChoice" });

/** A whole number typed into a field, 0 … COUNT_MAX. */
export const count = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .refine((v) => /^\d+$/.test(v), { error: "patrols.form.badCount", abort: true })
    .transform(Number)
    .refine((v) => v <= COUNT_MAX, { error: `patrols.form.countTooLarge|max=${COUNT_MAX}` });

/** "HH:MM" on a 24-hour clock. */
export function isClockTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

const clock = (missing: string) =>
  z.string({ error: missing }).trim().min(1, { error: missing }).refine(isClockTime, { error: "patrols.form.badTime" });

/** "YYYY-MM-DDTHH:mm" (a datetime-local input) read as Beijing time, in ms; NaN when unreadable. */
export function beijingLocalToMs(value: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return Number.NaN;
  return Date.parse(`${value}:00+08:00`);
}

/** An instant typed as Beijing wall-clock time, not in the future (five minutes' grace). */
const pastInstant = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .transform(beijingLocalToMs)
    .refine((v) => Number.isFinite(v), { error: "patrols.form.badDateTime", abort: true })
    .refine((v) => v <= Date.now() + 5 * 60_000, { error: "patrols.form.inFuture" });

const ids = (bad: string) =>
  z
    .array(z.string())
    .transform((list) => [...new Set(list.map((v) => v.trim()).filter((v) => v !== ""))])
    .refine((list) => list.every((v) => /^[1-9]\d{0,15}$/.test(v)), { error: bad })
    .transform((list) => list.map(Number));

/** The plan form (/patrols/new). */
export const planSchema = z
  .object({
    teamId: requiredId("patrols.form.teamRequired"),
    kind: z.enum(PATROL_KINDS, { error: "patrols.form.kindRequired" }),
    patrolOn: z
      .string({ error: "patrols.form.dateRequired" })
      .trim()
      .min(1, { error: "patrols.form.dateRequired" })
      .refine(isCalendarDate, { error: "patrols.form.badDate", abort: true })
      .refine((v) => v >= todayInChina(Date.now() - PLAN_DAYS_BACK * DAY_MS), { error: `patrols.form.dateTooEarly|days=${PLAN_DAYS_BACK}` })
      .refine((v) => v <= todayInChina(Date.now() + PLAN_DAYS_AHEAD * DAY_MS), { error: "patrols.form.dateTooLate" }),
    plannedStart: clock("patrols.form.startRequired"),
    plannedEnd: clock("patrols.form.endRequired"),
    route: requiredText(ROUTE_MAX, "patrols.form.routeRequired"),
    regionIds: ids("form.invalidChoice"),
    participantIds: z
      .array(z.string())
      .transform((list) => [...new Set(list.map((v) => v.trim()).filter((v) => v !== ""))])
      .refine((list) => list.length > 0, { error: "patrols.form.participantsRequired" }),
  })
  .refine((v) => v.plannedStart !== v.plannedEnd, { path: ["plannedEnd"], error: "patrols.form.emptyWindow" });
export type PlanInput = z.output<typeof planSchema>;

export const PLAN_LISTS = ["regionIds", "participantIds"] as const;

export function parsePlanForm(formData: FormData, t: Translate): ParseResult<PlanInput> {
  return parseForm(planSchema, formData, t, PLAN_LISTS);
}

const note = requiredText(NOTE_MAX, "patrols.form.noteRequired");

/** One schema per step; each holds exactly what the machine's `requires` lists. */
export const STEP_SCHEMAS = {
  start: z.object({ startedAt: pastInstant("patrols.form.startedAtRequired") }),
  complete: z.object({
    endedAt: pastInstant("patrols.form.endedAtRequired"),
    peopleChecked: count("patrols.form.peopleRequired"),
    vehiclesChecked: count("patrols.form.vehiclesRequired"),
    summary: requiredText(SUMMARY_MAX, "patrols.form.summaryRequired"),
  }),
  cancel: z.object({ note }),
} satisfies Record<PatrolAction, z.ZodType>;

export type PatrolStepFields<A extends PatrolAction> = z.output<(typeof STEP_SCHEMAS)[A]>;

export function parsePatrolStep<A extends PatrolAction>(action: A, formData: FormData, t: Translate): ParseResult<PatrolStepFields<A>> {
  return parseForm(STEP_SCHEMAS[action] as unknown as z.ZodType<PatrolStepFields<A>>, formData, t);
}

/** A finding logged on the patrol's page. */
export const findingSchema = z.object({
  foundAt: pastInstant("patrols.form.foundAtRequired"),
  description: requiredText(FINDING_MAX, "patrols.form.findingRequired"),
  regionId: optionalId,
});
export type FindingInput = z.output<typeof findingSchema>;

/** The list's filters, read from the query string (/patrols?status=planned&kind=routine). */
export const patrolFilterSchema = z.object({
  status: lenient(z.enum(PATROL_STATUSES)),
  kind: lenient(z.enum(PATROL_KINDS)),
  team: lenient(positiveInt),
  from: calendarDate,
  to: calendarDate,
  page: lenient(positiveInt),
});
export type PatrolFilters = z.output<typeof patrolFilterSchema>;

export function patrolFiltersFromUrl(url: URL): PatrolFilters {
  return patrolFilterSchema.parse(Object.fromEntries(url.searchParams));
}

/** An instant as a datetime-local value in Beijing time ("2026-01-05T21:30"): the forms' default. */
export function beijingLocalOf(ms: number): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
    })
      .formatToParts(ms)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
