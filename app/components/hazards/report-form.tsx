/**
 * The report form, made for a grid worker's phone: large controls, four required fields
 * (name, category, severity preset to 一般, description), photos from the camera or gallery.
 */
import { Form, Link, useNavigation } from "@remix-run/react";
import { Button, buttonLinkClass } from "~/components/ui/button";
import { FieldShell, SelectField, TextArea, TextField } from "~/components/ui/field";
import { Alert } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { CountyPlaces } from "~/modules/hazards/places.server";
import {
  DESCRIPTION_MAX, HAZARD_CATEGORIES, HAZARD_SEVERITIES, HAZARD_SOURCES, PLACE_MAX, TITLE_MAX,
} from "~/modules/hazards/vocabulary";
import { FindingSourceFields, type FindingSourceView } from "~/components/patrols/finding-source";
import { useHazardLabels } from "./hazard-badges";
import { RegionSelect } from "./region-select";

export interface ReportChoices {
  pacts: { id: number; title: string; partners: { countyId: number; name: string }[] }[];
  places: CountyPlaces[];
}

export interface ReportFormProps {
  choices: ReportChoices;
  /** Set when reporting from a joint sweep: the pact is the sweep's. */
  sweep: { id: number; title: string } | null;
  /** Set when reporting from a patrol finding: the hazard is linked back to the patrol. */
  finding?: FindingSourceView | null;
  values: Record<string, string | string[]>;
  errors: Record<string, string>;
}

function SeverityChoice({ value, error }: { value: string; error?: string }) {
  const t = useT();
  const { severityLabel } = useHazardLabels();
  return (
    <fieldset aria-invalid={error ? true : undefined}>
      <legend className="block text-sm font-medium text-slate-700">{t("hazards.field.severity")}</legend>
      <div className="mt-1 grid grid-cols-3 gap-2">
        {HAZARD_SEVERITIES.map((s) => (
          <label key={s} className="flex min-h-12 cursor-pointer items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-2 text-base has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
            <input type="radio" name="severity" value={s} defaultChecked={value === s} className="h-5 w-5" />
            {severityLabel(s)}
          </label>
        ))}
      </div>
      {error ? <p className="mt-1 text-sm text-red-700" role="alert">{error}</p> : null}
    </fieldset>
  );
}

export function HazardReportForm({ choices, sweep, finding = null, values, errors }: ReportFormProps) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const { categoryLabel, sourceLabel } = useHazardLabels();
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Form method="post" encType="multipart/form-data" noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      {hasErrors ? (
        // From a sweep the pact is the sweep's, so a refused pact is told here rather than next to a field.
        <Alert tone="error">{errors._form ?? errors.sweepId ?? errors.patrolId ?? (sweep ? errors.pactId : undefined) ?? t("form.fixErrors")}</Alert>
      ) : null}
      {sweep ? <input type="hidden" name="sweepId" value={sweep.id} /> : null}
      <FindingSourceFields finding={finding} values={values} />
      <TextField name="title" label={t("hazards.field.title")} placeholder={t("hazards.field.title.placeholder")}
        maxLength={TITLE_MAX} required defaultValue={text("title")} error={errors.title} />
      <SelectField name="category" label={t("hazards.field.category")} placeholder={t("hazards.choose")} required
        options={HAZARD_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))} defaultValue={text("category")} error={errors.category} />
      <SeverityChoice value={text("severity") || "general"} error={errors.severity} />
      <TextArea name="description" label={t("hazards.field.description")} placeholder={t("hazards.field.description.placeholder")}
        rows={4} maxLength={DESCRIPTION_MAX} required defaultValue={text("description")} error={errors.description} />
      {sweep ? null : (
        <SelectField name="pactId" label={t("hazards.field.pact")} hint={t("hazards.field.pact.hint")} defaultValue={text("pactId")}
          error={errors.pactId ?? errors.addresseeCountyIds}
          options={[
            { value: "", label: t("hazards.field.pact.internal") },
            ...choices.pacts.map((p) => ({
              value: String(p.id),
              label: t("hazards.field.pact.option", { title: p.title, partners: p.partners.map((c) => c.name).join("、") }),
            })),
          ]} />
      )}
      <RegionSelect places={choices.places} defaultValue={text("regionId")} error={errors.regionId} />
      <TextField name="placeText" label={t("hazards.field.placeText")} placeholder={t("hazards.field.placeText.placeholder")}
        maxLength={PLACE_MAX} defaultValue={text("placeText")} error={errors.placeText} />
      <SelectField name="source" label={t("hazards.field.source")} defaultValue={sweep ? "joint_sweep" : text("source") || "grid_sweep"}
        disabled={!!sweep} options={HAZARD_SOURCES.map((s) => ({ value: s, label: sourceLabel(s) }))} error={errors.source} />
      <FieldShell id="f-files" label={t("hazards.field.photos")} hint={t("hazards.field.photos.hint")} error={errors.files}>
        <input id="f-files" type="file" name="files" multiple accept="image/*,application/pdf"
          className="block w-full text-base file:mr-3 file:min-h-12 file:rounded-md file:border-0 file:bg-brand-50 file:px-4 file:text-brand-800" />
      </FieldShell>
      <div className="flex flex-wrap gap-2">
        <Button disabled={busy} className="min-h-12 flex-1 text-base sm:flex-none">{t("hazards.new.submit")}</Button>
        <Link to={sweep ? `/hazards/sweeps/${sweep.id}` : "/hazards"} className={buttonLinkClass("secondary")}>
          {t("form.cancel")}
        </Link>
      </div>
    </Form>
  );
}
