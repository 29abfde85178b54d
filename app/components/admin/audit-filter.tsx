import { Form, Link } from "@remix-run/react";
import { Button, buttonLinkClass } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import { REFUSAL_FILTERS } from "~/modules/audit/refusal-filters";
import { auditActionLabel } from "./labels";

export interface AuditFilterValues {
  action?: string;
  q?: string;
  refusals?: string;
  from?: string;
  to?: string;
}

/** The audit page's filters, sent as a GET query so a filtered view can be bookmarked. */
export function AuditFilter({
  actions,
  values,
  errors,
}: {
  actions: string[];
  values: AuditFilterValues;
  errors: Record<string, string>;
}) {
  const t = useT();
  return (
    <Form method="get" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="audit-filter">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField
          name="action"
          label={t("admin.audit.filterAction")}
          placeholder={t("admin.audit.allActions")}
          options={actions.map((a) => ({ value: a, label: auditActionLabel(a, t) }))}
          defaultValue={values.action ?? ""}
        />
        <SelectField
          name="refusals"
          label={t("admin.audit.filterRefusals")}
          placeholder={t("admin.audit.refusals.none")}
          options={REFUSAL_FILTERS.map((r) => ({ value: r, label: t(`admin.audit.refusals.${r}`) }))}
          defaultValue={values.refusals ?? ""}
        />
        <TextField
          name="q"
          label={t("admin.audit.filterText")}
          hint={t("admin.audit.filterTextHint")}
          defaultValue={values.q ?? ""}
          maxLength={64}
        />
        <TextField
          name="from"
          type="date"
          label={t("admin.audit.from")}
          hint={t("admin.audit.dateHint")}
          defaultValue={values.from ?? ""}
          error={errors.from}
        />
        <TextField
          name="to"
          type="date"
          label={t("admin.audit.to")}
          hint={t("admin.audit.dateHint")}
          defaultValue={values.to ?? ""}
          error={errors.to}
        />
      </div>
      <div className="mt-4 flex flex-wrap gap-2">
        <Button>{t("form.search")}</Button>
        <Link to="/admin/audit" className={buttonLinkClass("secondary")}>
          {t("form.reset")}
        </Link>
      </div>
    </Form>
  );
}
