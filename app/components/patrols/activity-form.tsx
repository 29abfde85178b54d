/** The form to record a joint activity and its counts (empty counts are 0). */
import { Form, Link, useNavigation } from "@remix-run/react";
import { RegionSelect } from "~/components/hazards/region-select";
import { Button, buttonLinkClass } from "~/components/ui/button";
import { SelectField, TextArea, TextField } from "~/components/ui/field";
import { Alert } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { CountyPlaces } from "~/modules/hazards/places.server";
import { ACTIVITY_KINDS, NOTES_MAX, PLACE_MAX, TITLE_MAX } from "~/modules/patrols/vocabulary";
import { usePatrolLabels } from "./patrol-badges";

const COUNTS = ["attendance", "consultations", "legalAidCases", "requestsReceived", "requestsResolved"] as const;

export function ActivityForm({ pacts, places, values, errors }: {
  pacts: { id: number; title: string }[];
  places: CountyPlaces[];
  values: Record<string, string | string[]>;
  errors: Record<string, string>;
}) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const { activityKindLabel } = usePatrolLabels();
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  return (
    <Form method="post" noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      {Object.keys(errors).length > 0 ? <Alert tone="error">{errors._form ?? t("form.fixErrors")}</Alert> : null}
      <SelectField name="pactId" label={t("patrols.activity.field.pact")} placeholder={pacts.length === 1 ? undefined : t("patrols.choose")}
        defaultValue={text("pactId")} error={errors.pactId} options={pacts.map((p) => ({ value: String(p.id), label: p.title }))} />
      <SelectField name="kind" label={t("patrols.activity.field.kind")} placeholder={t("patrols.choose")} defaultValue={text("kind")} error={errors.kind}
        options={ACTIVITY_KINDS.map((k) => ({ value: k, label: activityKindLabel(k) }))} />
      <TextField name="title" label={t("patrols.activity.field.title")} placeholder={t("patrols.activity.field.title.placeholder")} maxLength={TITLE_MAX}
        required defaultValue={text("title")} error={errors.title} />
      <TextField name="heldOn" type="date" label={t("patrols.activity.field.heldOn")} required defaultValue={text("heldOn")} error={errors.heldOn} />
      <RegionSelect places={places} defaultValue={text("regionId")} error={errors.regionId} />
      <TextField name="placeText" label={t("patrols.activity.field.placeText")} maxLength={PLACE_MAX} defaultValue={text("placeText")} error={errors.placeText} />
      <fieldset className="space-y-2">
        <legend className="block text-sm font-medium text-slate-700">{t("patrols.activity.detail.counts")}</legend>
        <p className="text-xs text-slate-500">{t("patrols.activity.field.counts.hint")}</p>
        <div className="grid grid-cols-2 gap-3">
          {COUNTS.map((name) => (
            <TextField key={name} name={name} type="number" min={0} inputMode="numeric" label={t(`patrols.activity.field.${name}`)}
              defaultValue={text(name)} error={errors[name]} />
          ))}
        </div>
      </fieldset>
      <TextArea name="notes" label={t("patrols.activity.field.notes")} rows={3} maxLength={NOTES_MAX} defaultValue={text("notes")} error={errors.notes} />
      <div className="flex flex-wrap gap-2">
        <Button disabled={busy} className="min-h-12 flex-1 text-base sm:flex-none">{t("patrols.activity.new.submit")}</Button>
        <Link to="/patrols/activities" className={buttonLinkClass("secondary")}>{t("form.cancel")}</Link>
      </div>
    </Form>
  );
}
