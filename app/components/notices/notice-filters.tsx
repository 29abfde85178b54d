/** Tabs (direction and status, overdue) and the kind/urgency filter of the notice list (GET forms). */
import { Form, Link, useSearchParams } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import { NOTICE_STATUSES } from "~/modules/notices/machine";
import type { NoticeCounts } from "~/modules/notices/list.server";
import { NOTICE_KINDS, NOTICE_URGENCIES } from "~/modules/notices/vocabulary";
import { useNoticeLabels } from "./notice-badges";

function tabClass(active: boolean) {
  return `rounded-full px-3 py-1 text-sm ${active ? "bg-brand-700 text-white" : "bg-white text-slate-700 border border-slate-200"}`;
}

export function NoticeTabs({ counts }: { counts: NoticeCounts }) {
  const t = useT();
  const [params] = useSearchParams();
  const { statusLabel } = useNoticeLabels();
  const href = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    next.delete("page");
    for (const [k, v] of Object.entries(changes)) (v === null ? next.delete(k) : next.set(k, v));
    const q = next.toString();
    return q ? `?${q}` : "?";
  };
  const direction = params.get("direction");
  const status = params.get("status");
  const overdue = params.get("overdue") === "1";
  return (
    <div className="mb-3 space-y-2">
      <nav className="flex flex-wrap gap-2" aria-label={t("notices.tab.label")}>
        <Link to={href({ direction: null })} className={tabClass(!direction)}>{t("notices.tab.anyDirection")}</Link>
        <Link to={href({ direction: "sent" })} className={tabClass(direction === "sent")}>{t("notices.tab.sent")}</Link>
        <Link to={href({ direction: "received" })} className={tabClass(direction === "received")}>{t("notices.tab.received")}</Link>
      </nav>
      <nav className="flex flex-wrap gap-2" aria-label={t("notices.tab.label")}>
        <Link to={href({ status: null, overdue: null })} className={tabClass(!status && !overdue)}>
          {t("notices.tab.all")} {counts.all}
        </Link>
        {NOTICE_STATUSES.map((s) => (
          <Link key={s} to={href({ status: s, overdue: null })} className={tabClass(status === s)}>
            {statusLabel(s)} {counts.byStatus[s]}
          </Link>
        ))}
        <Link to={href({ status: null, overdue: "1" })} className={tabClass(overdue)} data-testid="notice-overdue-tab">
          {t("notices.tab.overdue")} {counts.overdue}
        </Link>
      </nav>
    </div>
  );
}

export function NoticeFilterForm() {
  const t = useT();
  const [params] = useSearchParams();
  const { kindLabel, urgencyLabel } = useNoticeLabels();
  return (
    <Form method="get" className="mb-4 flex flex-wrap items-end gap-3">
      {params.get("direction") ? <input type="hidden" name="direction" value={params.get("direction")!} /> : null}
      <SelectField name="kind" label={t("notices.filter.kind")} defaultValue={params.get("kind") ?? ""}
        options={[{ value: "", label: t("notices.filter.any") }, ...NOTICE_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))]} />
      <SelectField name="urgency" label={t("notices.filter.urgency")} defaultValue={params.get("urgency") ?? ""}
        options={[{ value: "", label: t("notices.filter.any") }, ...NOTICE_URGENCIES.map((u) => ({ value: u, label: urgencyLabel(u) }))]} />
      <Button variant="secondary">{t("notices.filter.apply")}</Button>
    </Form>
  );
}
