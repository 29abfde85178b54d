import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pagination } from "~/components/admin/pagination";
import { ErrorPage } from "~/components/layout/error-page";
import { NoticeCard } from "~/components/notices/notice-card";
import { NoticeFilterForm, NoticeTabs } from "~/components/notices/notice-filters";
import { buttonLinkClass } from "~/components/ui/button";
import { EmptyState, PageHeader } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { assertCan } from "~/modules/access/policy.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { listNotices, noticeCounts } from "~/modules/notices/list.server";
import { noticeFiltersFromUrl } from "~/modules/notices/schemas";
import { unreadCounts } from "~/modules/records/read-state.server";
import { can } from "~/modules/access/capabilities";
import { listCountParams, rememberedForCounty } from "~/modules/records/county-memo.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  assertCan(viewer, "notice", "view");
  const filters = noticeFiltersFromUrl(new URL(request.url));
  const now = Date.now();
  const list = listNotices(viewer, filters, now);
  const unread = unreadCounts(viewer, list.items.map((i) => i.id));
  return {
    items: list.items.map((item) => ({ ...item, unread: unread.get(item.id) ?? 0 })),
    total: list.total,
    page: list.page,
    pageCount: list.pageCount,
    // The tab counts read every record of the workflow the county may see: remembered until a change.
    counts: rememberedForCounty(viewer, "notice-counts", listCountParams(viewer, filters), () => noticeCounts(viewer, filters, now), now),
    maySend: can(viewer.roles, "notice", "create") && viewer.roles.includes("police_liaison"),
  };
}

export default function NoticesPage() {
  const t = useT();
  const { items, total, page, pageCount, counts, maySend } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title={t("notices.title")}
        actions={maySend ? <Link to="/notices/new" className={buttonLinkClass()}>{t("notices.list.send")}</Link> : null}
      >
        {t("notices.list.intro")}
      </PageHeader>
      <NoticeTabs counts={counts} />
      <NoticeFilterForm />
      {items.length === 0 ? (
        <EmptyState>{t("notices.list.empty")}</EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600">{t("notices.list.total", { total })}</p>
          <ul className="grid gap-3 md:grid-cols-2" aria-label={t("notices.list.label")} data-testid="notice-list">
            {items.map((item) => (
              <NoticeCard key={item.id} item={item} />
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
