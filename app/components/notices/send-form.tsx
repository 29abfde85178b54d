/**
 * The send form, made for a phone: large controls, kind and urgency as big radio buttons,
 * up to five vehicles as repeated fields (vehicle-0-plate …), photos from camera or gallery.
 */
import { Form, Link, useNavigation } from "@remix-run/react";
import { Button, buttonLinkClass } from "~/components/ui/button";
import { CheckboxGroup, FieldShell, SelectField, TextArea, TextField } from "~/components/ui/field";
import { Alert } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { HANDLING_CODES, MAX_VEHICLES, NOTICE_KINDS, NOTICE_URGENCIES, SHORT_MAX, TEXT_MAX } from "~/modules/notices/vocabulary";
import { FindingSourceFields, type FindingSourceView } from "~/components/patrols/finding-source";
import { useNoticeLabels } from "./notice-badges";

export interface SendChoices {
  pacts: { id: number; title: string; partners: { countyId: number; name: string }[] }[];
}

function Radios({ name, legend, options, value, error }: { name: string; legend: string; options: { value: string; label: string }[]; value: string; error?: string }) {
  return (
    <fieldset aria-invalid={error ? true : undefined}>
      <legend className="block text-sm font-medium text-slate-700">{legend}</legend>
      <div className="mt-1 grid grid-cols-2 gap-2 sm:grid-cols-4">
        {options.map((o) => (
          <label key={o.value} className="flex min-h-12 cursor-pointer items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-2 text-base has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
            <input type="radio" name={name} value={o.value} defaultChecked={value === o.value} className="h-5 w-5" />
            {o.label}
          </label>
        ))}
      </div>
      {error ? <p className="mt-1 text-sm text-red-700" role="alert">{error}</p> : null}
    </fieldset>
  );
}

export function NoticeSendForm({ choices, finding = null, values, errors }: {
  choices: SendChoices;
  /** Set when sending from a patrol finding: the notice is linked back to the patrol. */
  finding?: FindingSourceView | null;
  values: Record<string, string | string[]>;
  errors: Record<string, string>;
}) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const { kindLabel, urgencyLabel, handlingLabel } = useNoticeLabels();
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const list = (name: string) => (Array.isArray(values[name]) ? (values[name] as string[]) : []);
  const onePact = choices.pacts.length === 1 ? choices.pacts[0] : null;
  const partners = choices.pacts.flatMap((p) => p.partners.map((c) => ({ value: String(c.countyId), label: choices.pacts.length > 1 ? `${c.name}（${p.title}）` : c.name })));
  const uniquePartners = partners.filter((p, i) => partners.findIndex((q) => q.value === p.value) === i);
  return (
    <Form method="post" encType="multipart/form-data" noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      {Object.keys(errors).length > 0 ? <Alert tone="error">{errors._form ?? errors.patrolId ?? t("form.fixErrors")}</Alert> : null}
      <FindingSourceFields finding={finding} values={values} />
      <Radios name="kind" legend={t("notices.field.kind")} value={text("kind") || "bulletin"} error={errors.kind}
        options={NOTICE_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} />
      <Radios name="urgency" legend={t("notices.field.urgency")} value={text("urgency") || "normal"} error={errors.urgency}
        options={NOTICE_URGENCIES.map((u) => ({ value: u, label: urgencyLabel(u) }))} />
      <TextField name="incidentAt" type="datetime-local" label={t("notices.field.incidentAt")} required defaultValue={text("incidentAt")} error={errors.incidentAt} />
      <TextField name="placeText" label={t("notices.field.placeText")} maxLength={SHORT_MAX * 2} required defaultValue={text("placeText")} error={errors.placeText} />
      <TextField name="crimeCategory" label={t("notices.field.crimeCategory")} placeholder={t("notices.field.crimeCategory.placeholder")}
        maxLength={SHORT_MAX} required defaultValue={text("crimeCategory")} error={errors.crimeCategory} />
      <TextArea name="summary" label={t("notices.field.summary")} rows={4} maxLength={TEXT_MAX} required defaultValue={text("summary")} error={errors.summary} />
      <TextArea name="suspects" label={t("notices.field.suspects")} placeholder={t("notices.field.suspects.placeholder")} rows={3}
        maxLength={TEXT_MAX} defaultValue={text("suspects")} error={errors.suspects} />
      <fieldset className="space-y-2">
        <legend className="block text-sm font-medium text-slate-700">{t("notices.field.vehicles")}</legend>
        {Array.from({ length: MAX_VEHICLES }, (_, i) => (
          <div key={i} className="grid grid-cols-3 gap-2">
            <TextField name={`vehicle-${i}-plate`} label={t("notices.field.plate")} maxLength={30} defaultValue={text(`vehicle-${i}-plate`)} error={errors[`vehicle-${i}-plate`]} />
            <TextField name={`vehicle-${i}-type`} label={t("notices.field.vehicleType")} maxLength={30} defaultValue={text(`vehicle-${i}-type`)} error={errors[`vehicle-${i}-type`]} />
            <TextField name={`vehicle-${i}-colour`} label={t("notices.field.colour")} maxLength={30} defaultValue={text(`vehicle-${i}-colour`)} error={errors[`vehicle-${i}-colour`]} />
          </div>
        ))}
      </fieldset>
      <TextArea name="property" label={t("notices.field.property")} rows={2} maxLength={TEXT_MAX} defaultValue={text("property")} error={errors.property} />
      <FieldShell id="f-files" label={t("notices.field.photos")} error={errors.files}>
        <input id="f-files" type="file" name="files" multiple accept="image/*,application/pdf"
          className="block w-full text-base file:mr-3 file:min-h-12 file:rounded-md file:border-0 file:bg-brand-50 file:px-4 file:text-brand-800" />
      </FieldShell>
      <TextArea name="request" label={t("notices.field.request")} rows={3} maxLength={TEXT_MAX} required defaultValue={text("request")} error={errors.request} />
      {onePact ? (
        <>
          <input type="hidden" name="pactId" value={onePact.id} />
          <p className="text-sm text-slate-700">{t("notices.field.pact")}：{onePact.title}</p>
        </>
      ) : (
        <SelectField name="pactId" label={t("notices.field.pact")} placeholder={t("notices.choose")} defaultValue={text("pactId")} error={errors.pactId}
          options={choices.pacts.map((p) => ({ value: String(p.id), label: p.title }))} />
      )}
      {onePact && errors.pactId ? <p className="text-sm text-red-700" role="alert">{errors.pactId}</p> : null}
      <CheckboxGroup name="addresseeCountyIds" legend={t("notices.field.addressees")} options={uniquePartners}
        checked={values.addresseeCountyIds ? list("addresseeCountyIds") : uniquePartners.length === 1 ? [uniquePartners[0].value] : []}
        error={errors.addresseeCountyIds} />
      <Radios name="restriction" legend={t("notices.field.restriction")} value={text("restriction") || "police"} error={errors.restriction}
        options={[{ value: "police", label: t("notices.restriction.police") }, { value: "shared", label: t("notices.restriction.shared") }]} />
      <SelectField name="handlingCode" label={t("notices.field.handlingCode")} defaultValue={text("handlingCode") || "crime_fighting_only"} error={errors.handlingCode}
        options={HANDLING_CODES.map((h) => ({ value: h, label: handlingLabel(h) }))} />
      <div className="flex flex-wrap gap-2">
        <Button disabled={busy} className="min-h-12 flex-1 text-base sm:flex-none">{t("notices.new.submit")}</Button>
        <Link to="/notices" className={buttonLinkClass("secondary")}>{t("form.cancel")}</Link>
      </div>
    </Form>
  );
}
