/**
 * The forms of the hazard workflow: the report form, one schema per state-machine step with the
 * fields that step requires, and the list's filters (a GET query). Messages are i18n keys (see
 * app/i18n/zh-CN/hazards.ts); `parseForm` turns them into text.
 */
import { z } from "zod";
import { todayInChina, type Translate } from "~/i18n";
import { fields, parseForm, type ParseResult } from "~/modules/forms/validation";
import { calendarDate, flag, isCalendarDate, lenient, positiveInt } from "~/modules/forms/query-fields";
import { endOfChinaDay } from "./deadlines";
import { HAZARD_STATUSES, type HazardAction } from "./machine";
import {
  DESCRIPTION_MAX, HAZARD_CATEGORIES, HAZARD_SEVERITIES, HAZARD_SOURCES, MEASURES_MAX, NOTE_MAX, PLACE_MAX, TITLE_MAX,
} from "./vocabulary";

/** Required text with a message of its own when it is missing. */
const requiredText = (max: number, missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(max, { error: `form.tooLong|max=${max}` });

/** An optional id from a select: empty means none. */
const optionalId = z
  .string()
  .optional()
  .transform((v) => (v ? Number(v) : null))
  .refine((v) => v === null || (Number.isSafeInteger(v) && v > 0), { error: "form.invalidChoice" });

/** A required id from a select. */
const requiredId = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .transform(Number)
    .refine((v) => Number.isSafeInteger(v) && v > 0, { error: "form.invalidChoice" });

/** The report form (/hazards/new). `pactId` empty: internal to the viewer's county. */
export const reportSchema = z.object({
  title: requiredText(TITLE_MAX, "hazards.form.titleRequired"),
  category: z.enum(HAZARD_CATEGORIES, { error: "hazards.form.categoryRequired" }),
  severity: z.enum(HAZARD_SEVERITIES, { error: "hazards.form.severityRequired" }),
  source: z.preprocess((v) => v || undefined, z.enum(HAZARD_SOURCES, { error: "form.invalidChoice" }).default("grid_sweep")),
  pactId: optionalId,
  regionId: optionalId,
  placeText: fields.optionalText(PLACE_MAX),
  description: requiredText(DESCRIPTION_MAX, "hazards.form.descriptionRequired"),
  /** Set when the hazard is reported from a joint sweep's page. */
  sweepId: optionalId,
});
export type HazardReportInput = z.output<typeof reportSchema>;

/** A rectification deadline: a calendar day, today or later (Beijing); stored as its last ms. */
const deadline = z
  .string({ error: "hazards.form.deadlineRequired" })
  .trim()
  .min(1, { error: "hazards.form.deadlineRequired" })
  .refine(isCalendarDate, { error: "hazards.form.badDate", abort: true })
  .refine((v) => v >= todayInChina(), { error: "hazards.form.deadlinePast" })
  .transform(endOfChinaDay);

const measures = requiredText(MEASURES_MAX, "hazards.form.measuresRequired");
const note = requiredText(NOTE_MAX, "hazards.form.noteRequired");

/** One schema per step; each holds exactly what the machine's `requires` lists (plus an optional note on verify). */
export const STEP_SCHEMAS = {
  verify: z.object({ note: fields.optionalText(NOTE_MAX) }),
  rectify: z.object({ measures, deadline, responsibleCountyId: requiredId("hazards.form.responsibleRequired") }),
  adjust: z.object({ measures, deadline, note }),
  eliminate: z.object({ note }),
  dismiss: z.object({ note }),
} satisfies Record<HazardAction, z.ZodType>;

export type StepFields<A extends HazardAction> = z.output<(typeof STEP_SCHEMAS)[A]>;
/** What a step carries, told apart by its action. */
export type HazardStepInput = { [A in HazardAction]: { action: A } & StepFields<A> }[HazardAction];

/** Parses the form of one step (the buttons on a hazard's page post `intent=<action>`). */
export function parseStepForm(action: HazardAction, formData: FormData, t: Translate): ParseResult<HazardStepInput> {
  const parsed = parseForm(STEP_SCHEMAS[action] as z.ZodType<Record<string, unknown>>, formData, t);
  if (!parsed.ok) return parsed;
  return { ok: true, data: { action, ...parsed.data } as HazardStepInput };
}


/** The list's filters, read from the query string (/hazards?status=rectifying&overdue=1). */
export const hazardFilterSchema = z.object({
  status: lenient(z.enum(HAZARD_STATUSES)),
  category: lenient(z.enum(HAZARD_CATEGORIES)),
  severity: lenient(z.enum(HAZARD_SEVERITIES)),
  /** The owner county. */
  county: lenient(positiveInt),
  /** A pact id, or "none" for records internal to a county. */
  pact: lenient(z.union([z.literal("none"), positiveInt])),
  overdue: flag,
  /** Only hazards the viewer reported. */
  mine: flag,
  from: calendarDate,
  to: calendarDate,
  q: lenient(z.string().trim().max(50).transform((v) => v || undefined)),
  page: lenient(positiveInt),
});
export type HazardFilters = z.output<typeof hazardFilterSchema>;

/** The filters of a list URL; anything unreadable is left out. */
export function filtersFromUrl(url: URL): HazardFilters {
  return hazardFilterSchema.parse(Object.fromEntries(url.searchParams));
}
