/**
 * What the statistics page (/stats) and its exports share: the pacts of the viewer's county to
 * choose from, the chosen pact (a pact the county is not in answers exactly like a missing one,
 * and leaves the same denial in the audit log), and the figures an export may carry.
 */
import { can, workflowsAllowing } from "~/modules/access/capabilities";
import { denial } from "~/modules/access/policy.server";
import { recordAuditEvent } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { listPactsOf, parsePactId } from "~/modules/pacts/pacts.server";
import { actorOf } from "~/modules/tenancy/users.server";
import type { PactFigures, Period } from "./figures";
import { pactFigures } from "./figures.server";

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

/**
 * The pact asked for by `raw` (the first pact when absent), null when the county has none; a
 * malformed, missing or foreign id answers 404.
 */
export function chosenPact(viewer: Viewer, pacts: StatsPact[], raw: string | null, required = false): StatsPact | null {
  if (raw === null || raw === "") {
    if (required) throw new Response("Not Found", { status: 404 });
    return pacts[0] ?? null;
  }
  const id = parsePactId(raw);
  const pact = id === null ? undefined : pacts.find((p) => p.id === id);
  if (pact) return pact;
  denial(viewer, "pact", id ?? raw.slice(0, 64), "view");
  throw new Response("Not Found", { status: 404 });
}

/** The figures of the pact limited to the workflows the viewer may export. */
export function exportableFigures(viewer: Viewer, pactId: number, period: Period): PactFigures {
  const figures = pactFigures(viewer, pactId, period);
  if (!figures) throw new Response("Not Found", { status: 404 });
  return { ...figures, figures: figures.figures.filter((f) => can(viewer.roles, f.workflow, "export")) };
}

/** Writes the export to the audit log. */
export function auditExport(viewer: Viewer, figures: PactFigures, format: string): void {
  recordAuditEvent(actorOf(viewer), {
    action: "stats.export",
    entityType: "pact",
    entityId: figures.pactId,
    after: { period: figures.period, format, workflows: [...new Set(figures.figures.map((f) => f.workflow))] },
  });
}

