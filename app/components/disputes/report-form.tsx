/**
 * The report / registration form, made for a grid worker's phone: large controls, the place of
 * occurrence (it sets the lead county), the committee of the chosen pact, the parties.
 */
import { Form, Link, useNavigation } from "@remix-run/react";
import { Button, buttonLinkClass } from "~/components/ui/button";
import { FieldShell, SelectField, TextArea, TextField } from "~/components/ui/field";
import { Alert } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { DisputeReportChoices } from "~/modules/disputes/places.server";
import { DESCRIPTION_MAX, DISPUTE_TYPES, ESCALATION_RISKS, PLACE_MAX, TITLE_MAX } from "~/modules/disputes/vocabulary";
import { FindingSourceFields, type FindingSourceView } from "~/components/patrols/finding-source";
import { useDisputeLabels } from "./dispute-badges";
import { PartyFields } from "./party-fields";

export interface DisputeReportFormProps {
  choices: DisputeReportChoices;
  ownCountyId: number;
  /** Set when registering from a patrol finding: the dispute is linked back to the patrol. */
  finding?: FindingSourceView | null;
  values: Record<string, string | string[]>;
  errors: Record<string, string>;
  submitLabel: string;
}

const INDENT = "\u3000";

function PlaceSelect({ choices, value, error }: { choices: DisputeReportChoices; value: string; error?: string }) {
  const t = useT();
  return (
    <FieldShell id="f-regionId" label={t("disputes.field.region")} hint={t("disputes.field.region.hint")} error={error}>
      <select id="f-regionId" name="regionId" defaultValue={value} aria-invalid={error ? true : undefined}
        className="block min-h-12 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm aria-[invalid=true]:border-red-600">
        <option value="">{t("disputes.field.region.none")}</option>
        {choices.places.map((county) =>
          county.regions.length === 0 ? null : (
            <optgroup key={county.countyId} label={county.isOwn ? t("disputes.field.region.own", { county: county.countyName }) : county.countyName}>
              {county.regions.map((r) => (
                <option key={r.id} value={String(r.id)}>
                  {INDENT.repeat(r.depth)}
                  {r.name}
                </option>
              ))}
            </optgroup>
          ),
        )}
      </select>
    </FieldShell>
  );
}

export function DisputeReportForm({ choices, ownCountyId, finding = null, values, errors, submitLabel }: DisputeReportFormProps) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const { typeLabel, riskLabel } = useDisputeLabels();
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const pactTitle = (pactId: number) => choices.pacts.find((p) => p.id === pactId)?.title ?? "";
  return (
    <Form method="post" noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      {Object.keys(errors).length > 0 ? <Alert tone="error">{errors._form ?? errors.patrolId ?? t("form.fixErrors")}</Alert> : null}
      <FindingSourceFields finding={finding} values={values} />
      <TextField name="title" label={t("disputes.field.title")} placeholder={t("disputes.field.title.placeholder")}
        maxLength={TITLE_MAX} required defaultValue={text("title")} error={errors.title} />
      <SelectField name="type" label={t("disputes.field.type")} placeholder={t("disputes.choose")} required defaultValue={text("type")} error={errors.type}
        options={DISPUTE_TYPES.map((c) => ({ value: c, label: typeLabel(c) }))} />
      <TextArea name="description" label={t("disputes.field.description")} placeholder={t("disputes.field.description.placeholder")}
        rows={4} maxLength={DESCRIPTION_MAX} required defaultValue={text("description")} error={errors.description} />
      <SelectField name="pactId" label={t("disputes.field.pact")} hint={t("disputes.field.pact.hint")} defaultValue={text("pactId")}
        error={errors.pactId ?? errors.addresseeCountyIds}
        options={[
          { value: "", label: t("disputes.field.pact.internal") },
          ...choices.pacts.map((p) => ({ value: String(p.id), label: t("disputes.field.pact.option", { title: p.title, partners: p.partners.map((c) => c.name).join("、") }) })),
        ]} />
      <PlaceSelect choices={choices} value={text("regionId")} error={errors.regionId} />
      <TextField name="placeText" label={t("disputes.field.placeText")} placeholder={t("disputes.field.placeText.placeholder")}
        maxLength={PLACE_MAX} defaultValue={text("placeText")} error={errors.placeText} />
      <SelectField name="committeeId" label={t("disputes.field.committee")} hint={t("disputes.field.committee.hint")} defaultValue={text("committeeId")}
        error={errors.committeeId}
        options={[
          { value: "", label: t("disputes.field.committee.none") },
          ...choices.committees.map((c) => ({ value: String(c.id), label: `${c.name}（${pactTitle(c.pactId)}）` })),
        ]} />
      <div className="grid grid-cols-2 gap-3">
        <TextField name="peopleInvolved" type="number" inputMode="numeric" min={1} label={t("disputes.field.people")} required
          defaultValue={text("peopleInvolved") || "2"} error={errors.peopleInvolved} />
        <TextField name="amountInvolved" type="number" inputMode="numeric" min={0} label={t("disputes.field.amount")}
          defaultValue={text("amountInvolved")} error={errors.amountInvolved} />
      </div>
      <SelectField name="escalationRisk" label={t("disputes.field.risk")} defaultValue={text("escalationRisk") || "low"} error={errors.escalationRisk}
        options={ESCALATION_RISKS.map((r) => ({ value: r, label: riskLabel(r) }))} />
      <PartyFields counties={choices.counties} ownCountyId={ownCountyId} values={values} errors={errors} />
      <div className="flex flex-wrap gap-2">
        <Button disabled={busy} className="min-h-12 flex-1 text-base sm:flex-none">{submitLabel}</Button>
        <Link to="/disputes" className={buttonLinkClass("secondary")}>
          {t("form.cancel")}
        </Link>
      </div>
    </Form>
  );
}
