/**
 * The forms of the dispute workflow: the report/registration form (parties as repeated fields
 * party-0-name, party-0-countyId, …), one schema per state-machine step with the fields that step
 * requires, the session log, the change of lead county and the list's filters. Messages are i18n
 * keys (app/i18n/zh-CN/disputes.ts); `parseForm` turns them into text.
 */
import { z } from "zod";
import { todayInChina, type Translate } from "~/i18n";
import { fields, formValues, parseForm, translateIssue, type ParseResult } from "~/modules/forms/validation";
import { calendarDate, flag, isCalendarDate, lenient, positiveInt } from "~/modules/forms/query-fields";
import { DISPUTE_STATUSES, type DisputeAction } from "./machine";
import {
  AMOUNT_MAX, DESCRIPTION_MAX, DISPUTE_TYPES, ESCALATION_RISKS, MAX_PARTIES, MIN_PARTIES, NAME_MAX, NOTE_MAX, PARTIES_PRESENT_MAX,
  PARTY_FIELDS, PEOPLE_MAX, PERFORMANCE_MAX, PLACE_MAX, REASON_MAX, REFERRAL_KINDS, REFERRAL_TO_MAX, SESSION_NOTES_MAX, TITLE_MAX,
  VILLAGE_MAX, VISIT_METHODS,
} from "./vocabulary";

const requiredText = (max: number, missing: string) =>
  z.string({ error: missing }).trim().min(1, { error: missing }).max(max, { error: `form.tooLong|max=${max}` });

const optionalId = z
  .string()
  .optional()
  .transform((v) => (v ? Number(v) : null))
  .refine((v) => v === null || (Number.isSafeInteger(v) && v > 0), { error: "form.invalidChoice" });

const requiredId = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .transform(Number)
    .refine((v) => Number.isSafeInteger(v) && v > 0, { error: "form.invalidChoice" });

/** A whole number typed into a field, between min and max. */
const wholeNumber = (min: number, max: number, missing: string, bad: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .refine((v) => /^\d+$/.test(v), { error: bad, abort: true })
    .transform(Number)
    .refine((v) => v >= min && v <= max, { error: bad });

/** A calendar day, today or earlier (Beijing). */
const pastDate = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .refine(isCalendarDate, { error: "disputes.form.badDate", abort: true })
    .refine((v) => v <= todayInChina(), { error: "disputes.form.dateFuture" });

/** One party: name and county required, phone digits, ID number optional (18 characters, last may be X). */
export const partySchema = z.object({
  name: requiredText(NAME_MAX, "disputes.form.partyNameRequired"),
  countyId: requiredId("disputes.form.partyCountyRequired"),
  village: fields.optionalText(VILLAGE_MAX),
  phone: z
    .string({ error: "disputes.form.phoneRequired" })
    .trim()
    .min(1, { error: "disputes.form.phoneRequired" })
    .regex(/^\d{7,15}$/, { error: "disputes.form.phoneInvalid" }),
  idNumber: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim().toUpperCase())
    .refine((v) => v === "" || /^\d{17}[\dX]$/.test(v), { error: "disputes.form.idNumberInvalid" }),
});
export type PartyInput = z.output<typeof partySchema>;

/** The report form (/disputes/new) without its parties. `pactId` empty: internal to the viewer's county. */
export const reportSchema = z.object({
  title: requiredText(TITLE_MAX, "disputes.form.titleRequired"),
  type: z.enum(DISPUTE_TYPES, { error: "disputes.form.typeRequired" }),
  escalationRisk: z.preprocess((v) => v || undefined, z.enum(ESCALATION_RISKS, { error: "form.invalidChoice" }).default("low")),
  pactId: optionalId,
  regionId: optionalId,
  committeeId: optionalId,
  placeText: fields.optionalText(PLACE_MAX),
  peopleInvolved: wholeNumber(1, PEOPLE_MAX, "disputes.form.peopleRequired", "disputes.form.peopleInvalid"),
  amountInvolved: z.preprocess(
    (v) => (v === undefined || (typeof v === "string" && v.trim() === "") ? "0" : v),
    wholeNumber(0, AMOUNT_MAX, "disputes.form.amountInvalid", "disputes.form.amountInvalid"),
  ),
  description: requiredText(DESCRIPTION_MAX, "disputes.form.descriptionRequired"),
});
export type DisputeReportInput = z.output<typeof reportSchema> & { parties: PartyInput[] };

/** The party rows that were filled in (any field typed), by their index in the form. */
function partyRows(values: Record<string, string | string[]>) {
  const rows: { index: number; raw: Record<string, string> }[] = [];
  for (let index = 0; index < MAX_PARTIES; index++) {
    const raw = Object.fromEntries(PARTY_FIELDS.map((f) => [f, String(values[`party-${index}-${f}`] ?? "")]));
    if (PARTY_FIELDS.some((f) => f !== "countyId" && raw[f].trim() !== "")) rows.push({ index, raw });
  }
  return rows;
}

