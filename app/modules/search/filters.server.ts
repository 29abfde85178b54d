/**
 * The search page's query string (?q=&workflow=&status=&county=&pact=&from=&to=&page=) and the
 * choices its filters offer. Choices come from the viewer: workflows their roles may view, the
 * states of those workflows, their own county and its pact partners, and their county's pacts.
 * A value outside the choices is reported next to its field and left out of the query.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { counties, pactMembers, pacts } from "~db/schema";
import type { Translate } from "~/i18n";
import { isWorkflow, workflowsAllowing, type Workflow } from "~/modules/access/capabilities";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { parseForm } from "~/modules/forms/validation";
import { machineOf } from "~/modules/records/registry";
import type { StateMachine } from "~/modules/records/state-machine";
import { isCalendarDate } from "~/modules/forms/query-fields";
import { chinaDayRange } from "~/modules/tenancy/schemas";
import type { SearchQuery } from "./search.server";
import { charCount, MAX_QUERY_LENGTH, searchTerms } from "./terms";

/** Pacts under which records can exist: signed at some point (not proposed, not declined). */
const SIGNED_PACT_STATUSES = ["active", "suspended", "terminated"] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "form.invalidChoice" })
    .optional()
    .transform((v) => v || undefined);

const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? Number(v) : undefined))
  .refine((v) => v === undefined || (Number.isSafeInteger(v) && v > 0), { error: "form.invalidChoice" });

const calendarDay = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined)
  .refine((v) => v === undefined || isCalendarDate(v), { error: "search.dateInvalid" });

export const searchParamsSchema = z
  .object({
    q: z
      .string()
      .optional()
      .transform((v) => (v ?? "").trim())
      .refine((v) => charCount(v) <= MAX_QUERY_LENGTH, { error: `search.queryTooLong|max=${MAX_QUERY_LENGTH}` }),
    workflow: optionalText(32),
    status: optionalText(32),
    county: optionalId,
    pact: optionalId,
    from: calendarDay,
    to: calendarDay,
    page: z
      .string()
      .optional()
      .transform((v) => {
        const n = Number(v);
        return Number.isSafeInteger(n) && n > 0 ? n : 1;
      }),
  })
  // Compared only when both are real dates (an invalid one has its own message).
  .refine((v) => !v.from || !v.to || !isCalendarDate(v.from) || !isCalendarDate(v.to) || v.from <= v.to, {
    error: "search.rangeInvalid",
    path: ["to"],
  });

export type SearchParams = z.output<typeof searchParamsSchema>;

export interface SearchChoices {
  workflows: Workflow[];
  /** Each state once, with the (first) workflow whose words name it. */
  statuses: { value: string; workflow: Workflow }[];
  counties: { id: number; name: string }[];
  pacts: { id: number; title: string }[];
}

/** Every state a machine can be in, in the order its table mentions them. */
function statesOf(machine: StateMachine): string[] {
  const all = [machine.initial, ...machine.transitions.flatMap((t) => [...t.from, t.to]), ...machine.final];
  return [...new Set(all)];
}

export function searchChoicesFor(viewer: Viewer): SearchChoices {
  const db = getDb();
  const workflows = workflowsAllowing(viewer.roles, "view");
  const statuses = new Map<string, Workflow>();
  for (const workflow of workflows) {
    const machine = machineOf(workflow);
    for (const state of machine ? statesOf(machine) : []) if (!statuses.has(state)) statuses.set(state, workflow);
  }
  const ownPacts = db
    .select({ id: pacts.id, title: pacts.title })
    .from(pacts)
    .innerJoin(pactMembers, and(eq(pactMembers.pactId, pacts.id), eq(pactMembers.countyId, viewer.countyId)))
    .where(inArray(pacts.status, SIGNED_PACT_STATUSES))
    .orderBy(asc(pacts.id))
    .all();
  // The viewer's own county first, then the partners of its pacts: the only possible owners of
  // records it sees.
  const partnerRows = ownPacts.length
    ? db
        .selectDistinct({ id: counties.id, name: counties.name, code: counties.code })
        .from(counties)
        .innerJoin(pactMembers, eq(pactMembers.countyId, counties.id))
        .where(and(inArray(pactMembers.pactId, ownPacts.map((p) => p.id)), sql`${counties.id} <> ${viewer.countyId}`))
        .orderBy(asc(counties.code))
        .all()
    : [];
  return {
    workflows,
    statuses: [...statuses].map(([value, workflow]) => ({ value, workflow })),
    counties: [{ id: viewer.countyId, name: viewer.countyName }, ...partnerRows.map(({ id, name }) => ({ id, name }))],
    pacts: ownPacts,
  };
}

export interface ReadSearch {
  query: SearchQuery;
  /** What the form shows back: the values as typed. */
  values: Record<string, string>;
  errors: Record<string, string>;
}

const FIELDS = ["q", "workflow", "status", "county", "pact", "from", "to", "page"] as const;

/** The query string read, checked against the viewer's choices, and turned into a SearchQuery. */
export function readSearchParams(url: URL, choices: SearchChoices, t: Translate): ReadSearch {
  const values: Record<string, string> = {};
  for (const name of FIELDS) {
    const value = url.searchParams.get(name);
    if (value !== null) values[name] = value;
  }
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.append(name, value);
  let parsed = parseForm(searchParamsSchema, form, t);
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
  if (!parsed.ok) {
    // Leave the fields in error out and read the rest.
    for (const name of Object.keys(errors)) form.delete(name);
    parsed = parseForm(searchParamsSchema, form, t);
  }
  const params: Partial<SearchParams> = parsed.ok ? parsed.data : {};
  const invalid = (field: string) => {
    errors[field] ??= t("form.invalidChoice");
  };
  let workflow: Workflow | undefined;
  if (params.workflow) {
    if (isWorkflow(params.workflow) && choices.workflows.includes(params.workflow)) workflow = params.workflow;
    else invalid("workflow");
  }
  const status = params.status && choices.statuses.some((s) => s.value === params.status) ? params.status : undefined;
  if (params.status && !status) invalid("status");
  const countyId = params.county && choices.counties.some((c) => c.id === params.county) ? params.county : undefined;
  if (params.county && !countyId) invalid("county");
  const pactId = params.pact && choices.pacts.some((p) => p.id === params.pact) ? params.pact : undefined;
  if (params.pact && !pactId) invalid("pact");
  return {
    query: {
      terms: searchTerms(params.q ?? ""),
      workflow,
      status,
      countyId,
      pactId,
      ...chinaDayRange(params.from, params.to),
      page: params.page ?? 1,
    },
    values,
    errors,
  };
}
