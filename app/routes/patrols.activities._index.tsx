import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { NoticeAlert } from "~/components/admin/notice";
import { Pagination } from "~/components/admin/pagination";
import { ErrorPage } from "~/components/layout/error-page";
import { ActivityCard, ActivityFilterForm, ActivityTotalsTable } from "~/components/patrols/activity-parts";
import { buttonLinkClass } from "~/components/ui/button";
import { EmptyState, PageHeader } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { can } from "~/modules/access/capabilities";
import { requireUser } from "~/modules/auth/require-user.server";
import { activityFiltersFromUrl } from "~/modules/patrols/activity-schemas";
import { activityPactChoices, activityTotals, activityYears, listActivities } from "~/modules/patrols/activities.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const filters = activityFiltersFromUrl(new URL(request.url));
  const list = listActivities(viewer, filters);
  return {
    ...list,
    totals: activityTotals(viewer, filters),
    pacts: activityPactChoices(viewer),
    years: activityYears(viewer),
    mayRecord: can(viewer.roles, "patrol", "create"),
  };
}

export default function ActivitiesPage() {
  const t = useT();
  const { items, total, page, pageCount, totals, pacts, years, mayRecord } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title={t("patrols.activity.title")}
        actions={
          <>
            <Link to="/patrols" className={buttonLinkClass("secondary")}>{t("patrols.activity.toPatrols")}</Link>
            {mayRecord ? <Link to="/patrols/activities/new" className={buttonLinkClass()}>{t("patrols.activity.record")}</Link> : null}
          </>
        }
      >
        {t("patrols.activity.intro")}
      </PageHeader>
      <NoticeAlert notices={{ created: "patrols.activity.notice.created" }} />
      <ActivityFilterForm pacts={pacts} years={years} />
      <ActivityTotalsTable totals={totals} />
      {items.length === 0 ? (
        <EmptyState>{t("patrols.activity.empty")}</EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600">{t("patrols.activity.total", { total })}</p>
          <ul className="grid gap-3 md:grid-cols-2" aria-label={t("patrols.activity.label")} data-testid="activity-list">
            {items.map((item) => <ActivityCard key={item.id} item={item} />)}
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
