/** One hazard in the list: a card that reads well on a phone and links to the hazard's page. */
import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { HazardListItem } from "~/modules/hazards/list.server";
import { HazardStatusBadge, OverdueBadge, SeverityBadge, useHazardLabels } from "./hazard-badges";

export type HazardCardItem = HazardListItem & { unread: number };

export function HazardCard({ item }: { item: HazardCardItem }) {
  const t = useT();
  const { categoryLabel } = useHazardLabels();
  const place = [item.regionName, item.placeText].filter(Boolean).join(" · ");
  return (
    <li data-testid="hazard-card" data-ref={item.refNo}>
      <Link
        to={`/hazards/${item.id}`}
        className={`block rounded-lg border bg-white p-4 shadow-sm hover:border-brand-600 ${item.overdue ? "border-red-300" : "border-slate-200"}`}
      >
        <div className="flex flex-wrap items-center gap-2">
          <HazardStatusBadge status={item.status} />
          {item.overdue ? <OverdueBadge /> : null}
          <SeverityBadge severity={item.severity} />
          {item.unread > 0 ? <Badge tone="blue">{t("hazards.list.unread", { count: item.unread })}</Badge> : null}
          <span className="ml-auto font-mono text-xs text-slate-500">{item.refNo}</span>
        </div>
        <p className="mt-2 break-words text-base font-medium text-slate-900">{item.title}</p>
        <p className="mt-1 text-sm text-slate-600">
          {categoryLabel(item.category)} · {item.ownerCountyName}
          {place ? ` · ${place}` : ""}
        </p>
        <p className="mt-1 text-xs text-slate-500">
          {t.dateTime(item.createdAt)}
          {item.dueAt !== null && item.status === "rectifying" ? ` · ${t("hazards.dueOn", { date: t.dateTime(item.dueAt) })}` : ""}
        </p>
      </Link>
    </li>
  );
}
