import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pagination } from "~/components/admin/pagination";
import { ErrorPage } from "~/components/layout/error-page";
import { PatrolCard } from "~/components/patrols/patrol-card";
import { PatrolFilterForm, PatrolTabs } from "~/components/patrols/patrol-filters";
import { buttonLinkClass } from "~/components/ui/button";
import { EmptyState, PageHeader } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { can } from "~/modules/access/capabilities";
import { assertCan } from "~/modules/access/policy.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { listPatrols, patrolCounts, teamFilterChoices } from "~/modules/patrols/list.server";
import { patrolFiltersFromUrl } from "~/modules/patrols/schemas";
import { unreadCounts } from "~/modules/records/read-state.server";
import { listCountParams, rememberedForCounty } from "~/modules/records/county-memo.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  assertCan(viewer, "patrol", "view");
  const filters = patrolFiltersFromUrl(new URL(request.url));
  const list = listPatrols(viewer, filters);
  const unread = unreadCounts(viewer, list.items.map((i) => i.id));
  return {
    items: list.items.map((item) => ({ ...item, unread: unread.get(item.id) ?? 0 })),
    total: list.total,
    page: list.page,
    pageCount: list.pageCount,
    // The tab counts read every record of the workflow the county may see: remembered until a change.
    counts: rememberedForCounty(viewer, "patrol-counts", listCountParams(viewer, filters), () => patrolCounts(viewer, filters)),
    teams: teamFilterChoices(viewer),
    mayPlan: can(viewer.roles, "patrol", "create"),
  };
}

export default function PatrolsPage() {
  const t = useT();
  const { items, total, page, pageCount, counts, teams, mayPlan } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title={t("patrols.title")}
        actions={
          <>
            <Link to="/patrols/activities" className={buttonLinkClass("secondary")}>{t("patrols.list.activities")}</Link>
            {mayPlan ? <Link to="/patrols/new" className={buttonLinkClass()}>{t("patrols.list.plan")}</Link> : null}
          </>
        }
      >
        {t("patrols.list.intro")}
      </PageHeader>
      <PatrolTabs counts={counts} />
      <PatrolFilterForm teams={teams} />
      {items.length === 0 ? (
        <EmptyState>{t("patrols.list.empty")}</EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600">{t("patrols.list.total", { total })}</p>
          <ul className="grid gap-3 md:grid-cols-2" aria-label={t("patrols.list.label")} data-testid="patrol-list">
            {items.map((item) => <PatrolCard key={item.id} item={item} />)}
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
