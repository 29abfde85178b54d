import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pagination } from "~/components/admin/pagination";
import { DisputeCard } from "~/components/disputes/dispute-card";
import { DisputeFilterForm, DisputeStatusTabs } from "~/components/disputes/dispute-filters";
import { ErrorPage } from "~/components/layout/error-page";
import { buttonLinkClass } from "~/components/ui/button";
import { EmptyState, PageHeader } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { can } from "~/modules/access/capabilities";
import { assertCan } from "~/modules/access/policy.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { disputeCounts, disputeFilterChoices, listDisputes } from "~/modules/disputes/list.server";
import { initialDisputeStatus } from "~/modules/disputes/machine";
import { filtersFromUrl } from "~/modules/disputes/schemas";
import { unreadCounts } from "~/modules/records/read-state.server";
import { listCountParams, rememberedForCounty } from "~/modules/records/county-memo.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  assertCan(viewer, "dispute", "view");
  const filters = filtersFromUrl(new URL(request.url));
  const list = listDisputes(viewer, filters);
  const unread = unreadCounts(viewer, list.items.map((i) => i.id));
  return {
    items: list.items.map((item) => ({ ...item, unread: unread.get(item.id) ?? 0 })),
    total: list.total,
    page: list.page,
    pageCount: list.pageCount,
    // The tab counts read every record of the workflow the county may see: remembered until a change.
    counts: rememberedForCounty(viewer, "dispute-counts", listCountParams(viewer, filters), () => disputeCounts(viewer, filters)),
    filters,
    choices: disputeFilterChoices(viewer),
    mayReport: can(viewer.roles, "dispute", "create"),
    registers: initialDisputeStatus(viewer.roles) === "registered",
  };
}

export default function DisputesPage() {
  const t = useT();
  const { items, total, page, pageCount, counts, filters, choices, mayReport, registers } = useLoaderData<typeof loader>();
  const filtered = Object.entries(filters).some(([k, v]) => k !== "page" && v !== undefined && v !== false);
  return (
    <div>
      <PageHeader
        title={t("disputes.title")}
        actions={
          <>
            <Link to="/disputes/figures" className={buttonLinkClass("secondary")}>
              {t("disputes.figures.link")}
            </Link>
            {mayReport ? (
              <Link to="/disputes/new" className={buttonLinkClass()}>
                {registers ? t("disputes.list.register") : t("disputes.list.report")}
              </Link>
            ) : null}
          </>
        }
      >
        {t("disputes.list.intro")}
      </PageHeader>
      <DisputeStatusTabs counts={counts} status={filters.status} />
      <DisputeFilterForm choices={choices} />
      {items.length === 0 ? (
        <EmptyState>{filtered || !mayReport ? t("disputes.list.empty") : t("disputes.list.emptyReporter")}</EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600">{t("disputes.list.total", { total })}</p>
          <ul className="grid gap-3 md:grid-cols-2" aria-label={t("disputes.list.label")} data-testid="dispute-list">
            {items.map((item) => (
              <DisputeCard key={item.id} item={item} />
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