/** Parses the report form with its parties; errors come keyed by field (`party-1-phone`, `parties`). */
export function parseReportForm(formData: FormData, t: Translate): ParseResult<DisputeReportInput> {
  const values = formValues(formData);
  const head = parseForm(reportSchema, formData, t);
  const errors: Record<string, string> = head.ok ? {} : { ...head.errors };
  const parties: PartyInput[] = [];
  const rows = partyRows(values);
  for (const { index, raw } of rows) {
    const parsed = partySchema.safeParse(raw);
    if (parsed.success) parties.push(parsed.data);
    else for (const issue of parsed.error.issues) errors[`party-${index}-${String(issue.path[0])}`] ??= translateIssue(issue.message, t);
  }
  if (rows.length < MIN_PARTIES) errors.parties = t("disputes.form.partiesTooFew", { min: MIN_PARTIES });
  if (!head.ok || Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, data: { ...head.data, parties } };
}

const note = requiredText(NOTE_MAX, "disputes.form.noteRequired");
const optionalNote = fields.optionalText(NOTE_MAX);

/** One schema per step; each holds exactly what the machine's `requires` lists (plus optional extras). */
export const STEP_SCHEMAS = {
  register: z.object({ note: optionalNote }),
  assess: z.object({
    note,
    escalationRisk: z.preprocess((v) => v || undefined, z.enum(ESCALATION_RISKS, { error: "form.invalidChoice" }).optional()),
    committeeId: optionalId,
  }),
  mediate: z.object({ note: optionalNote }),
  resolve: z.object({ note }),
  stabilise: z.object({ note }),
  fail: z.object({
    referralKind: z.enum(REFERRAL_KINDS, { error: "disputes.form.referralKindRequired" }),
    referralTo: requiredText(REFERRAL_TO_MAX, "disputes.form.referralToRequired"),
    note,
  }),
  reopen: z.object({ note }),
  follow_up: z.object({
    visitedOn: pastDate("disputes.form.visitedOnRequired"),
    method: z.enum(VISIT_METHODS, { error: "disputes.form.methodRequired" }),
    performance: requiredText(PERFORMANCE_MAX, "disputes.form.performanceRequired"),
  }),
} satisfies Record<DisputeAction, z.ZodType>;

export type StepFields<A extends DisputeAction> = z.output<(typeof STEP_SCHEMAS)[A]>;
export type DisputeStepInput = { [A in DisputeAction]: { action: A } & StepFields<A> }[DisputeAction];

/** Parses the form of one step (the buttons on a dispute's page post `intent=<action>`). */
export function parseStepForm(action: DisputeAction, formData: FormData, t: Translate): ParseResult<DisputeStepInput> {
  const parsed = parseForm(STEP_SCHEMAS[action] as z.ZodType<Record<string, unknown>>, formData, t);
  if (!parsed.ok) return parsed;
  return { ok: true, data: { action, ...parsed.data } as DisputeStepInput };
}

/** A mediation session (intent=session). */
export const sessionSchema = z.object({
  heldOn: pastDate("disputes.form.heldOnRequired"),
  place: requiredText(PLACE_MAX, "disputes.form.sessionPlaceRequired"),
  mediatorIds: z
    .array(z.string().trim().min(1).max(64))
    .min(1, { error: "disputes.form.mediatorsRequired" })
    .max(30, { error: "form.invalidChoice" })
    .transform((ids) => [...new Set(ids)]),
  partiesPresent: fields.optionalText(PARTIES_PRESENT_MAX),
  notes: requiredText(SESSION_NOTES_MAX, "disputes.form.sessionNotesRequired"),
});
export type SessionInput = z.output<typeof sessionSchema>;

export function parseSessionForm(formData: FormData, t: Translate): ParseResult<SessionInput> {
  return parseForm(sessionSchema, formData, t, ["mediatorIds"]);
}

/** Changing the lead county (intent=lead): the new county and why. */
export const leadChangeSchema = z.object({
  leadCountyId: requiredId("disputes.form.leadRequired"),
  reason: requiredText(REASON_MAX, "disputes.form.reasonRequired"),
});
export type LeadChangeInput = z.output<typeof leadChangeSchema>;


/** The list's filters, read from the query string (/disputes?status=mediating&risk=high). */
export const disputeFilterSchema = z.object({
  status: lenient(z.enum(DISPUTE_STATUSES)),
  type: lenient(z.enum(DISPUTE_TYPES)),
  risk: lenient(z.enum(ESCALATION_RISKS)),
  /** The lead county. */
  lead: lenient(positiveInt),
  /** A pact id, or "none" for disputes internal to a county. */
  pact: lenient(z.union([z.literal("none"), positiveInt])),
  /** Only disputes the viewer reported. */
  mine: flag,
  from: calendarDate,
  to: calendarDate,
  q: lenient(z.string().trim().max(50).transform((v) => v || undefined)),
  page: lenient(positiveInt),
});
export type DisputeFilters = z.output<typeof disputeFilterSchema>;

export function filtersFromUrl(url: URL): DisputeFilters {
  return disputeFilterSchema.parse(Object.fromEntries(url.searchParams));
}
