/**
 * The list's status tabs (with counts) and its filter form. Both are plain links and a GET form,
 * so they work without JavaScript and every filtered view has its own address.
 */
import { Form, Link, useSearchParams } from "@remix-run/react";
import { Button, buttonLinkClass } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import type { DisputeCounts } from "~/modules/disputes/list.server";
import { DISPUTE_STATUSES } from "~/modules/disputes/machine";
import { DISPUTE_TYPES, ESCALATION_RISKS } from "~/modules/disputes/vocabulary";
import { ListTab, useQueryWith } from "~/components/records/list-tabs";
import { useDisputeLabels } from "./dispute-badges";

export function DisputeStatusTabs({ counts, status }: { counts: DisputeCounts; status?: string }) {
  const t = useT();
  const { statusLabel } = useDisputeLabels();
  const withQuery = useQueryWith();
  return (
    <nav aria-label={t("disputes.tab.label")} className="mb-4">
      <ul className="flex flex-wrap gap-2">
        <ListTab to={withQuery({ status: undefined })} active={!status} label={t("disputes.tab.all")} count={counts.all} />
        {DISPUTE_STATUSES.map((s) => (
          <ListTab key={s} to={withQuery({ status: s })} active={status === s} label={statusLabel(s)} count={counts.byStatus[s]} />
        ))}
      </ul>
    </nav>
  );
}

export interface DisputeFilterChoices {
  counties: { id: number; name: string }[];
  pacts: { id: number; title: string }[];
}

export function DisputeFilterForm({ choices }: { choices: DisputeFilterChoices }) {
  const t = useT();
  const [params] = useSearchParams();
  const { typeLabel, riskLabel } = useDisputeLabels();
  const value = (name: string) => params.get(name) ?? "";
  const any = t("disputes.filter.any");
  const open = ["type", "risk", "lead", "pact", "from", "to", "q", "mine"].some((n) => params.get(n));
  return (
    <details className="mb-4 rounded-lg border border-slate-200 bg-white p-3 shadow-sm" open={open}>
      <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("disputes.filter.title")}</summary>
      <Form method="get" className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {params.get("status") ? <input type="hidden" name="status" value={value("status")} /> : null}
        <TextField name="q" label={t("disputes.filter.q")} placeholder={t("disputes.filter.qPlaceholder")} defaultValue={value("q")} maxLength={50} />
        <SelectField name="type" label={t("disputes.filter.type")} placeholder={any} defaultValue={value("type")}
          options={DISPUTE_TYPES.map((c) => ({ value: c, label: typeLabel(c) }))} />
        <SelectField name="risk" label={t("disputes.filter.risk")} placeholder={any} defaultValue={value("risk")}
          options={ESCALATION_RISKS.map((s) => ({ value: s, label: riskLabel(s) }))} />
        <SelectField name="lead" label={t("disputes.filter.lead")} placeholder={any} defaultValue={value("lead")}
          options={choices.counties.map((c) => ({ value: String(c.id), label: c.name }))} />
        <SelectField name="pact" label={t("disputes.filter.pact")} placeholder={any} defaultValue={value("pact")}
          options={[{ value: "none", label: t("disputes.filter.pactNone") }, ...choices.pacts.map((p) => ({ value: String(p.id), label: p.title }))]} />
        <TextField type="date" name="from" label={t("disputes.filter.from")} defaultValue={value("from")} />
        <TextField type="date" name="to" label={t("disputes.filter.to")} defaultValue={value("to")} />
        <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
          <input type="checkbox" name="mine" value="1" defaultChecked={value("mine") === "1"} className="h-5 w-5 rounded border-slate-300" />
          {t("disputes.filter.mine")}
        </label>
        <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-4">
          <Button>{t("disputes.filter.apply")}</Button>
          <Link to="/disputes" className={buttonLinkClass("secondary")}>
            {t("disputes.filter.reset")}
          </Link>
        </div>
      </Form>
    </details>
  );
}
