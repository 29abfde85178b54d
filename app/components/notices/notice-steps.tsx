/** The step forms the viewer's county may use now (each posts intent=<action> and the status it was drawn for). */
import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField, TextArea, TextField } from "~/components/ui/field";
import { Alert } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { NoticeAction } from "~/modules/notices/machine";
import { NOTE_MAX, NOTICE_RESULTS } from "~/modules/notices/vocabulary";
import { useNoticeLabels } from "./notice-badges";

export interface StepAnswer {
  intent?: string;
  errors: Record<string, string>;
  values: Record<string, string | string[]>;
  formError?: string;
}

export function NoticeSteps({ status, steps, answer }: { status: string; steps: NoticeAction[]; answer?: StepAnswer }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const { actionLabel, resultLabel } = useNoticeLabels();
  const mine = (a: string) => (answer?.intent === a ? answer : undefined);
  const val = (a: string, name: string) => {
    const v = mine(a)?.values[name];
    return typeof v === "string" ? v : "";
  };
  return (
    <div className="space-y-4">
      {answer?.formError ? <Alert tone="error">{answer.formError}</Alert> : null}
      {steps.map((action) => (
        <Form key={action} method="post" className="space-y-2 rounded-md border border-slate-200 p-3" data-testid={`step-${action}`}>
          <input type="hidden" name="intent" value={action} />
          <input type="hidden" name="status" value={status} />
          {action === "report_result" ? (
            <>
              <SelectField name="result" label={t("notices.field.result")} placeholder={t("notices.choose")} defaultValue={val(action, "result")}
                error={mine(action)?.errors.result} options={NOTICE_RESULTS.map((r) => ({ value: r, label: resultLabel(r) }))} />
              <div className="grid grid-cols-2 gap-2">
                <TextField name="suspectsCaught" type="number" min={0} inputMode="numeric" label={t("notices.field.suspectsCaught")}
                  defaultValue={val(action, "suspectsCaught") || "0"} error={mine(action)?.errors.suspectsCaught} />
                <TextField name="itemsRecovered" type="number" min={0} inputMode="numeric" label={t("notices.field.itemsRecovered")}
                  defaultValue={val(action, "itemsRecovered") || "0"} error={mine(action)?.errors.itemsRecovered} />
              </div>
            </>
          ) : null}
          {action !== "sign" ? (
            <TextArea name="note" label={t("notices.field.note")} rows={2} maxLength={NOTE_MAX} defaultValue={val(action, "note")} error={mine(action)?.errors.note} />
          ) : null}
          <Button disabled={busy} variant={action === "cancel" ? "secondary" : "primary"} className="min-h-12">
            {actionLabel(action)}
          </Button>
        </Form>
      ))}
    </div>
  );
}
