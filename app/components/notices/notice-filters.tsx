/** Tabs (direction and status, overdue) and the kind/urgency filter of the notice list (GET forms). */
import { Form, useSearchParams } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import { NOTICE_STATUSES } from "~/modules/notices/machine";
import type { NoticeCounts } from "~/modules/notices/list.server";
import { NOTICE_KINDS, NOTICE_URGENCIES } from "~/modules/notices/vocabulary";
import { ListTab, useQueryWith } from "~/components/records/list-tabs";
import { useNoticeLabels } from "./notice-badges";

export function NoticeTabs({ counts }: { counts: NoticeCounts }) {
  const t = useT();
  const [params] = useSearchParams();
  const { statusLabel } = useNoticeLabels();
  const withQuery = useQueryWith();
  const direction = params.get("direction");
  const status = params.get("status");
  const overdue = params.get("overdue") === "1";
  return (
    <div className="mb-3 space-y-2">
      <nav aria-label={t("notices.tab.label")}>
        <ul className="flex flex-wrap gap-2">
          <ListTab to={withQuery({ direction: undefined })} active={!direction} label={t("notices.tab.anyDirection")} />
          <ListTab to={withQuery({ direction: "sent" })} active={direction === "sent"} label={t("notices.tab.sent")} />
          <ListTab to={withQuery({ direction: "received" })} active={direction === "received"} label={t("notices.tab.received")} />
        </ul>
      </nav>
      <nav aria-label={t("notices.tab.label")}>
        <ul className="flex flex-wrap gap-2">
          <ListTab to={withQuery({ status: undefined, overdue: undefined })} active={!status && !overdue} label={t("notices.tab.all")} count={counts.all} />
          {NOTICE_STATUSES.map((s) => (
            <ListTab key={s} to={withQuery({ status: s, overdue: undefined })} active={status === s} label={statusLabel(s)} count={counts.byStatus[s]} />
          ))}
          <ListTab
            to={withQuery({ status: undefined, overdue: "1" })}
            active={overdue}
            label={t("notices.tab.overdue")}
            count={counts.overdue}
            tone="alert"
            testId="notice-overdue-tab"
          />
        </ul>
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
