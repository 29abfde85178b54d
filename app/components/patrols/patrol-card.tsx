/** One patrol in the list. */
import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { PatrolListItem } from "~/modules/patrols/list.server";
import { PatrolKindBadge, PatrolStatusBadge, useTimeWindow } from "./patrol-badges";

export function PatrolCard({ item }: { item: PatrolListItem & { unread: number } }) {
  const t = useT();
  const window = useTimeWindow();
  return (
    <li data-testid="patrol-card" data-ref={item.refNo}>
      <Link to={`/patrols/${item.id}`} className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
        <div className="flex flex-wrap items-center gap-2">
          <PatrolStatusBadge status={item.status} />
          <PatrolKindBadge kind={item.kind} />
          {item.unread > 0 ? <Badge tone="blue">{t("hazards.list.unread", { count: item.unread })}</Badge> : null}
          <span className="ml-auto font-mono text-xs text-slate-500">{item.refNo}</span>
        </div>
        <p className="mt-2 break-words text-base font-medium text-slate-900">{item.title}</p>
        <p className="mt-1 text-sm text-slate-600">
          {t.date(item.patrolOn)} {window(item.plannedStart, item.plannedEnd)} · {t("patrols.list.participants", { count: item.participants })}
          {item.findings > 0 ? ` · ${t("patrols.list.findings", { count: item.findings })}` : ""}
        </p>
        <p className="mt-1 text-xs text-slate-500">{t("patrols.list.owner", { county: item.ownerCountyName })}</p>
      </Link>
    </li>
  );
}
