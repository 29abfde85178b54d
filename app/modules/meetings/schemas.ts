/**
 * The forms of joint meetings: scheduling (agenda rows agenda-0-title/agenda-0-ref …), the minutes
 * with their decisions (decision-0-text/-county/-owner/-deadline …), the one-note steps, a
 * county's attendees, and the lists' filters. Messages are i18n keys (app/i18n/zh-CN/meetings.ts).
 */
import { z } from "zod";
import type { Translate } from "~/i18n";
import { todayInChina } from "~/i18n";
import { flag, isCalendarDate, lenient } from "~/modules/forms/query-fields";
import { formValues, parseForm, translateIssue, type ParseResult } from "~/modules/forms/validation";
import { beijingLocalToMs } from "~/modules/notices/schemas";
import type { MeetingAction } from "./machine";
import {
  ACTION_FILTERS, AGENDA_ROWS, DECISION_ROWS, MEETING_LEVELS, MINUTES_MAX, NOTE_MAX, PLACE_MAX, TEXT_MAX, TITLE_MAX,
} from "./vocabulary";

const requiredText = (max: number, missing: string) =>
  z.string({ error: missing }).trim().min(1, { error: missing }).max(max, { error: `form.tooLong|max=${max}` });

const requiredId = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .transform(Number)
    .refine((v) => Number.isSafeInteger(v) && v > 0, { error: "form.invalidChoice" });

const userIds = z
  .array(z.string())
  .transform((ids) => [...new Set(ids.map((v) => v.trim()).filter(Boolean))])
  .refine((ids) => ids.every((v) => v.length <= 64), { error: "form.invalidChoice" });

export const scheduleSchema = z.object({
  pactId: requiredId("meetings.form.pactRequired"),
  level: z.enum(MEETING_LEVELS, { error: "meetings.form.levelRequired" }),
  hostCountyId: requiredId("meetings.form.hostRequired"),
  title: requiredText(TITLE_MAX, "meetings.form.titleRequired"),
  startsAt: z
    .string({ error: "meetings.form.startsAtRequired" })
    .trim()
    .min(1, { error: "meetings.form.startsAtRequired" })
    .transform(beijingLocalToMs)
    .refine((v) => Number.isFinite(v), { error: "meetings.form.badTime" }),
  placeText: requiredText(PLACE_MAX, "meetings.form.placeRequired"),
  attendeeIds: userIds,
  otherAttendees: z.string().trim().max(TEXT_MAX, { error: `form.tooLong|max=${TEXT_MAX}` }).optional().default(""),
});

export interface AgendaInput {
  title: string;
  /** A reference number typed by the viewer; resolved through the access policy. */
  refNo: string;
}

export type ScheduleInput = z.output<typeof scheduleSchema> & { agenda: AgendaInput[] };

const agendaRowSchema = z.object({
  title: requiredText(TITLE_MAX, "meetings.form.agendaTitleRequired"),
  refNo: z.string().trim().max(40, { error: "form.tooLong|max=40" }).transform((v) => v.toUpperCase()),
});

function text(formData: FormData, name: string): string {
  const v = formData.get(name);
  return typeof v === "string" ? v.trim() : "";
}

/** Row errors as `${prefix}-${i}-${field}` → message (already translated). */
function rowErrors(prefix: string, i: number, issues: z.core.$ZodIssue[], t: Translate, names: Record<string, string> = {}) {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "text");
    errors[`${prefix}-${i}-${names[field] ?? field}`] ??= translateIssue(issue.message, t);
  }
  return errors;
}

export function agendaOf(formData: FormData, t: Translate): { agenda: AgendaInput[]; errors: Record<string, string> } {
  const agenda: AgendaInput[] = [];
  let errors: Record<string, string> = {};
  for (let i = 0; i < AGENDA_ROWS; i++) {
    const row = { title: text(formData, `agenda-${i}-title`), refNo: text(formData, `agenda-${i}-ref`) };
    if (!row.title && !row.refNo) continue;
    const parsed = agendaRowSchema.safeParse(row);
    if (parsed.success) agenda.push(parsed.data);
    else errors = { ...errors, ...rowErrors("agenda", i, parsed.error.issues, t, { refNo: "ref" }) };
  }
  if (agenda.length === 0 && Object.keys(errors).length === 0) errors.agenda = t("meetings.form.agendaRequired");
  return { agenda, errors };
}

