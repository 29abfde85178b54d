/** Tabs (side, status, overdue) and the field filter of the project list (GET forms and links). */
import { Form, useSearchParams } from "@remix-run/react";
import { ListTab, useQueryWith } from "~/components/records/list-tabs";
import { Button } from "~/components/ui/button";
import { SelectField } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import type { ProjectCounts } from "~/modules/projects/list.server";
import { PROJECT_FIELDS, PROJECT_STATUSES } from "~/modules/projects/vocabulary";
import { useProjectLabels } from "./project-badges";

export function ProjectTabs({ counts }: { counts: ProjectCounts }) {
  const t = useT();
  const [params] = useSearchParams();
  const { statusLabel } = useProjectLabels();
  const withQuery = useQueryWith();
  const side = params.get("side");
  const status = params.get("status");
  const overdue = params.get("overdue") === "1";
  return (
    <div className="mb-3 space-y-2">
      <nav aria-label={t("projects.tab.label")}>
        <ul className="flex flex-wrap gap-2">
          <ListTab to={withQuery({ side: undefined })} active={!side} label={t("projects.tab.anySide")} />
          <ListTab to={withQuery({ side: "lead" })} active={side === "lead"} label={t("projects.tab.lead")} />
          <ListTab to={withQuery({ side: "partner" })} active={side === "partner"} label={t("projects.tab.partner")} />
        </ul>
      </nav>
      <nav aria-label={t("projects.tab.label")}>
        <ul className="flex flex-wrap gap-2">
          <ListTab to={withQuery({ status: undefined, overdue: undefined })} active={!status && !overdue} label={t("projects.tab.all")} count={counts.all} />
          {PROJECT_STATUSES.map((s) => (
            <ListTab key={s} to={withQuery({ status: s, overdue: undefined })} active={status === s} label={statusLabel(s)} count={counts.byStatus[s]} />
          ))}
          <ListTab
            to={withQuery({ status: undefined, overdue: "1" })}
            active={overdue}
            label={t("projects.tab.overdue")}
            count={counts.overdue}
            tone="alert"
            testId="project-overdue-tab"
          />
        </ul>
      </nav>
    </div>
  );
}

export function ProjectFilterForm() {
  const t = useT();
  const [params] = useSearchParams();
  const { fieldLabel } = useProjectLabels();
  return (
    <Form method="get" className="mb-4 flex flex-wrap items-end gap-3">
      {["side", "status", "overdue"].map((name) =>
        params.get(name) ? <input key={name} type="hidden" name={name} value={params.get(name)!} /> : null,
      )}
      <SelectField name="field" label={t("projects.filter.field")} defaultValue={params.get("field") ?? ""}
        options={[{ value: "", label: t("projects.filter.any") }, ...PROJECT_FIELDS.map((f) => ({ value: f, label: fieldLabel(f) }))]} />
      <Button variant="secondary">{t("projects.filter.apply")}</Button>
    </Form>
  );
}
