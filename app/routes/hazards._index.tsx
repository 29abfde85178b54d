import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page";
import { HazardCard } from "~/components/hazards/hazard-card";
import { HazardFilterForm, StatusTabs } from "~/components/hazards/hazard-filters";
import { Pagination } from "~/components/admin/pagination";
import { buttonLinkClass } from "~/components/ui/button";
import { EmptyState, PageHeader } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { can } from "~/modules/access/capabilities";
import { assertCan } from "~/modules/access/policy.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { hazardCounts, hazardFilterChoices, listHazards } from "~/modules/hazards/list.server";
import { filtersFromUrl } from "~/modules/hazards/schemas";
import { unreadCounts } from "~/modules/records/read-state.server";
import { listCountParams, rememberedForCounty } from "~/modules/records/county-memo.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  assertCan(viewer, "hazard", "view");
  const filters = filtersFromUrl(new URL(request.url));
  const now = Date.now();
  const list = listHazards(viewer, filters, now);
  const unread = unreadCounts(viewer, list.items.map((i) => i.id));
  return {
    items: list.items.map((item) => ({ ...item, unread: unread.get(item.id) ?? 0 })),
    total: list.total,
    page: list.page,
    pageCount: list.pageCount,
    // The tab counts read every record of the workflow the county may see: remembered until a change.
    counts: rememberedForCounty(viewer, "hazard-counts", listCountParams(viewer, filters), () => hazardCounts(viewer, filters, now), now),
    filters,
    choices: hazardFilterChoices(viewer),
    mayReport: can(viewer.roles, "hazard", "create"),
  };
}

export default function HazardsPage() {
  const t = useT();
  const { items, total, page, pageCount, counts, filters, choices, mayReport } = useLoaderData<typeof loader>();
  const filtered = Object.entries(filters).some(([k, v]) => k !== "page" && v !== undefined && v !== false);
  return (
    <div>
      <PageHeader
        title={t("hazards.title")}
        actions={
          <>
            <Link to="/hazards/sweeps" className={buttonLinkClass("secondary")}>
              {t("hazards.list.sweeps")}
            </Link>
            {mayReport ? (
              <Link to="/hazards/new" className={buttonLinkClass()}>
                {t("hazards.list.report")}
              </Link>
            ) : null}
          </>
        }
      >
        {t("hazards.list.intro")}
      </PageHeader>
      <StatusTabs counts={counts} status={filters.status} overdue={filters.overdue} />
      <HazardFilterForm choices={choices} />
      {items.length === 0 ? (
        <EmptyState>{filtered || !mayReport ? t("hazards.list.empty") : t("hazards.list.emptyReporter")}</EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600">{t("hazards.list.total", { total })}</p>
          <ul className="grid gap-3 md:grid-cols-2" aria-label={t("hazards.list.label")} data-testid="hazard-list">
            {items.map((item) => (
              <HazardCard key={item.id} item={item} />
            ))}
          </ul>
          {pageCount > 1 ? <Pagination page={page} pageCount={pageCount} total={total} /> : null}
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
