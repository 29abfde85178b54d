/** The step forms the lead county may use now (each posts intent=<action>, the status it was drawn for, a note). */
import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextArea } from "~/components/ui/field";
import { Alert } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { ProjectAction } from "~/modules/projects/machine";
import { NOTE_MAX } from "~/modules/projects/vocabulary";
import { useProjectLabels } from "./project-badges";

export interface StepAnswer {
  intent?: string;
  errors: Record<string, string>;
  values: Record<string, string | string[]>;
  formError?: string;
}

export function ProjectSteps({ status, steps, answer }: { status: string; steps: ProjectAction[]; answer?: StepAnswer }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const { actionLabel } = useProjectLabels();
  const mine = (a: string) => (answer?.intent === a ? answer : undefined);
  return (
    <div className="space-y-4">
      {answer?.formError ? <Alert tone="error">{answer.formError}</Alert> : null}
      {steps.map((action) => {
        const typed = mine(action)?.values.note;
        return (
          <Form key={action} method="post" className="space-y-2 rounded-md border border-slate-200 p-3" data-testid={`step-${action}`}>
            <input type="hidden" name="intent" value={action} />
            <input type="hidden" name="status" value={status} />
            <TextArea name="note" id={`f-note-${action}`} label={t("projects.form.note")} rows={2} maxLength={NOTE_MAX}
              defaultValue={typeof typed === "string" ? typed : ""} error={mine(action)?.errors.note} />
            <Button disabled={busy} variant={action === "suspend" ? "secondary" : "primary"} className="min-h-12">
              {actionLabel(action)}
            </Button>
          </Form>
        );
      })}
    </div>
  );
}
