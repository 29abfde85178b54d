/** One notice in the list; overdue ones are marked and framed red. */
import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { NoticeListItem } from "~/modules/notices/list.server";
import { NoticeOverdueBadge, NoticeStatusBadge, RestrictionBadge, UrgencyBadge, useNoticeLabels } from "./notice-badges";

export function NoticeCard({ item }: { item: NoticeListItem & { unread: number } }) {
  const t = useT();
  const { kindLabel } = useNoticeLabels();
  return (
    <li data-testid="notice-card" data-ref={item.refNo} data-overdue={item.overdue ? "1" : "0"}>
      <Link
        to={`/notices/${item.id}`}
        className={`block rounded-lg border bg-white p-4 shadow-sm hover:border-brand-600 ${item.overdue ? "border-red-400" : "border-slate-200"}`}
      >
        <div className="flex flex-wrap items-center gap-2">
          <NoticeStatusBadge status={item.status} />
          {item.overdue ? <NoticeOverdueBadge /> : null}
          <UrgencyBadge urgency={item.urgency} />
          <RestrictionBadge policeOnly={item.policeOnly} />
          {item.unread > 0 ? <Badge tone="blue">{t("hazards.list.unread", { count: item.unread })}</Badge> : null}
          <span className="ml-auto font-mono text-xs text-slate-500">{item.refNo}</span>
        </div>
        <p className="mt-2 break-words text-base font-medium text-slate-900">{item.title}</p>
        <p className="mt-1 text-sm text-slate-600">
          {kindLabel(item.kind)} · {item.isSender ? t("notices.tab.sent") : t("notices.list.from", { county: item.ownerCountyName })} ·{" "}
          {t("notices.list.signed", { signed: item.signed, addressed: item.addressed })}
        </p>
        <p className="mt-1 text-xs text-slate-500">{t.dateTime(item.createdAt)}</p>
      </Link>
    </li>
  );
}