export function parseScheduleForm(formData: FormData, t: Translate): ParseResult<ScheduleInput> {
  const parsed = parseForm(scheduleSchema, formData, t, ["attendeeIds"]);
  const rows = agendaOf(formData, t);
  const rowsOk = Object.keys(rows.errors).length === 0;
  if (!parsed.ok) return { ...parsed, errors: { ...parsed.errors, ...rows.errors } };
  if (!rowsOk) return { ok: false, errors: rows.errors, values: formValues(formData, ["attendeeIds"]) };
  return { ok: true, data: { ...parsed.data, agenda: rows.agenda } };
}

// ── the minutes and their decisions ──

export interface DecisionInput {
  text: string;
  responsibleCountyId: number;
  ownerUserId: string;
  /** YYYY-MM-DD, Beijing. */
  deadline: string;
}

const decisionRowSchema = (today: string) =>
  z.object({
    text: requiredText(TEXT_MAX, "meetings.form.decisionTextRequired"),
    county: requiredId("meetings.form.decisionCountyRequired"),
    owner: z.string().trim().min(1, { error: "meetings.form.decisionOwnerRequired" }).max(64, { error: "form.invalidChoice" }),
    deadline: z
      .string()
      .trim()
      .min(1, { error: "meetings.form.deadlineRequired" })
      .refine(isCalendarDate, { error: "meetings.form.badDate", abort: true })
      .refine((d) => d >= today, { error: "meetings.form.deadlinePast" }),
  });

export const holdSchema = z.object({
  minutes: requiredText(MINUTES_MAX, "meetings.form.minutesRequired"),
});

export type HoldInput = z.output<typeof holdSchema> & { decisions: DecisionInput[] };

export function decisionsOf(formData: FormData, t: Translate, now = Date.now()) {
  const schema = decisionRowSchema(todayInChina(now));
  const decisions: DecisionInput[] = [];
  let errors: Record<string, string> = {};
  for (let i = 0; i < DECISION_ROWS; i++) {
    const row = {
      text: text(formData, `decision-${i}-text`),
      county: text(formData, `decision-${i}-county`),
      owner: text(formData, `decision-${i}-owner`),
      deadline: text(formData, `decision-${i}-deadline`),
    };
    if (!row.text && !row.owner && !row.deadline) continue;
    const parsed = schema.safeParse(row);
    if (parsed.success) {
      const { text: words, county, owner, deadline } = parsed.data;
      decisions.push({ text: words, responsibleCountyId: county, ownerUserId: owner, deadline });
    } else {
      errors = { ...errors, ...rowErrors("decision", i, parsed.error.issues, t) };
    }
  }
  if (decisions.length === 0 && Object.keys(errors).length === 0) errors.decisions = t("meetings.form.decisionsRequired");
  return { decisions, errors };
}

export function parseHoldForm(formData: FormData, t: Translate, now = Date.now()): ParseResult<HoldInput> {
  const parsed = parseForm(holdSchema, formData, t);
  const rows = decisionsOf(formData, t, now);
  if (!parsed.ok) return { ...parsed, errors: { ...parsed.errors, ...rows.errors } };
  if (Object.keys(rows.errors).length > 0) return { ok: false, errors: rows.errors, values: formValues(formData) };
  return { ok: true, data: { ...parsed.data, decisions: rows.decisions } };
}

// ── the other steps: a note says why ──

const note = requiredText(NOTE_MAX, "meetings.form.noteRequired");
export const noteSchema = z.object({ note });

/** Parses the fields of any step; `hold` reports `minutes` and `decisions` as its own fields. */
export function parseStepForm(action: MeetingAction, formData: FormData, t: Translate, now = Date.now()) {
  if (action === "hold") return parseHoldForm(formData, t, now);
  return parseForm(noteSchema, formData, t);
}

export const attendeesSchema = z.object({ attendeeIds: userIds });

export function parseAttendeesForm(formData: FormData, t: Translate) {
  return parseForm(attendeesSchema, formData, t, ["attendeeIds"]);
}

// ── the list's filters ──

export const meetingFilterSchema = z.object({
  view: lenient(z.enum(["meetings", "actions"])),
  filter: lenient(z.enum(ACTION_FILTERS)),
  mine: flag,
});
export type MeetingFilters = z.output<typeof meetingFilterSchema>;

export function meetingFiltersFromUrl(url: URL): MeetingFilters {
  return meetingFilterSchema.parse(Object.fromEntries(url.searchParams));
}
