/** The step forms the viewer may use now (each posts intent=<action> and the status it was drawn for). */
import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextArea, TextField } from "~/components/ui/field";
import { Alert } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { PatrolAction } from "~/modules/patrols/machine";
import { NOTE_MAX, SUMMARY_MAX } from "~/modules/patrols/vocabulary";
import { usePatrolLabels } from "./patrol-badges";

export interface StepAnswer {
  intent?: string;
  errors: Record<string, string>;
  values: Record<string, string | string[]>;
  formError?: string;
}

export function PatrolSteps({ status, steps, nowLocal, answer }: { status: string; steps: PatrolAction[]; nowLocal: string; answer?: StepAnswer }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const { actionLabel } = usePatrolLabels();
  const mine = (a: string) => (answer?.intent === a ? answer : undefined);
  const val = (a: string, name: string, fallback = "") => {
    const v = mine(a)?.values[name];
    return typeof v === "string" ? v : fallback;
  };
  const err = (a: string, name: string) => mine(a)?.errors[name];
  return (
    <div className="space-y-4">
      {answer?.formError ? <Alert tone="error">{answer.formError}</Alert> : null}
      {steps.map((action) => (
        <Form key={action} method="post" noValidate className="space-y-2 rounded-md border border-slate-200 p-3" data-testid={`step-${action}`}>
          <input type="hidden" name="intent" value={action} />
          <input type="hidden" name="status" value={status} />
          {action === "start" ? (
            <TextField name="startedAt" id={`f-${action}-startedAt`} type="datetime-local" label={t("patrols.field.startedAt")}
              defaultValue={val(action, "startedAt", nowLocal)} error={err(action, "startedAt")} />
          ) : null}
          {action === "complete" ? (
            <>
              <TextField name="endedAt" id={`f-${action}-endedAt`} type="datetime-local" label={t("patrols.field.endedAt")}
                defaultValue={val(action, "endedAt", nowLocal)} error={err(action, "endedAt")} />
              <div className="grid grid-cols-2 gap-2">
                <TextField name="peopleChecked" type="number" min={0} inputMode="numeric" label={t("patrols.field.peopleChecked")}
                  defaultValue={val(action, "peopleChecked", "0")} error={err(action, "peopleChecked")} />
                <TextField name="vehiclesChecked" type="number" min={0} inputMode="numeric" label={t("patrols.field.vehiclesChecked")}
                  defaultValue={val(action, "vehiclesChecked", "0")} error={err(action, "vehiclesChecked")} />
              </div>
              <TextArea name="summary" label={t("patrols.field.summary")} placeholder={t("patrols.field.summary.placeholder")} rows={3}
                maxLength={SUMMARY_MAX} defaultValue={val(action, "summary")} error={err(action, "summary")} />
            </>
          ) : null}
          {action === "cancel" ? (
            <TextArea name="note" label={t("patrols.field.note")} rows={2} maxLength={NOTE_MAX} defaultValue={val(action, "note")} error={err(action, "note")} />
          ) : null}
          <Button disabled={busy} variant={action === "cancel" ? "secondary" : "primary"} className="min-h-12">
            {actionLabel(action)}
          </Button>
        </Form>
      ))}
    </div>
  );
}
