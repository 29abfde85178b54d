/** The two lists of /meetings: meeting cards (upcoming first) and action-item cards with their tabs. */
import { Link, useSearchParams } from "@remix-run/react";
import { ListTab, useQueryWith } from "~/components/records/list-tabs";
import { EmptyState } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { ActionListItem, MeetingListItem } from "~/modules/meetings/list.server";
import { ACTION_FILTERS, type ActionFilter } from "~/modules/meetings/vocabulary";
import { MeetingStatusBadge, OverdueBadge, useMeetingLabels } from "./meeting-badges";

export function ViewTabs({ view, openActions }: { view: "meetings" | "actions"; openActions: number }) {
  const t = useT();
  const withQuery = useQueryWith();
  return (
    <nav aria-label={t("meetings.title")} className="mb-3">
      <ul className="flex flex-wrap gap-2">
        <ListTab to={withQuery({ view: undefined, filter: undefined, mine: undefined })} active={view === "meetings"} label={t("meetings.tab.meetings")} testId="tab-meetings" />
        <ListTab to={withQuery({ view: "actions" })} active={view === "actions"} label={t("meetings.tab.actions")} count={openActions} testId="tab-actions" />
      </ul>
    </nav>
  );
}

function MeetingCard({ item }: { item: MeetingListItem }) {
  const t = useT();
  const { levelLabel } = useMeetingLabels();
  return (
    <li data-testid="meeting-card" data-ref={item.refNo}>
      <Link to={`/meetings/${item.id}`} className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
        <div className="flex flex-wrap items-center gap-2">
          <MeetingStatusBadge status={item.status} />
          <span className="text-xs text-slate-600">{levelLabel(item.level)}</span>
          <span className="ml-auto font-mono text-xs text-slate-500">{item.refNo}</span>
        </div>
        <p className="mt-2 break-words text-base font-medium text-slate-900">{item.title}</p>
        <p className="mt-1 text-sm text-slate-600">
          {t.dateTime(item.startsAt)} · {item.placeText} · {t("meetings.detail.hostedBy", { county: item.hostCountyName })}
        </p>
        {item.actionItems > 0 ? <p className="mt-1 text-xs text-slate-500">{t("meetings.list.actionCount", { count: item.actionItems })}</p> : null}
      </Link>
    </li>
  );
}

export function MeetingList({ items }: { items: MeetingListItem[] }) {
  const t = useT();
  if (items.length === 0) return <EmptyState>{t("meetings.list.empty")}</EmptyState>;
  const upcoming = items.filter((i) => i.status === "scheduled");
  const past = items.filter((i) => i.status !== "scheduled");
  return (
    <div className="space-y-4" aria-label={t("meetings.list.label")}>
      {[{ label: t("meetings.list.upcoming"), list: upcoming, id: "upcoming" }, { label: t("meetings.list.past"), list: past, id: "past" }]
        .filter((g) => g.list.length > 0)
        .map((g) => (
          <section key={g.id}>
            <h2 className="mb-2 text-sm font-semibold text-slate-700">{g.label}</h2>
            <ul className="grid gap-3 md:grid-cols-2" data-testid={`meetings-${g.id}`}>
              {g.list.map((item) => (
                <MeetingCard key={item.id} item={item} />
              ))}
            </ul>
          </section>
        ))}
    </div>
  );
}

export function ActionFilterTabs({ filter, counts }: { filter: ActionFilter; counts: Record<ActionFilter, number> }) {
  const t = useT();
  const [params] = useSearchParams();
  const withQuery = useQueryWith();
  const mine = params.get("mine") === "1";
  return (
    <div className="mb-3 space-y-2">
      <ul className="flex flex-wrap gap-2">
        {ACTION_FILTERS.map((f) => (
          <ListTab key={f} to={withQuery({ filter: f === "open" ? undefined : f })} active={filter === f} label={t(`meetings.filter.${f}`)}
            count={counts[f]} tone={f === "overdue" ? "alert" : "normal"} testId={`filter-${f}`} />
        ))}
      </ul>
      <ul className="flex flex-wrap gap-2">
        <ListTab to={withQuery({ mine: undefined })} active={!mine} label={t("meetings.filter.all")} />
        <ListTab to={withQuery({ mine: "1" })} active={mine} label={t("meetings.filter.mine")} testId="filter-mine" />
      </ul>
    </div>
  );
}

export function ActionItemList({ items }: { items: ActionListItem[] }) {
  const t = useT();
  if (items.length === 0) return <EmptyState>{t("meetings.actions.empty")}</EmptyState>;
  return (
    <ul className="grid gap-3 md:grid-cols-2" aria-label={t("meetings.actions.label")} data-testid="action-list">
      {items.map((item) => (
        <li key={item.id} data-testid="action-card" data-ref={item.refNo}>
          <Link to={`/meetings/actions/${item.id}`}
            className={`block rounded-lg border bg-white p-4 shadow-sm hover:border-brand-600 ${item.overdue ? "border-red-400" : "border-slate-200"}`}>
            <div className="flex flex-wrap items-center gap-2">
              <MeetingStatusBadge status={item.status} />
              {item.overdue ? <OverdueBadge /> : null}
              <span className="ml-auto font-mono text-xs text-slate-500">{item.refNo}</span>
            </div>
            <p className="mt-2 break-words text-base font-medium text-slate-900">{item.title}</p>
            <p className="mt-1 text-sm text-slate-600">
              {item.countyName}
              {item.ownerName ? ` · ${item.ownerName}` : ""} · {t("meetings.item.dueOn", { date: t.date(item.deadline) })}
            </p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
