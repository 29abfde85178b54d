/**
 * Breakdowns of a statistics view's period: hazards found by category, disputes accepted by type,
 * notices sent by kind, projects (as they stand) by field, and hazards and disputes by the
 * township where they happened (the record's place, walked up the region tree). Every count
 * runs inside the access policy through visibleInScope.
 */
import { sql, type SQL } from "drizzle-orm";
import { records } from "~db/schema";
import type { Workflow } from "~/modules/access/capabilities";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { endOfChinaDay } from "~/modules/hazards/deadlines";
import { NO_TOWNSHIP, OTHER_TOWNSHIPS, TOWNSHIP_ROWS, type Breakdown, type BreakdownRow } from "./charts";
import type { Period } from "./figures";
import { visibleInScopeOf, workflowsOfScope, type StatsScope } from "./scope.server";

interface Bounds {
  from: number;
  to: number;
}

/** The records each breakdown counts (with a row in the workflow's details): the same as the figure it splits. */
const COUNTED: Partial<Record<Workflow, { figure: string; where: (b: Bounds) => SQL }>> = {
  hazard: {
    figure: "hazardsFound",
    where: (b) => sql`${records.createdAt} between ${b.from} and ${b.to}`,
  },
  dispute: {
    figure: "disputesAccepted",
    where: (b) => sql`${records.status} <> 'reported' and ${records.createdAt} between ${b.from} and ${b.to}`,
  },
  notice: {
    figure: "noticesSent",
    where: (b) => sql`${records.createdAt} between ${b.from} and ${b.to}`,
  },
  project: {
    figure: "projectsAll",
    where: () => sql`1`,
  },
};

const CATEGORY: Partial<Record<Workflow, { column: string; labelPrefix: string }>> = {
  hazard: { column: "category", labelPrefix: "hazards.category" },
  dispute: { column: "type", labelPrefix: "disputes.type" },
  notice: { column: "kind", labelPrefix: "notices.kind" },
  project: { column: "field", labelPrefix: "projects.field" },
};

/** The details table of each workflow with a breakdown, and its alias in the query. */
const DETAILS: Partial<Record<Workflow, string>> = { hazard: "hazard_details", dispute: "dispute_details", notice: "notice_details", project: "project_details" };
const ALIAS: Partial<Record<Workflow, string>> = { hazard: "hd", dispute: "dd", notice: "nd", project: "pd" };

/** Workflows whose records name a place in the region tree (a notice's place is free text). */
const TOWNSHIP_WORKFLOWS: Workflow[] = ["hazard", "dispute"];

/** SQLite's BINARY order of text (UTF-8 bytes), nulls first. */
function binaryOrder(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

interface Row {
  w: Workflow;
  /** The category column of the workflow's details. */
  k: string | null;
  /** The township of the record's place (see below), its name and county. */
  t: number | null;
  name: string | null;
  county: string | null;
  n: number;
}

/**
 * The counted records of every shown workflow in one query (the access policy applied once),
 * grouped by workflow, category and township. The township of a record is its region, or the
 * region's parent or grandparent at the township level (villages and micro-grids lie below a
 * township).
 */
function countedRows(viewer: Viewer, scope: StatsScope, workflows: Workflow[], b: Bounds): Row[] {
  if (workflows.length === 0) return [];
  const category = sql.join(workflows.map((w) => sql`when ${records.workflow} = ${w} then ${sql.raw(`${ALIAS[w]}.${CATEGORY[w]!.column}`)}`), sql` `);
  return getDb().all<Row>(sql`
    select ${records.workflow} as w, case ${category} end as k, t.id as t, t.name as name, c.name as county, count(*) as n
    from ${records}
      ${sql.join(workflows.map((w) => sql.raw(`left join ${DETAILS[w]} ${ALIAS[w]} on ${ALIAS[w]}.record_id = "records"."id"`)), sql` `)}
      left join regions r0 on r0.id = ${records.regionId}
      left join regions r1 on r1.id = r0.parent_id
      left join regions r2 on r2.id = r1.parent_id
      left join regions t on t.id = case when r0.level = 'township' then r0.id when r1.level = 'township' then r1.id else r2.id end
      left join counties c on c.id = t.county_id
    where ${visibleInScopeOf(viewer, scope, workflows)}
      and (${sql.join(workflows.map((w) => sql`(${records.workflow} = ${w} and ${sql.raw(ALIAS[w]!)}.record_id is not null and ${COUNTED[w]!.where(b)})`), sql` or `)})
    group by w, k, t.id`);
}

/** The rows summed by `key`, largest first. */
function summed<K>(rows: Row[], key: (r: Row) => K): { key: K; row: Row; n: number }[] {
  const sums = new Map<K, { key: K; row: Row; n: number }>();
  for (const r of rows) {
    const k = key(r);
    const sum = sums.get(k);
    if (sum) sum.n += r.n;
    else sums.set(k, { key: k, row: r, n: r.n });
  }
  return [...sums.values()];
}

function byCategory(workflow: Workflow, rows: Row[]): Breakdown {
  const { labelPrefix } = CATEGORY[workflow]!;
  const sorted = summed(rows, (r) => r.k).sort((a, b) => b.n - a.n || binaryOrder(a.key, b.key));
  return { kind: "category", workflow, figure: COUNTED[workflow]!.figure, labelPrefix, rows: sorted.map((r) => ({ key: r.key!, value: r.n })) };
}

function byTownship(workflow: Workflow, rows: Row[]): Breakdown {
  const townships = summed(rows, (r) => r.t);
  const named = townships.filter((r) => r.key !== null).sort((a, b) => b.n - a.n || binaryOrder(a.row.name, b.row.name) || a.key! - b.key!);
  const shown: BreakdownRow[] = named.slice(0, TOWNSHIP_ROWS).map((r) => ({ key: r.row.name!, county: r.row.county ?? undefined, value: r.n }));
  const other = named.slice(TOWNSHIP_ROWS).reduce((sum, r) => sum + r.n, 0);
  if (other > 0) shown.push({ key: OTHER_TOWNSHIPS, value: other });
  const none = townships.find((r) => r.key === null)?.n ?? 0;
  if (none > 0) shown.push({ key: NO_TOWNSHIP, value: none });
  return { kind: "township", workflow, figure: COUNTED[workflow]!.figure, rows: shown };
}

/** The breakdowns of the view's period: by category for each shown workflow that has one, then by township. */
export function breakdownsOf(viewer: Viewer, scope: StatsScope, period: Period): Breakdown[] {
  const bounds = { from: Date.parse(`${period.from}T00:00:00+08:00`), to: endOfChinaDay(period.to) };
  const shown = workflowsOfScope(viewer, scope).filter((w) => CATEGORY[w]);
  const rows = countedRows(viewer, scope, shown, bounds);
  const of = (w: Workflow) => rows.filter((r) => r.w === w);
  return [
    ...shown.map((w) => byCategory(w, of(w))),
    ...shown.filter((w) => TOWNSHIP_WORKFLOWS.includes(w)).map((w) => byTownship(w, of(w))),
  ];
}
