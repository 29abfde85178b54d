/**
 * What the statistics page (/stats) and its exports share: the pacts of the viewer's county to
 * choose from, the chosen view (a pact, or the county across all its pacts; a pact the county is
 * not in answers exactly like a missing one, and leaves the same denial in the audit log), the
 * figures, trends and breakdowns of the view, and what an export may carry.
 */
import { can, workflowsAllowing, type Workflow } from "~/modules/access/capabilities";
import { denial } from "~/modules/access/policy.server";
import { recordAuditEvent } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { listPactsOf, parsePactId } from "~/modules/pacts/pacts.server";
import { actorOf } from "~/modules/tenancy/users.server";
import { breakdownsOf } from "./breakdowns.server";
import type { Breakdown, Trends } from "./charts";
import { COUNTY_SCOPE, type Period, type WorkFigures } from "./figures";
import { countyFigures, pactFigures } from "./figures.server";
import type { StatsScope } from "./scope.server";
import { trendsOf } from "./trends.server";

export interface StatsPact {
  id: number;
  title: string;
}

/** Every pact of the viewer's county, newest first. */
export function statsPactsOf(viewer: Viewer): StatsPact[] {
  return listPactsOf(viewer).map((p) => ({ id: p.id, title: p.title }));
}

/** Roles that may view at least one workflow may open the page; others get 403 (audited). */
export function requireStatsViewer(viewer: Viewer, path: string): void {
  if (workflowsAllowing(viewer.roles, "view").length > 0) return;
  denial(viewer, "page", path, "view");
  throw new Response("Forbidden", { status: 403 });
}

/** Roles that may export at least one workflow; others get 403 (audited). */
export function requireStatsExporter(viewer: Viewer): void {
  if (workflowsAllowing(viewer.roles, "export").length > 0) return;
  denial(viewer, "stats", null, "export");
  throw new Response("Forbidden", { status: 403 });
}

export interface ChosenScope {
  scope: StatsScope;
  /** The pact's title or the county's name. */
  title: string;
  /** What the scope field holds: a pact id or COUNTY_SCOPE. */
  value: string;
}

/**
 * The view asked for by `raw`: a pact of the viewer's county, or the county view (COUNTY_SCOPE).
 * Absent, it is the first pact, or the county view for a county without pacts (unless `required`:
 * 404). A malformed, missing or foreign pact id answers 404 and leaves a denial in the audit log.
 */
export function chosenScope(viewer: Viewer, pacts: StatsPact[], raw: string | null, required = false): ChosenScope {
  const county: ChosenScope = { scope: { kind: "county" }, title: viewer.countyName, value: COUNTY_SCOPE };
  if (raw === null || raw === "") {
    if (required) throw new Response("Not Found", { status: 404 });
    return pacts[0] ? { scope: { kind: "pact", pactId: pacts[0].id }, title: pacts[0].title, value: String(pacts[0].id) } : county;
  }
  if (raw === COUNTY_SCOPE) return county;
  const id = parsePactId(raw);
  const pact = id === null ? undefined : pacts.find((p) => p.id === id);
  if (pact) return { scope: { kind: "pact", pactId: pact.id }, title: pact.title, value: String(pact.id) };
  denial(viewer, "pact", id ?? raw.slice(0, 64), "view");
  throw new Response("Not Found", { status: 404 });
}

export interface StatsView {
  figures: WorkFigures;
  trends: Trends;
  breakdowns: Breakdown[];
}

/** Everything the page shows (and an export writes) for the chosen view and period. */
export function statsViewOf(viewer: Viewer, chosen: ChosenScope, period: Period, now = Date.now()): StatsView {
  const figures = chosen.scope.kind === "pact"
    ? pactFigures(viewer, chosen.scope.pactId, period, now)
    : countyFigures(viewer, chosen.title, period, now);
  if (!figures) throw new Response("Not Found", { status: 404 });
  return { figures, trends: trendsOf(viewer, chosen.scope, period), breakdowns: breakdownsOf(viewer, chosen.scope, period) };
}

/** The view limited to the workflows the viewer may export. */
export function exportableView(viewer: Viewer, chosen: ChosenScope, period: Period): StatsView {
  const view = statsViewOf(viewer, chosen, period);
  const exportable = (w: Workflow) => can(viewer.roles, w, "export");
  return {
    figures: { ...view.figures, figures: view.figures.figures.filter((f) => exportable(f.workflow)) },
    trends: { ...view.trends, series: view.trends.series.filter((s) => exportable(s.workflow)) },
    breakdowns: view.breakdowns.filter((b) => exportable(b.workflow)),
  };
}

/** Writes the export to the audit log. */
export function auditExport(viewer: Viewer, figures: WorkFigures, format: string): void {
  recordAuditEvent(actorOf(viewer), {
    action: "stats.export",
    entityType: figures.scope === "pact" ? "pact" : "county",
    entityId: figures.pactId ?? viewer.countyId,
    after: { scope: figures.scope, period: figures.period, format, workflows: [...new Set(figures.figures.map((f) => f.workflow))] },
  });
}

