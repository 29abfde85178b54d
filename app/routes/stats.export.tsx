/**
 * /stats/export?pact=<id>|county&from=&to=&format=xlsx|csv — a statistics view (figures, trends,
 * breakdowns) as a file, limited to the workflows the viewer may export. Roles without any export
 * get 403; a pact of another county the same 404 as a missing one; a bad period 400. Every export
 * is written to the audit log.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { todayInChina } from "~/i18n";
import { requireUser } from "~/modules/auth/require-user.server";
import { EXPORT_FORMATS, exportResponse, type ExportFormat } from "~/modules/stats/export.server";
import { auditExport, chosenScope, exportableView, requireStatsExporter, statsPactsOf } from "~/modules/stats/page.server";
import { periodOf } from "~/modules/stats/period";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  requireStatsExporter(viewer);
  const params = new URL(request.url).searchParams;
  const chosen = chosenScope(viewer, statsPactsOf(viewer), params.get("pact"), true);
  const format = params.get("format") ?? "xlsx";
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new Response("Bad Request", { status: 400 });
  const { period } = periodOf(params, todayInChina());
  if (!period) throw new Response("Bad Request", { status: 400 });
  const view = exportableView(viewer, chosen, period);
  auditExport(viewer, view.figures, format);
  return exportResponse(view, format as ExportFormat);
}
