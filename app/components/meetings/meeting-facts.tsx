/** What a meeting's page shows about it: facts, attendees, agenda, minutes and its action items. */
import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import type { MeetingDetail } from "~/modules/meetings/detail.server";
import { MeetingStatusBadge, OverdueBadge, useMeetingLabels } from "./meeting-badges";

export function MeetingFacts({ meeting }: { meeting: MeetingDetail }) {
  const t = useT();
  const { levelLabel } = useMeetingLabels();
  const rows: [string, string][] = [
    [t("meetings.field.startsAt"), t.dateTime(meeting.startsAt)],
    [t("meetings.field.placeText"), meeting.placeText],
    [t("meetings.field.level"), levelLabel(meeting.level)],
    [t("meetings.field.host"), meeting.hostCountyName],
    [t("meetings.field.pact"), meeting.pact?.title ?? ""],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm" data-testid="meeting-facts">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="break-words text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function AttendeeList({ meeting }: { meeting: MeetingDetail }) {
  const t = useT();
  const byCounty = new Map<string, string[]>();
  for (const a of meeting.attendees) byCounty.set(a.countyName, [...(byCounty.get(a.countyName) ?? []), a.title ? `${a.name}（${a.title}）` : a.name]);
  return (
    <div className="space-y-2 text-sm" data-testid="meeting-attendees">
      {byCounty.size === 0 ? <p className="text-slate-500">{t("meetings.detail.noAttendees")}</p> : null}
      {[...byCounty].map(([county, names]) => (
        <p key={county} className="break-words">
          <span className="font-medium text-slate-700">{county}：</span>
          {names.join("、")}
        </p>
      ))}
      {meeting.otherAttendees ? (
        <p className="break-words">
          <span className="font-medium text-slate-700">{t("meetings.field.otherAttendees")}：</span>
          {meeting.otherAttendees}
        </p>
      ) : null}
    </div>
  );
}

export function AgendaList({ agenda }: { agenda: MeetingDetail["agenda"] }) {
  const t = useT();
  if (agenda.length === 0) return <p className="text-sm text-slate-500">{t("meetings.detail.noAgenda")}</p>;
  return (
    <ol className="list-decimal space-y-1 pl-5 text-sm" data-testid="meeting-agenda">
      {agenda.map((a) => (
        <li key={a.id} className="break-words">
          {a.title}
          {a.linked ? (
            <Link to={a.linked.path} className="ml-2 font-mono text-xs text-brand-700 hover:underline print:text-slate-700">
              {a.linked.refNo}
            </Link>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function MeetingActionItems({ items }: { items: MeetingDetail["actionItems"] }) {
  const t = useT();
  if (items.length === 0) return <p className="text-sm text-slate-500">{t("meetings.detail.noActionItems")}</p>;
  return (
    <ul className="space-y-2" data-testid="meeting-action-items">
      {items.map((item) => (
        <li key={item.id} data-testid="meeting-action-item">
          <Link to={`/meetings/actions/${item.id}`} className={`block rounded-md border p-3 hover:border-brand-600 ${item.overdue ? "border-red-300" : "border-slate-200"}`}>
            <div className="flex flex-wrap items-center gap-2">
              <MeetingStatusBadge status={item.status} />
              {item.overdue ? <OverdueBadge /> : null}
              <span className="ml-auto font-mono text-xs text-slate-500">{item.refNo}</span>
            </div>
            <p className="mt-1 break-words text-sm font-medium text-slate-900">{item.title}</p>
            <p className="text-xs text-slate-600">
              {item.countyName}
              {item.ownerName ? ` · ${item.ownerName}` : ""} · {t("meetings.item.dueOn", { date: t.date(item.deadline) })}
            </p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
