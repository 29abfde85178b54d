/**
 * The forms of joint activities (联合普法, 法律咨询, 法律援助, 群众诉求): the record form with its
 * counts (whole numbers from 0; requests resolved never more than received) and the list's filters.
 */
import { z } from "zod";
import { todayInChina, type Translate } from "~/i18n";
import { fields, parseForm, type ParseResult } from "~/modules/forms/validation";
import { isCalendarDate, lenient, positiveInt } from "~/modules/forms/query-fields";
import { optionalId, requiredId, requiredText } from "./schemas";
import { ACTIVITY_KINDS, COUNT_MAX, NOTES_MAX, PLACE_MAX, TITLE_MAX } from "./vocabulary";

/** A count that may be left empty (0), else a whole number 0 … COUNT_MAX. */
const optionalCount = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim())
  .refine((v) => v === "" || /^\d+$/.test(v), { error: "patrols.form.badCount", abort: true })
  .transform((v) => (v === "" ? 0 : Number(v)))
  .refine((v) => v <= COUNT_MAX, { error: `patrols.form.countTooLarge|max=${COUNT_MAX}` });

export const activitySchema = z
  .object({
    pactId: requiredId("patrols.activity.form.pactRequired"),
    kind: z.enum(ACTIVITY_KINDS, { error: "patrols.activity.form.kindRequired" }),
    title: requiredText(TITLE_MAX, "patrols.activity.form.titleRequired"),
    heldOn: z
      .string({ error: "patrols.activity.form.dateRequired" })
      .trim()
      .min(1, { error: "patrols.activity.form.dateRequired" })
      .refine(isCalendarDate, { error: "patrols.form.badDate", abort: true })
      .refine((v) => v <= todayInChina(), { error: "patrols.activity.form.dateFuture" }),
    regionId: optionalId,
    placeText: fields.optionalText(PLACE_MAX),
    attendance: optionalCount,
    consultations: optionalCount,
    legalAidCases: optionalCount,
    requestsReceived: optionalCount,
    requestsResolved: optionalCount,
    notes: fields.optionalText(NOTES_MAX),
  })
  .refine((v) => v.requestsResolved <= v.requestsReceived, { path: ["requestsResolved"], error: "patrols.activity.form.resolvedOverReceived" });
export type ActivityInput = z.output<typeof activitySchema>;

export function parseActivityForm(formData: FormData, t: Translate): ParseResult<ActivityInput> {
  return parseForm(activitySchema, formData, t);
}

export const activityFilterSchema = z.object({
  pact: lenient(positiveInt),
  kind: lenient(z.enum(ACTIVITY_KINDS)),
  year: lenient(z.coerce.number().int().min(2000).max(2100)),
  page: lenient(positiveInt),
});
export type ActivityFilters = z.output<typeof activityFilterSchema>;

export function activityFiltersFromUrl(url: URL): ActivityFilters {
  return activityFilterSchema.parse(Object.fromEntries(url.searchParams));
}
