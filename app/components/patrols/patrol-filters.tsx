/** Status tabs and the kind/team/date filter of the patrol list (GET forms and links). */
import { Form, useSearchParams } from "@remix-run/react";
import { ListTab, useQueryWith } from "~/components/records/list-tabs";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import { PATROL_STATUSES } from "~/modules/patrols/machine";
import type { PatrolCounts } from "~/modules/patrols/list.server";
import { PATROL_KINDS } from "~/modules/patrols/vocabulary";
import { usePatrolLabels } from "./patrol-badges";

export function PatrolTabs({ counts }: { counts: PatrolCounts }) {
  const t = useT();
  const [params] = useSearchParams();
  const { statusLabel } = usePatrolLabels();
  const withQuery = useQueryWith();
  const status = params.get("status");
  return (
    <nav aria-label={t("patrols.tab.label")} className="mb-3">
      <ul className="flex flex-wrap gap-2">
        <ListTab to={withQuery({ status: undefined })} active={!status} label={t("patrols.tab.all")} count={counts.all} />
        {PATROL_STATUSES.map((s) => (
          <ListTab key={s} to={withQuery({ status: s })} active={status === s} label={statusLabel(s)} count={counts.byStatus[s]} />
        ))}
      </ul>
    </nav>
  );
}

export function PatrolFilterForm({ teams }: { teams: { id: number; name: string }[] }) {
  const t = useT();
  const [params] = useSearchParams();
  const { kindLabel } = usePatrolLabels();
  return (
    <Form method="get" className="mb-4 grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap">
      {params.get("status") ? <input type="hidden" name="status" value={params.get("status")!} /> : null}
      <SelectField name="kind" label={t("patrols.filter.kind")} defaultValue={params.get("kind") ?? ""}
        options={[{ value: "", label: t("patrols.filter.any") }, ...PATROL_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))]} />
      <SelectField name="team" label={t("patrols.filter.team")} defaultValue={params.get("team") ?? ""}
        options={[{ value: "", label: t("patrols.filter.any") }, ...teams.map((team) => ({ value: String(team.id), label: team.name }))]} />
      <TextField name="from" type="date" label={t("patrols.filter.from")} defaultValue={params.get("from") ?? ""} />
      <TextField name="to" type="date" label={t("patrols.filter.to")} defaultValue={params.get("to") ?? ""} />
      <Button variant="secondary">{t("patrols.filter.apply")}</Button>
    </Form>
  );
}
