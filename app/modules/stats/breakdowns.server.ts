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
import { visibleInScope, workflowsOfScope, type StatsScope } from "./scope.server";

interface Bounds {
  from: number;
  to: number;
}

/** The records each breakdown counts: the same as the figure it splits. */
const COUNTED: Partial<Record<Workflow, { figure: string; join: SQL; where: (b: Bounds) => SQL }>> = {
  hazard: {
    figure: "hazardsFound",
    join: sql`join hazard_details d on d.record_id = ${records.id}`,
    where: (b) => sql`${records.createdAt} between ${b.from} and ${b.to}`,
  },
  dispute: {
    figure: "disputesAccepted",
    join: sql`join dispute_details d on d.record_id = ${records.id}`,
    where: (b) => sql`${records.status} <> 'reported' and ${records.createdAt} between ${b.from} and ${b.to}`,
  },
  notice: {
    figure: "noticesSent",
    join: sql`join notice_details d on d.record_id = ${records.id}`,
    where: (b) => sql`${records.createdAt} between ${b.from} and ${b.to}`,
  },
  project: {
    figure: "projectsAll",
    join: sql`join project_details d on d.record_id = ${records.id}`,
    where: () => sql`1`,
  },
};

const CATEGORY: Partial<Record<Workflow, { column: string; labelPrefix: string }>> = {
  hazard: { column: "category", labelPrefix: "hazards.category" },
  dispute: { column: "type", labelPrefix: "disputes.type" },
  notice: { column: "kind", labelPrefix: "notices.kind" },
  project: { column: "field", labelPrefix: "projects.field" },
};

/** Workflows whose records name a place in the region tree (a notice's place is free text). */
const TOWNSHIP_WORKFLOWS: Workflow[] = ["hazard", "dispute"];

function byCategory(viewer: Viewer, scope: StatsScope, workflow: Workflow, b: Bounds): Breakdown {
  const counted = COUNTED[workflow]!;
  const { column, labelPrefix } = CATEGORY[workflow]!;
  const rows = getDb().all<{ k: string; n: number }>(sql`select d.${sql.raw(column)} as k, count(*) as n from ${records} ${counted.join}
    where ${visibleInScope(viewer, scope, workflow)} and ${counted.where(b)} group by k order by n desc, k`);
  return { kind: "category", workflow, figure: counted.figure, labelPrefix, rows: rows.map((r) => ({ key: r.k, value: r.n })) };
}

/**
 * The township of each counted record: its region, or the region's parent or grandparent at the
 * township level (villages and micro-grids lie below a township).
 */
function byTownship(viewer: Viewer, scope: StatsScope, workflow: Workflow, b: Bounds): Breakdown {
  const counted = COUNTED[workflow]!;
  const rows = getDb().all<{ k: string | null; county: string | null; n: number }>(sql`
    select t.name as k, c.name as county, count(*) as n from ${records} ${counted.join}
      left join regions r0 on r0.id = ${records.regionId}
      left join regions r1 on r1.id = r0.parent_id
      left join regions r2 on r2.id = r1.parent_id
      left join regions t on t.id = case when r0.level = 'township' then r0.id when r1.level = 'township' then r1.id else r2.id end
      left join counties c on c.id = t.county_id
    where ${visibleInScope(viewer, scope, workflow)} and ${counted.where(b)}
    group by t.id order by t.id is null, n desc, k`);
  const named = rows.filter((r) => r.k !== null);
  const shown: BreakdownRow[] = named.slice(0, TOWNSHIP_ROWS).map((r) => ({ key: r.k!, county: r.county ?? undefined, value: r.n }));
  const other = named.slice(TOWNSHIP_ROWS).reduce((sum, r) => sum + r.n, 0);
  if (other > 0) shown.push({ key: OTHER_TOWNSHIPS, value: other });
  const none = rows.find((r) => r.k === null)?.n ?? 0;
  if (none > 0) shown.push({ key: NO_TOWNSHIP, value: none });
  return { kind: "township", workflow, figure: counted.figure, rows: shown };
}

/** The breakdowns of the view's period: by category for each shown workflow that has one, then by township. */
export function breakdownsOf(viewer: Viewer, scope: StatsScope, period: Period): Breakdown[] {
  const bounds = { from: Date.parse(`${period.from}T00:00:00+08:00`), to: endOfChinaDay(period.to) };
  const shown = workflowsOfScope(viewer, scope);
  return [
    ...shown.filter((w) => CATEGORY[w]).map((w) => byCategory(viewer, scope, w, bounds)),
    ...shown.filter((w) => TOWNSHIP_WORKFLOWS.includes(w)).map((w) => byTownship(viewer, scope, w, bounds)),
  ];
}
