/**
 * The forms of the project workflow, one zod schema each: proposing a project (partner counties,
 * each side's contribution as contribution-<countyId>, milestones as repeated rows
 * milestone-<i>-title / -dueOn / -county), the steps, marking a milestone done, adding one, and
 * the list's filters. Messages are i18n keys (app/i18n/zh-CN/projects.ts).
 */
import { z } from "zod";
import type { Translate } from "~/i18n";
import { flag, isCalendarDate, lenient } from "~/modules/forms/query-fields";
import { formValues, parseForm, translateIssue, type ParseResult } from "~/modules/forms/validation";
import { PROJECT_STATUSES, type ProjectAction } from "./machine";
import {
  BUDGET_MAX, CONTRIBUTION_MAX, MAX_MILESTONES, NEW_MILESTONE_ROWS, NOTE_MAX, PROJECT_FIELDS, TEXT_MAX, TITLE_MAX,
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

const calendarDay = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .refine(isCalendarDate, { error: "projects.form.badDate" });

const budget = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v.replace(/[,，\s]/g, "") : "0"))
  .refine((v) => /^\d{1,12}$/.test(v) && Number(v) <= BUDGET_MAX, { error: "projects.form.badBudget" })
  .transform(Number);

const milestoneFields = {
  title: requiredText(TITLE_MAX, "projects.form.milestoneTitleRequired"),
  dueOn: calendarDay("projects.form.dueOnRequired"),
  responsibleCountyId: requiredId("projects.form.responsibleRequired"),
};

const milestoneRow = z.object({ row: z.number(), ...milestoneFields });

/** The proposal, as gathered from the form by proposalValues(). */
export const proposalSchema = z
  .object({
    pactId: requiredId("projects.form.pactRequired"),
    field: z.enum(PROJECT_FIELDS, { error: "projects.form.fieldRequired" }),
    title: requiredText(TITLE_MAX, "projects.form.titleRequired"),
    description: requiredText(TEXT_MAX, "projects.form.descriptionRequired"),
    startsOn: calendarDay("projects.form.startsOnRequired"),
    endsOn: calendarDay("projects.form.endsOnRequired"),
    budget,
    addresseeCountyIds: z
      .array(z.string())
      .transform((ids) => ids.map(Number))
      .refine((ids) => ids.length > 0, { error: "projects.form.partnersRequired" })
      .refine((ids) => ids.every((v) => Number.isSafeInteger(v) && v > 0), { error: "form.invalidChoice" }),
    contributions: z.record(z.string(), z.string().trim().max(CONTRIBUTION_MAX, { error: `form.tooLong|max=${CONTRIBUTION_MAX}` })),
    milestones: z
      .array(milestoneRow)
      .min(1, { error: "projects.form.milestonesRequired" })
      .max(MAX_MILESTONES, { error: `projects.form.tooManyMilestones|max=${MAX_MILESTONES}` }),
  })
  .superRefine((v, ctx) => {
    const dated = isCalendarDate(String(v.startsOn)) && isCalendarDate(String(v.endsOn));
    if (dated && v.endsOn < v.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "projects.form.endsBeforeStart" });
    (Array.isArray(v.milestones) ? v.milestones : []).forEach((m, i) => {
      if (dated && isCalendarDate(String(m?.dueOn)) && (m.dueOn < v.startsOn || m.dueOn > v.endsOn)) {
        ctx.addIssue({ code: "custom", path: ["milestones", i, "dueOn"], message: "projects.form.dueOutsideTerm" });
      }
    });
    // Also when other fields failed: the term's messages belong next to the dates all the same.
  }, { when: () => true });

export type ProposalInput = z.output<typeof proposalSchema>;
export type MilestoneInput = Omit<ProposalInput["milestones"][number], "row">;

function text(formData: FormData, name: string): string | undefined {
  const v = formData.get(name);
  return typeof v === "string" ? v : undefined;
}

/** The form's fields in the proposal's shape; milestone rows left blank (no title, no date) are dropped. */
export function proposalValues(formData: FormData) {
  const contributions: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    const m = /^contribution-(\d{1,12})$/.exec(name);
    if (m && typeof value === "string") contributions[m[1]] = value;
  }
  const milestones = [];
  for (let row = 0; row < NEW_MILESTONE_ROWS; row++) {
    const title = text(formData, `milestone-${row}-title`)?.trim() ?? "";
    const dueOn = text(formData, `milestone-${row}-dueOn`)?.trim() ?? "";
    if (!title && !dueOn) continue;
    milestones.push({ row, title, dueOn, responsibleCountyId: text(formData, `milestone-${row}-county`) ?? "" });
  }
  return {
    pactId: text(formData, "pactId"),
    field: text(formData, "field"),
    title: text(formData, "title"),
    description: text(formData, "description"),
    startsOn: text(formData, "startsOn"),
    endsOn: text(formData, "endsOn"),
    budget: text(formData, "budget"),
    addresseeCountyIds: formData.getAll("addresseeCountyIds").filter((v): v is string => typeof v === "string"),
    contributions,
    milestones,
  };
}

const MILESTONE_FIELD_NAMES: Record<string, string> = { title: "title", dueOn: "dueOn", responsibleCountyId: "county" };

/** Where a message about a proposal field is shown: the form field's own name. */
export function proposalFieldName(path: readonly PropertyKey[], rows: readonly { row: number }[]): string {
  const [first, second, third] = path;
  if (first === "milestones") {
    if (typeof second !== "number") return "milestones";
    return `milestone-${rows[second]?.row ?? second}-${MILESTONE_FIELD_NAMES[String(third)] ?? "title"}`;
  }
  if (first === "contributions" && second !== undefined) return `contribution-${String(second)}`;
  return String(first ?? "_form");
}

export function parseProposal(formData: FormData, t: Translate): ParseResult<ProposalInput> {
  const gathered = proposalValues(formData);
  const result = proposalSchema.safeParse(gathered);
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    errors[proposalFieldName(issue.path, gathered.milestones)] ??= translateIssue(issue.message, t);
  }
  return { ok: false, errors, values: formValues(formData, ["addresseeCountyIds"]) };
}

const note = requiredText(NOTE_MAX, "projects.form.noteRequired");

/** Every step asks for a note that says why (shown in the thread under the event). */
export const STEP_SCHEMAS = {
  activate: z.object({ note }),
  complete: z.object({ note }),
  suspend: z.object({ note }),
  resume: z.object({ note }),
} satisfies Record<ProjectAction, z.ZodType>;

export function parseProjectStep(action: ProjectAction, formData: FormData, t: Translate) {
  return parseForm(STEP_SCHEMAS[action], formData, t);
}

export const milestoneDoneSchema = z.object({
  milestoneId: requiredId("form.invalidChoice"),
  note: z.string().trim().max(NOTE_MAX, { error: `form.tooLong|max=${NOTE_MAX}` }).optional().default(""),
});
export type MilestoneDoneInput = z.output<typeof milestoneDoneSchema>;

export const milestoneAddSchema = z.object(milestoneFields);
export type MilestoneAddInput = z.output<typeof milestoneAddSchema>;

export const projectFilterSchema = z.object({
  status: lenient(z.enum(PROJECT_STATUSES)),
  field: lenient(z.enum(PROJECT_FIELDS)),
  side: lenient(z.enum(["lead", "partner"])),
  overdue: flag,
  page: lenient(z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)),
});
export type ProjectFilters = z.output<typeof projectFilterSchema>;

export function projectFiltersFromUrl(url: URL): ProjectFilters {
  return projectFilterSchema.parse(Object.fromEntries(url.searchParams));
}
