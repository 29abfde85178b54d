/**
 * The lead county (以发生地为主) and, for the mediators and political-legal staff of the current
 * lead county, the form to hand the lead to the owner or an addressed county, with a reason (intent=lead).
 */
import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField, TextArea } from "~/components/ui/field";
import { Card } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { REASON_MAX } from "~/modules/disputes/vocabulary";
import type { ThreadEntryView } from "~/modules/records/thread.server";

export interface LeadAnswer {
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
  formError?: string;
}

const text = (value: unknown) => (typeof value === "string" ? value : "");

export function LeadCounty({
  leadCountyName,
  choices,
  history,
  answer,
}: {
  leadCountyName: string;
  /** Counties the lead may go to; empty when the viewer may not change it. */
  choices: { countyId: number; name: string }[];
  history: ThreadEntryView[];
  answer?: LeadAnswer;
}) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const changes = history.filter((e) => e.kind === "event" && e.eventAction === "lead_change");
  const values = answer?.values ?? {};
  return (
    <Card title={t("disputes.lead.title")}>
      <p className="text-base font-medium text-slate-900" data-testid="lead-county">{leadCountyName}</p>
      <p className="text-xs text-slate-500">{t("disputes.lead.rule")}</p>
      {changes.length > 0 ? (
        <ul className="mt-2 space-y-1 text-sm text-slate-700" data-testid="lead-history">
          {changes.map((e) => (
            <li key={e.id}>
              {t("disputes.lead.changedBy", { who: e.authorName ?? "—", from: text(e.payload?.fromCountyName), to: text(e.payload?.toCountyName) })}
              {e.body ? `：${e.body}` : ""}
              <span className="ml-1 text-xs text-slate-400">{t.dateTime(e.createdAt)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {choices.length > 0 ? (
        <details open={!!answer} className="mt-3 rounded-md border border-slate-200 p-3" data-testid="lead-form">
          <summary className="cursor-pointer text-sm font-medium text-slate-900">{t("disputes.lead.change")}</summary>
          <Form method="post" noValidate className="mt-3 space-y-3">
            <input type="hidden" name="intent" value="lead" />
            {answer?.formError ? <p className="text-sm text-red-700" role="alert">{answer.formError}</p> : null}
            <SelectField name="leadCountyId" label={t("disputes.lead.to")} placeholder={t("disputes.choose")} defaultValue={text(values.leadCountyId)}
              error={answer?.errors?.leadCountyId} options={choices.map((c) => ({ value: String(c.countyId), label: c.name }))} />
            <TextArea name="reason" label={t("disputes.lead.reason")} rows={2} maxLength={REASON_MAX} defaultValue={text(values.reason)} error={answer?.errors?.reason} />
            <Button variant="secondary" disabled={busy}>{t("disputes.lead.submit")}</Button>
          </Form>
        </details>
      ) : null}
    </Card>
  );
}
