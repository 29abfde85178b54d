/** The joint activity list's filter, its totals and one activity in the list. */
import { Form, Link, useSearchParams } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField } from "~/components/ui/field";
import { Badge } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { ActivityTotals } from "~/modules/patrols/activities.server";
import { ACTIVITY_KINDS } from "~/modules/patrols/vocabulary";
import { usePatrolLabels } from "./patrol-badges";

export function ActivityFilterForm({ pacts, years }: { pacts: { id: number; title: string }[]; years: number[] }) {
  const t = useT();
  const [params] = useSearchParams();
  const { activityKindLabel } = usePatrolLabels();
  const any = { value: "", label: t("patrols.activity.filter.any") };
  return (
    <Form method="get" className="mb-4 grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap">
      <SelectField name="pact" label={t("patrols.activity.filter.pact")} defaultValue={params.get("pact") ?? ""}
        options={[any, ...pacts.map((p) => ({ value: String(p.id), label: p.title }))]} />
      <SelectField name="kind" label={t("patrols.activity.filter.kind")} defaultValue={params.get("kind") ?? ""}
        options={[any, ...ACTIVITY_KINDS.map((k) => ({ value: k, label: activityKindLabel(k) }))]} />
      <SelectField name="year" label={t("patrols.activity.filter.year")} defaultValue={params.get("year") ?? ""}
        options={[any, ...years.map((y) => ({ value: String(y), label: String(y) }))]} />
      <Button variant="secondary">{t("patrols.activity.filter.apply")}</Button>
    </Form>
  );
}

export function ActivityTotalsTable({ totals }: { totals: ActivityTotals }) {
  const t = useT();
  const { activityKindLabel } = usePatrolLabels();
  const cells: [string, string | number][] = [
    [t("patrols.activity.totals.events"), totals.events],
    ...ACTIVITY_KINDS.map((k): [string, number] => [activityKindLabel(k), totals.byKind[k]]),
    [t("patrols.activity.totals.attendance"), totals.attendance],
    [t("patrols.activity.totals.consultations"), totals.consultations],
    [t("patrols.activity.totals.legalAid"), totals.legalAidCases],
    [t("patrols.activity.totals.requests"), t("patrols.activity.totals.requestsValue", { resolved: totals.requestsResolved, received: totals.requestsReceived })],
  ];
  return (
    <dl className="mb-4 grid grid-cols-2 gap-2 sm:grid-cols-5" data-testid="activity-totals" aria-label={t("patrols.activity.totals.title")}>
      {cells.map(([label, value]) => (
        <div key={label} className="rounded-md border border-slate-200 bg-white p-2">
          <dt className="text-xs text-slate-500">{label}</dt>
          <dd className="text-lg font-semibold text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export interface ActivityItem {
  id: number;
  kind: string;
  title: string;
  heldOn: string;
  pactTitle: string;
  organiserName: string;
  attendance: number;
  consultations: number;
  legalAidCases: number;
  requestsReceived: number;
  requestsResolved: number;
}

/** The counts that matter for an activity, in words: "参加人数 120 · 法律咨询（人次） 35". */
export function useActivityCounts() {
  const t = useT();
  return (a: Omit<ActivityItem, "id" | "kind" | "title" | "heldOn" | "pactTitle" | "organiserName">) =>
    [
      a.attendance > 0 ? `${t("patrols.activity.field.attendance")} ${a.attendance}` : null,
      a.consultations > 0 ? `${t("patrols.activity.field.consultations")} ${a.consultations}` : null,
      a.legalAidCases > 0 ? `${t("patrols.activity.field.legalAidCases")} ${a.legalAidCases}` : null,
      a.requestsReceived > 0
        ? `${t("patrols.activity.totals.requests")} ${t("patrols.activity.totals.requestsValue", { resolved: a.requestsResolved, received: a.requestsReceived })}`
        : null,
    ].filter(Boolean).join(" · ");
}

export function ActivityCard({ item }: { item: ActivityItem }) {
  const t = useT();
  const { activityKindLabel } = usePatrolLabels();
  const counts = useActivityCounts();
  return (
    <li data-testid="activity-card">
      <Link to={`/patrols/activities/${item.id}`} className="block rounded-lg border border-slate-200 bg-white p-3 shadow-sm hover:border-brand-600">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone="blue">{activityKindLabel(item.kind)}</Badge>
          <span className="text-sm text-slate-600">{t.date(item.heldOn)}</span>
          <span className="ml-auto text-xs text-slate-500">{item.organiserName}</span>
        </div>
        <p className="mt-1 break-words text-base font-medium text-slate-900">{item.title}</p>
        <p className="mt-1 text-sm text-slate-600">{counts(item)}</p>
        <p className="mt-1 text-xs text-slate-500">{item.pactTitle}</p>
      </Link>
    </li>
  );
}
