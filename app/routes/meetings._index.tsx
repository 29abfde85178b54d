/**
 * 平安边界联创: the joint meetings the viewer's county may see (upcoming first), and on a second tab
 * the action items (督办事项) with open / overdue / done filters and "only my county's".
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page";
import { ActionFilterTabs, ActionItemList, MeetingList, ViewTabs } from "~/components/meetings/meeting-lists";
import { buttonLinkClass } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { can } from "~/modules/access/capabilities";
import { assertCan } from "~/modules/access/policy.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { actionItemCounts, listActionItems, listMeetings } from "~/modules/meetings/list.server";
import { meetingFiltersFromUrl } from "~/modules/meetings/schemas";
import { rememberedForCounty } from "~/modules/records/county-memo.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  assertCan(viewer, "meeting", "view");
  const filters = meetingFiltersFromUrl(new URL(request.url));
  const now = Date.now();
  const view = filters.view ?? "meetings";
  const filter = filters.filter ?? "open";
  const counts = rememberedForCounty(viewer, "action-item-counts", { mine: filters.mine }, () => actionItemCounts(viewer, filters.mine, now), now);
  return {
    view,
    filter,
    counts,
    meetings: view === "meetings" ? listMeetings(viewer) : [],
    actionItems: view === "actions" ? listActionItems(viewer, filter, filters.mine, now) : [],
    mayCreate: can(viewer.roles, "meeting", "create"),
  };
}

export default function MeetingsPage() {
  const t = useT();
  const { view, filter, counts, meetings, actionItems, mayCreate } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title={t("meetings.title")}
        actions={mayCreate ? <Link to="/meetings/new" className={buttonLinkClass()}>{t("meetings.list.new")}</Link> : null}
      >
        {t("meetings.list.intro")}
      </PageHeader>
      <ViewTabs view={view} openActions={counts.open} />
      {view === "meetings" ? (
        <MeetingList items={meetings} />
      ) : (
        <>
          <ActionFilterTabs filter={filter} counts={counts} />
          <ActionItemList items={actionItems} />
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
