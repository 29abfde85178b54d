/**
 * What a member county does on a planned sweep: add or remove its own people, then record the
 * outcome or call the sweep off. Each is a small form with its own intent.
 */
import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField, TextArea } from "~/components/ui/field";
import { Alert, Card } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { NOTE_MAX, OUTCOME_MAX } from "~/modules/hazards/vocabulary";
import type { ParticipantView } from "./sweep-bits";

export interface SweepAnswer {
  intent?: string;
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
  formError?: string;
}

interface SweepActionsProps {
  ownCountyId: number;
  participants: ParticipantView[];
  addable: { id: string; displayName: string; title: string }[];
  answer?: SweepAnswer;
}

export function SweepActions({ ownCountyId, participants, addable, answer }: SweepActionsProps) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const errorsOf = (intent: string) => (answer?.intent === intent ? answer.errors ?? {} : {});
  const valueOf = (intent: string, name: string) => {
    const v = answer?.intent === intent ? answer.values?.[name] : undefined;
    return typeof v === "string" ? v : "";
  };
  const own = participants.filter((p) => p.countyId === ownCountyId);
  return (
    <>
      {answer?.formError ? <Alert tone="error">{answer.formError}</Alert> : null}
      <Card title={t("hazards.sweep.ownPeople")}>
        {own.length > 0 ? (
          <ul className="mb-4 divide-y divide-slate-100">
            {own.map((p) => (
              <li key={p.userId} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span>{p.displayName}</span>
                <Form method="post">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="userId" value={p.userId} />
                  <Button variant="secondary" disabled={busy} aria-label={t("hazards.sweep.removePerson", { name: p.displayName })}>
                    {t("hazards.sweep.remove")}
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        ) : null}
        {addable.length === 0 ? (
          <p className="text-sm text-slate-500">{t("hazards.sweep.noneToAdd")}</p>
        ) : (
          <Form method="post" noValidate className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="intent" value="add" />
            <div className="min-w-48 flex-1">
              <SelectField name="userId" label={t("hazards.sweep.field.person")} placeholder={t("hazards.choose")}
                options={addable.map((p) => ({ value: p.id, label: p.title ? `${p.displayName}（${p.title}）` : p.displayName }))}
                defaultValue={valueOf("add", "userId")} error={errorsOf("add").userId} />
            </div>
            <Button disabled={busy}>{t("hazards.sweep.add")}</Button>
          </Form>
        )}
      </Card>
      <Card title={t("hazards.sweep.finish")}>
        <div className="space-y-4">
          <Form method="post" noValidate className="space-y-2">
            <input type="hidden" name="intent" value="complete" />
            <TextArea id="complete-outcome" name="outcome" label={t("hazards.sweep.outcome")} rows={3} maxLength={OUTCOME_MAX}
              defaultValue={valueOf("complete", "outcome")} error={errorsOf("complete").outcome} />
            <Button disabled={busy}>{t("hazards.sweep.complete")}</Button>
          </Form>
          <details open={answer?.intent === "cancel"} className="rounded-md border border-slate-200 p-3">
            <summary className="cursor-pointer text-sm text-slate-700">{t("hazards.sweep.cancel")}</summary>
            <Form method="post" noValidate className="mt-2 space-y-2">
              <input type="hidden" name="intent" value="cancel" />
              <TextArea id="cancel-reason" name="reason" label={t("hazards.sweep.cancelReason")} rows={2} maxLength={NOTE_MAX}
                defaultValue={valueOf("cancel", "reason")} error={errorsOf("cancel").reason} />
              <Button variant="secondary" disabled={busy}>{t("hazards.sweep.cancel")}</Button>
            </Form>
          </details>
        </div>
      </Card>
    </>
  );
}
