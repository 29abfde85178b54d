/** One dispute in the list: a card that reads well on a phone and links to the dispute's page. */
import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { DisputeListItem } from "~/modules/disputes/list.server";
import { DisputeStatusBadge, RiskBadge, useDisputeLabels } from "./dispute-badges";

export type DisputeCardItem = DisputeListItem & { unread: number };

export function DisputeCard({ item }: { item: DisputeCardItem }) {
  const t = useT();
  const { typeLabel } = useDisputeLabels();
  const place = [item.regionName, item.placeText].filter(Boolean).join(" · ");
  return (
    <li data-testid="dispute-card" data-ref={item.refNo}>
      <Link
        to={`/disputes/${item.id}`}
        className={`block rounded-lg border bg-white p-4 shadow-sm hover:border-brand-600 ${item.escalationRisk === "high" ? "border-red-300" : "border-slate-200"}`}
      >
        <div className="flex flex-wrap items-center gap-2">
          <DisputeStatusBadge status={item.status} />
          <RiskBadge risk={item.escalationRisk} />
          {item.unread > 0 ? <Badge tone="blue">{t("disputes.list.unread", { count: item.unread })}</Badge> : null}
          <span className="ml-auto font-mono text-xs text-slate-500">{item.refNo}</span>
        </div>
        <p className="mt-2 break-words text-base font-medium text-slate-900">{item.title}</p>
        <p className="mt-1 text-sm text-slate-600">
          {typeLabel(item.type)} · {t("disputes.list.lead", { county: item.leadCountyName })} · {t("disputes.list.people", { count: item.peopleInvolved })}
          {place ? ` · ${place}` : ""}
        </p>
        {item.partyNames.length > 0 ? <p className="mt-1 text-sm text-slate-700">{item.partyNames.join("、")}</p> : null}
        <p className="mt-1 text-xs text-slate-500">
          {t.dateTime(item.createdAt)}
          {item.committeeName ? ` · ${item.committeeName}` : ""}
        </p>
      </Link>
    </li>
  );
}
