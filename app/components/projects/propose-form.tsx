/**
 * The proposal form, made for a phone too: pact, field, title, goals, term, budget, partner
 * counties, each side's contribution, milestone rows and the plan document (multipart).
 */
import { Form, Link, useNavigation } from "@remix-run/react";
import { Button, buttonLinkClass } from "~/components/ui/button";
import { CheckboxGroup, FieldShell, SelectField, TextArea, TextField } from "~/components/ui/field";
import { Alert } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { CONTRIBUTION_MAX, PROJECT_FIELDS, TEXT_MAX, TITLE_MAX } from "~/modules/projects/vocabulary";
import { MilestoneRows } from "./milestone-rows";
import { useProjectLabels } from "./project-badges";

export interface ProposeChoices {
  pacts: { id: number; title: string; partners: { countyId: number; name: string }[] }[];
  county: { id: number; name: string };
  maxMb: number;
}

export function ProposeForm({ choices, values, errors }: { choices: ProposeChoices; values: Record<string, string | string[]>; errors: Record<string, string> }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const { fieldLabel } = useProjectLabels();
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const list = (name: string) => (Array.isArray(values[name]) ? (values[name] as string[]) : []);
  const onePact = choices.pacts.length === 1 ? choices.pacts[0] : null;
  const allPartners = choices.pacts.flatMap((p) =>
    p.partners.map((c) => ({ value: String(c.countyId), label: choices.pacts.length > 1 ? `${c.name}（${p.title}）` : c.name, name: c.name })),
  );
  const partners = allPartners.filter((p, i) => allPartners.findIndex((q) => q.value === p.value) === i);
  const sides = [{ value: String(choices.county.id), label: choices.county.name }, ...partners.map(({ value, name }) => ({ value, label: name }))];
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Form method="post" encType="multipart/form-data" noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      {hasErrors ? <Alert tone="error">{errors._form ?? t("form.fixErrors")}</Alert> : null}
      {onePact ? (
        <>
          <input type="hidden" name="pactId" value={onePact.id} />
          <p className="text-sm text-slate-700">{t("projects.form.pact")}：{onePact.title}</p>
          {errors.pactId ? <p className="text-sm text-red-700" role="alert">{errors.pactId}</p> : null}
        </>
      ) : (
        <SelectField name="pactId" label={t("projects.form.pact")} placeholder={t("projects.choose")} defaultValue={text("pactId")} error={errors.pactId}
          options={choices.pacts.map((p) => ({ value: String(p.id), label: p.title }))} />
      )}
      <SelectField name="field" label={t("projects.form.field")} placeholder={t("projects.choose")} defaultValue={text("field")} error={errors.field}
        options={PROJECT_FIELDS.map((f) => ({ value: f, label: fieldLabel(f) }))} />
      <TextField name="title" label={t("projects.form.title")} placeholder={t("projects.form.title.placeholder")} maxLength={TITLE_MAX}
        required defaultValue={text("title")} error={errors.title} />
      <TextArea name="description" label={t("projects.form.description")} rows={4} maxLength={TEXT_MAX} required defaultValue={text("description")} error={errors.description} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="startsOn" type="date" label={t("projects.form.startsOn")} required defaultValue={text("startsOn")} error={errors.startsOn} />
        <TextField name="endsOn" type="date" label={t("projects.form.endsOn")} required defaultValue={text("endsOn")} error={errors.endsOn} />
      </div>
      <TextField name="budget" inputMode="numeric" label={t("projects.form.budget")} hint={t("projects.form.budgetHint")} defaultValue={text("budget")} error={errors.budget} />
      <CheckboxGroup name="addresseeCountyIds" legend={t("projects.form.partners")} options={partners.map(({ value, label }) => ({ value, label }))}
        checked={values.addresseeCountyIds ? list("addresseeCountyIds") : partners.length === 1 ? [partners[0].value] : []}
        error={errors.addresseeCountyIds} />
      <fieldset className="space-y-2">
        <legend className="block text-sm font-medium text-slate-700">{t("projects.form.contributions")}</legend>
        <p className="text-xs text-slate-500">{t("projects.form.contributionHint")}</p>
        {sides.map((s) => (
          <TextArea key={s.value} name={`contribution-${s.value}`} label={t("projects.form.contributionOf", { county: s.label })} rows={2}
            maxLength={CONTRIBUTION_MAX} defaultValue={text(`contribution-${s.value}`)} error={errors[`contribution-${s.value}`]} />
        ))}
      </fieldset>
      <MilestoneRows sides={sides} values={values} errors={errors} />
      <FieldShell id="f-plan" label={t("projects.form.plan")} error={errors.plan} hint={t("projects.form.planHint", { maxMb: choices.maxMb })}>
        <input id="f-plan" type="file" name="plan" aria-invalid={errors.plan ? true : undefined}
          accept="application/pdf,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,image/*"
          className="block w-full text-base file:mr-3 file:min-h-12 file:rounded-md file:border-0 file:bg-brand-50 file:px-4 file:text-brand-800" />
      </FieldShell>
      <div className="flex flex-wrap gap-2">
        <Button disabled={busy} className="min-h-12 flex-1 text-base sm:flex-none">{t("projects.new.submit")}</Button>
        <Link to="/projects" className={buttonLinkClass("secondary")}>{t("form.cancel")}</Link>
      </div>
    </Form>
  );
}
