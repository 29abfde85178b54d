import { Form, Link } from "@remix-run/react";
import { Button, buttonLinkClass } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import type { SearchChoices } from "~/modules/search/filters.server";
import { recordStatusLabel, workflowLabel } from "./labels";

const FILTERS = ["workflow", "status", "county", "pact", "from", "to"] as const;

/**
 * The search box and its filters, sent as a GET query so a search can be bookmarked and shared.
 * On a phone the filters fold away under one line; they open by themselves when one is set.
 */
export function SearchForm({
  choices,
  values,
  errors,
}: {
  choices: SearchChoices;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const t = useT();
  const filtering = FILTERS.some((f) => values[f] || errors[f]);
  return (
    <Form method="get" role="search" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="search-form">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1">
          <TextField
            name="q"
            type="search"
            label={t("search.q.label")}
            placeholder={t("search.q.placeholder")}
            hint={t("search.q.hint")}
            defaultValue={values.q ?? ""}
            error={errors.q}
            maxLength={100}
            autoComplete="off"
            enterKeyHint="search"
          />
        </div>
        <Button className="sm:mb-6">{t("search.submit")}</Button>
      </div>
      <details className="mt-3 group" open={filtering}>
        <summary className="cursor-pointer select-none py-1 text-sm font-medium text-brand-700">{t("search.filters")}</summary>
        <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <SelectField
            name="workflow"
            label={t("search.workflow")}
            placeholder={t("search.workflow.all")}
            options={choices.workflows.map((w) => ({ value: w, label: workflowLabel(t, w) }))}
            defaultValue={values.workflow ?? ""}
            error={errors.workflow}
          />
          <SelectField
            name="status"
            label={t("search.status")}
            placeholder={t("search.status.all")}
            options={choices.statuses.map((s) => ({ value: s.value, label: recordStatusLabel(t, s.workflow, s.value) }))}
            defaultValue={values.status ?? ""}
            error={errors.status}
          />
          <SelectField
            name="county"
            label={t("search.county")}
            placeholder={t("search.county.all")}
            options={choices.counties.map((c) => ({ value: String(c.id), label: c.name }))}
            defaultValue={values.county ?? ""}
            error={errors.county}
          />
          <SelectField
            name="pact"
            label={t("search.pact")}
            placeholder={t("search.pact.all")}
            options={choices.pacts.map((p) => ({ value: String(p.id), label: p.title }))}
            defaultValue={values.pact ?? ""}
            error={errors.pact}
          />
          <TextField
            name="from"
            type="date"
            label={t("search.from")}
            hint={t("search.dateHint")}
            defaultValue={values.from ?? ""}
            error={errors.from}
          />
          <TextField
            name="to"
            type="date"
            label={t("search.to")}
            hint={t("search.dateHint")}
            defaultValue={values.to ?? ""}
            error={errors.to}
          />
        </div>
        <div className="mt-4 flex flex-wrap gap-2">
          <Button>{t("search.submit")}</Button>
          <Link to="/search" className={buttonLinkClass("secondary")}>
            {t("search.reset")}
          </Link>
        </div>
      </details>
    </Form>
  );
}
