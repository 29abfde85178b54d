/**
 * 待办: what waits for the viewer across every built workflow — news in their records, steps
 * their roles may take, deadlines passed. Made for phones first: one card per record, the whole
 * card is the link.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page";
import { Badge, EmptyState, PageHeader } from "~/components/ui/feedback";
import { recordActionLabel, recordStatusLabel } from "~/components/records/labels";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { requireUser } from "~/modules/auth/require-user.server";
import { inboxBadgeCount, inboxChangedSince } from "~/modules/records/inbox-badge.server";
import { INBOX_LIMIT, inboxFor, type InboxItem } from "~/modules/records/inbox.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  // The badge's count (usually already made for this request's menu) also leaves the floor below
  // which no record has unread entries for the viewer, so the list tests only newer and open ones.
  const total = inboxBadgeCount(viewer);
  const items = inboxFor(viewer, Date.now(), inboxChangedSince(viewer));
  return { items, total: items.length < INBOX_LIMIT ? items.length : total };
}

function InboxCard({ item }: { item: InboxItem }) {
  const t = useT();
  const actions = item.actions.map((a) => recordActionLabel(t, item.workflow, a)).join("、");
  return (
    <li data-testid="inbox-item">
      <Link
        to={item.path}
        className={`block rounded-lg border bg-white p-4 shadow-sm hover:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600 ${item.overdue ? "border-red-300" : "border-slate-200"}`}
      >
        <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
          <span className="font-mono text-slate-700">{item.refNo}</span>
          <span>{t(`workflow.${item.workflow}` as MessageKey)}</span>
          <Badge>{recordStatusLabel(t, item.workflow, item.status)}</Badge>
        </div>
        <p className="mt-1 break-words text-base font-medium text-slate-900">{item.title}</p>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          {item.overdue ? <Badge tone="red">{t("inbox.reason.overdue")}</Badge> : null}
          {item.judicialDeadline ? <Badge tone="red">{t("disputes.judicial.inboxReason", { date: t.date(item.judicialDeadline) })}</Badge> : null}
          {item.actions.length > 0 ? <Badge tone="blue">{t("inbox.reason.action", { actions })}</Badge> : null}
          {item.unread > 0 ? <Badge tone="amber">{t("inbox.reason.unread", { count: item.unread })}</Badge> : null}
        </div>
        <p className="mt-2 text-xs text-slate-500">
          {item.dueAt ? <span className={item.overdue ? "text-red-700" : undefined}>{t("inbox.dueAt", { time: t.dateTime(item.dueAt) })} · </span> : null}
          {t("inbox.updatedAt", { time: t.dateTime(item.updatedAt) })}
        </p>
      </Link>
    </li>
  );
}

export default function InboxPage() {
  const t = useT();
  const { items, total } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("inbox.title")} actions={total > 0 ? <Badge tone="blue">{t("inbox.total", { count: total })}</Badge> : undefined}>
        {t("inbox.intro")}
      </PageHeader>
      {items.length === 0 ? (
        <EmptyState>{t("inbox.empty")}</EmptyState>
      ) : (
        <>
          <ul className="space-y-3" data-testid="inbox">
            {items.map((item) => (
              <InboxCard key={item.recordId} item={item} />
            ))}
          </ul>
          {total > items.length ? <p className="mt-3 text-sm text-slate-500">{t("inbox.limited", { shown: items.length })}</p> : null}
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
