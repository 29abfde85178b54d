/** One project in the list; projects with an overdue milestone are marked and framed red. */
import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { ProjectListItem } from "~/modules/projects/list.server";
import { FieldBadge, ProjectOverdueBadge, ProjectStatusBadge, useProjectLabels } from "./project-badges";

export function ProjectCard({ item }: { item: ProjectListItem & { unread: number } }) {
  const t = useT();
  const { termLabel } = useProjectLabels();
  return (
    <li data-testid="project-card" data-ref={item.refNo} data-overdue={item.overdue ? "1" : "0"}>
      <Link
        to={`/projects/${item.id}`}
        className={`block rounded-lg border bg-white p-4 shadow-sm hover:border-brand-600 ${item.overdue ? "border-red-400" : "border-slate-200"}`}
      >
        <div className="flex flex-wrap items-center gap-2">
          <ProjectStatusBadge status={item.status} />
          <FieldBadge field={item.field} />
          {item.overdue ? <ProjectOverdueBadge /> : null}
          {item.unread > 0 ? <Badge tone="blue">{t("hazards.list.unread", { count: item.unread })}</Badge> : null}
          <span className="ml-auto font-mono text-xs text-slate-500">{item.refNo}</span>
        </div>
        <p className="mt-2 break-words text-base font-medium text-slate-900">{item.title}</p>
        <p className="mt-1 text-sm text-slate-600">
          {t("projects.list.lead", { county: item.leadCountyName })}
          {item.partnerNames ? ` · ${t("projects.list.partners", { names: item.partnerNames })}` : null}
        </p>
        <p className="mt-1 text-xs text-slate-500">
          {termLabel(item.startsOn, item.endsOn)} · {t("projects.list.milestones", { done: item.done, total: item.milestones })}
          {item.nextDueOn && item.status !== "completed" ? ` · ${t("projects.list.nextDue", { date: t.date(item.nextDueOn) })}` : null}
        </p>
      </Link>
    </li>
  );
}
