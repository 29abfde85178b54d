/** /projects — the projects the viewer may see: side and status tabs with counts, field filter, pages. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pagination } from "~/components/admin/pagination";
import { ErrorPage } from "~/components/layout/error-page";
import { ProjectCard } from "~/components/projects/project-card";
import { ProjectFilterForm, ProjectTabs } from "~/components/projects/project-filters";
import { buttonLinkClass } from "~/components/ui/button";
import { EmptyState, PageHeader } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { can } from "~/modules/access/capabilities";
import { assertCan } from "~/modules/access/policy.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { listProjects, projectCounts } from "~/modules/projects/list.server";
import { projectFiltersFromUrl } from "~/modules/projects/schemas";
import { unreadCounts } from "~/modules/records/read-state.server";
import { listCountParams, rememberedForCounty } from "~/modules/records/county-memo.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  assertCan(viewer, "project", "view");
  const filters = projectFiltersFromUrl(new URL(request.url));
  const now = Date.now();
  const list = listProjects(viewer, filters, now);
  const unread = unreadCounts(viewer, list.items.map((i) => i.id));
  return {
    items: list.items.map((item) => ({ ...item, unread: unread.get(item.id) ?? 0 })),
    total: list.total,
    page: list.page,
    pageCount: list.pageCount,
    // The tab counts read every record of the workflow the county may see: remembered until a change.
    counts: rememberedForCounty(viewer, "project-counts", listCountParams(viewer, filters), () => projectCounts(viewer, filters, now), now),
    mayPropose: can(viewer.roles, "project", "create") && viewer.roles.includes("pl_staff"),
  };
}

export default function ProjectsPage() {
  const t = useT();
  const { items, total, page, pageCount, counts, mayPropose } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title={t("projects.title")}
        actions={mayPropose ? <Link to="/projects/new" className={buttonLinkClass()}>{t("projects.list.propose")}</Link> : null}
      >
        {t("projects.list.intro")}
      </PageHeader>
      <ProjectTabs counts={counts} />
      <ProjectFilterForm />
      {items.length === 0 ? (
        <EmptyState>{t("projects.list.empty")}</EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600">{t("projects.list.total", { total })}</p>
          <ul className="grid gap-3 md:grid-cols-2" aria-label={t("projects.list.label")} data-testid="project-list">
            {items.map((item) => (
              <ProjectCard key={item.id} item={item} />
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
