/**
 * 记录纪要: the minutes and up to DECISION_ROWS decisions (decision-0-text / -county / -owner /
 * -deadline …). Each decision becomes an action item; a wrong row refuses the whole post and
 * every row comes back as typed, with its message next to the field.
 */
import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { FieldShell, SelectField, TextArea, TextField } from "~/components/ui/field";
import { Alert } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { MeetingCounty } from "~/modules/meetings/people.server";
import { DECISION_ROWS, MINUTES_MAX, TEXT_MAX } from "~/modules/meetings/vocabulary";
import type { StepAnswer } from "./meeting-steps";

const control = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm aria-[invalid=true]:border-red-600";

export function MinutesForm({ status, counties, today, answer }: { status: string; counties: MeetingCounty[]; today: string; answer?: StepAnswer }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const mine = answer?.intent === "hold" ? answer : undefined;
  const val = (name: string) => (typeof mine?.values[name] === "string" ? (mine.values[name] as string) : "");
  const err = (name: string) => mine?.errors[name];
  return (
    <Form method="post" className="space-y-4" data-testid="minutes-form">
      {mine?.formError ? <Alert tone="error">{mine.formError}</Alert> : mine && Object.keys(mine.errors).length > 0 ? <Alert tone="error">{t("form.fixErrors")}</Alert> : null}
      <input type="hidden" name="intent" value="hold" />
      <input type="hidden" name="status" value={status} />
      <TextArea name="minutes" label={t("meetings.field.minutes")} rows={6} maxLength={MINUTES_MAX} defaultValue={val("minutes")} error={err("minutes")} />
      <fieldset className="space-y-3">
        <legend className="block text-sm font-medium text-slate-700">{t("meetings.field.decisions")}</legend>
        <p className="text-xs text-slate-500">{t("meetings.field.decisionsHint")}</p>
        {err("decisions") ? <p className="text-sm text-red-700" role="alert">{err("decisions")}</p> : null}
        {Array.from({ length: DECISION_ROWS }, (_, i) => (
          <div key={i} className="space-y-2 rounded-md border border-slate-200 p-3" data-testid="decision-row">
            <p className="text-sm font-medium text-slate-700">{t("meetings.field.decisionRow", { n: i + 1 })}</p>
            <TextArea name={`decision-${i}-text`} label={t("meetings.field.decisionText")} rows={2} maxLength={TEXT_MAX}
              defaultValue={val(`decision-${i}-text`)} error={err(`decision-${i}-text`)} />
            <div className="grid gap-2 sm:grid-cols-3">
              <SelectField name={`decision-${i}-county`} label={t("meetings.field.decisionCounty")} placeholder={t("meetings.choose")}
                defaultValue={val(`decision-${i}-county`)} error={err(`decision-${i}-county`)}
                options={counties.map((c) => ({ value: String(c.id), label: c.name }))} />
              <FieldShell id={`f-decision-${i}-owner`} label={t("meetings.field.decisionOwner")} error={err(`decision-${i}-owner`)}>
                <select id={`f-decision-${i}-owner`} name={`decision-${i}-owner`} className={control} defaultValue={val(`decision-${i}-owner`)}
                  aria-invalid={err(`decision-${i}-owner`) ? true : undefined}>
                  <option value="">{t("meetings.choose")}</option>
                  {counties.map((c) => (
                    <optgroup key={c.id} label={c.name}>
                      {c.people.map((p) => (
                        <option key={p.id} value={p.id}>{p.displayName}</option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </FieldShell>
              <TextField name={`decision-${i}-deadline`} type="date" min={today} label={t("meetings.field.deadline")}
                defaultValue={val(`decision-${i}-deadline`)} error={err(`decision-${i}-deadline`)} />
            </div>
          </div>
        ))}
      </fieldset>
      <Button disabled={busy} className="min-h-12">{t("meetings.action.hold")}</Button>
    </Form>
  );
}
