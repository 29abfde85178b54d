/**
 * The list's status tabs (with counts) and its filter form. Both are plain links and a GET form,
 * so they work without JavaScript and every filtered view has its own address.
 */
import { Form, Link, useSearchParams } from "@remix-run/react";
import { Button, buttonLinkClass } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import type { HazardCounts } from "~/modules/hazards/list.server";
import { HAZARD_STATUSES } from "~/modules/hazards/machine";
import { HAZARD_CATEGORIES, HAZARD_SEVERITIES } from "~/modules/hazards/vocabulary";
import { ListTab, useQueryWith } from "~/components/records/list-tabs";
import { useHazardLabels } from "./hazard-badges";

export function StatusTabs({ counts, status, overdue }: { counts: HazardCounts; status?: string; overdue: boolean }) {
  const t = useT();
  const { statusLabel } = useHazardLabels();
  const withQuery = useQueryWith();
  return (
    <nav aria-label={t("hazards.tab.label")} className="mb-4">
      <ul className="flex flex-wrap gap-2">
        <ListTab to={withQuery({ status: undefined, overdue: undefined })} active={!status && !overdue} label={t("hazards.tab.all")} count={counts.all} />
        {HAZARD_STATUSES.map((s) => (
          <ListTab key={s} to={withQuery({ status: s, overdue: undefined })} active={status === s && !overdue} label={statusLabel(s)} count={counts.byStatus[s]} />
        ))}
        <ListTab to={withQuery({ status: undefined, overdue: "1" })} active={overdue} label={t("hazards.tab.overdue")} count={counts.overdue} tone="alert" />
      </ul>
    </nav>
  );
}

export interface FilterChoices {
  counties: { id: number; name: string }[];
  pacts: { id: number; title: string }[];
}

export function HazardFilterForm({ choices }: { choices: FilterChoices }) {
  const t = useT();
  const [params] = useSearchParams();
  const { categoryLabel, severityLabel } = useHazardLabels();
  const value = (name: string) => params.get(name) ?? "";
  const any = t("hazards.filter.any");
  const open = ["category", "severity", "county", "pact", "from", "to", "q", "mine"].some((n) => params.get(n));
  return (
    <details className="mb-4 rounded-lg border border-slate-200 bg-white p-3 shadow-sm" open={open}>
      <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("hazards.filter.title")}</summary>
      <Form method="get" className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {params.get("status") ? <input type="hidden" name="status" value={value("status")} /> : null}
        {params.get("overdue") ? <input type="hidden" name="overdue" value={value("overdue")} /> : null}
        <TextField name="q" label={t("hazards.filter.q")} placeholder={t("hazards.filter.qPlaceholder")} defaultValue={value("q")} maxLength={50} />
        <SelectField name="category" label={t("hazards.filter.category")} placeholder={any} defaultValue={value("category")}
          options={HAZARD_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))} />
        <SelectField name="severity" label={t("hazards.filter.severity")} placeholder={any} defaultValue={value("severity")}
          options={HAZARD_SEVERITIES.map((s) => ({ value: s, label: severityLabel(s) }))} />
        <SelectField name="county" label={t("hazards.filter.county")} placeholder={any} defaultValue={value("county")}
          options={choices.counties.map((c) => ({ value: String(c.id), label: c.name }))} />
        <SelectField name="pact" label={t("hazards.filter.pact")} placeholder={any} defaultValue={value("pact")}
          options={[{ value: "none", label: t("hazards.filter.pactNone") }, ...choices.pacts.map((p) => ({ value: String(p.id), label: p.title }))]} />
        <TextField type="date" name="from" label={t("hazards.filter.from")} defaultValue={value("from")} />
        <TextField type="date" name="to" label={t("hazards.filter.to")} defaultValue={value("to")} />
        <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
          <input type="checkbox" name="mine" value="1" defaultChecked={value("mine") === "1"} className="h-5 w-5 rounded border-slate-300" />
          {t("hazards.filter.mine")}
        </label>
        <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-4">
          <Button>{t("hazards.filter.apply")}</Button>
          <Link to="/hazards" className={buttonLinkClass("secondary")}>
            {t("hazards.filter.reset")}
          </Link>
        </div>
      </Form>
    </details>
  );
}
