/**
 * The steps a viewer may take on a hazard now, one small form each (intent=<action>). The fields
 * come from the state machine's `requires`, so the table that allows a step also draws its form.
 * Each form carries the status it was drawn for: a page that went stale answers 409.
 */
import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField, TextArea, TextField } from "~/components/ui/field";
import { Alert } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { HazardAction } from "~/modules/hazards/machine";
import { MEASURES_MAX, NOTE_MAX } from "~/modules/hazards/vocabulary";
import { useHazardLabels } from "./hazard-badges";

export interface StepChoice {
  action: HazardAction;
  requires: readonly string[];
}

export interface StepAnswer {
  intent?: string;
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
  formError?: string;
}

export interface HazardActionsProps {
  status: string;
  choices: StepChoice[];
  /** Counties that may be made responsible: the owner and the addressed counties. */
  responsible: { countyId: number; name: string; isOwner: boolean }[];
  /** Current measures and deadline (YYYY-MM-DD), offered when adjusting. */
  current: { measures: string; deadlineDate: string | null };
  today: string;
  answer?: StepAnswer;
}

function StepFields({ action, requires, props }: { action: HazardAction; requires: readonly string[]; props: HazardActionsProps }) {
  const t = useT();
  const mine = props.answer?.intent === action;
  const errors = mine ? props.answer?.errors ?? {} : {};
  const values = mine ? props.answer?.values ?? {} : {};
  const text = (name: string, fallback = "") => (typeof values[name] === "string" ? (values[name] as string) : fallback);
  const adjusting = action === "adjust";
  return (
    <>
      {requires.includes("measures") ? (
        <TextArea id={`${action}-measures`} name="measures" label={t("hazards.step.measures")} rows={3} maxLength={MEASURES_MAX}
          defaultValue={text("measures", adjusting ? props.current.measures : "")} error={errors.measures} />
      ) : null}
      {requires.includes("deadline") ? (
        <TextField id={`${action}-deadline`} type="date" name="deadline" label={t("hazards.step.deadline")} min={props.today}
          defaultValue={text("deadline", adjusting ? props.current.deadlineDate ?? "" : "")} error={errors.deadline} />
      ) : null}
      {requires.includes("responsibleCountyId") ? (
        <SelectField id={`${action}-responsible`} name="responsibleCountyId" label={t("hazards.step.responsible")}
          placeholder={t("hazards.choose")} defaultValue={text("responsibleCountyId")} error={errors.responsibleCountyId}
          options={props.responsible.map((c) => ({
            value: String(c.countyId),
            label: c.isOwner ? t("hazards.step.ownerCounty", { county: c.name }) : c.name,
          }))} />
      ) : null}
      <TextArea id={`${action}-note`} name="note" label={requires.includes("note") ? t("hazards.step.note") : t("hazards.step.noteOptional")}
        rows={2} maxLength={NOTE_MAX} defaultValue={text("note")} error={errors.note} />
    </>
  );
}

export function HazardActions(props: HazardActionsProps) {
  const busy = useNavigation().state === "submitting";
  const { actionLabel } = useHazardLabels();
  const { answer } = props;
  return (
    <div className="space-y-3">
      {answer?.formError ? <Alert tone="error">{answer.formError}</Alert> : null}
      {props.choices.map(({ action, requires }) => (
        <details
          key={action}
          open={answer?.intent === action || props.choices.length === 1}
          className="rounded-md border border-slate-200 p-3"
          data-testid="hazard-action"
          data-action={action}
        >
          <summary className="cursor-pointer text-base font-medium text-slate-900">{actionLabel(action)}</summary>
          <Form method="post" noValidate className="mt-3 space-y-3">
            <input type="hidden" name="intent" value={action} />
            <input type="hidden" name="status" value={props.status} />
            <StepFields action={action} requires={requires} props={props} />
            <Button variant={action === "dismiss" ? "secondary" : "primary"} disabled={busy} className="min-h-12 w-full sm:w-auto">
              {actionLabel(action)}
            </Button>
          </Form>
        </details>
      ))}
    </div>
  );
}
