/**
 * The steps a viewer may take on a dispute now, one small form each (intent=<action>). The fields
 * come from the state machine's `requires` (plus the optional risk and committee when assessing),
 * so the table that allows a step also draws its form. Each form carries the status it was drawn
 * for: a page that went stale answers 409.
 */
import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField, TextArea, TextField } from "~/components/ui/field";
import { Alert } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { DisputeAction } from "~/modules/disputes/machine";
import { ESCALATION_RISKS, NOTE_MAX, PERFORMANCE_MAX, REFERRAL_KINDS, REFERRAL_TO_MAX, VISIT_METHODS } from "~/modules/disputes/vocabulary";
import { useDisputeLabels } from "./dispute-badges";

export interface StepChoice {
  action: DisputeAction;
  requires: readonly string[];
}

export interface StepAnswer {
  intent?: string;
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
  formError?: string;
}

export interface DisputeActionsProps {
  status: string;
  choices: StepChoice[];
  /** The joint mediation committees of the dispute's pact (offered when assessing). */
  committees: { id: number; name: string }[];
  today: string;
  answer?: StepAnswer;
}

function StepFields({ action, requires, props }: { action: DisputeAction; requires: readonly string[]; props: DisputeActionsProps }) {
  const t = useT();
  const { riskLabel, referralLabel, methodLabel } = useDisputeLabels();
  const mine = props.answer?.intent === action;
  const errors = mine ? props.answer?.errors ?? {} : {};
  const values = mine ? props.answer?.values ?? {} : {};
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const id = (name: string) => `${action}-${name}`;
  return (
    <>
      {action === "assess" ? (
        <>
          <SelectField id={id("risk")} name="escalationRisk" label={t("disputes.step.risk")} placeholder={t("disputes.step.unchanged")}
            defaultValue={text("escalationRisk")} error={errors.escalationRisk}
            options={ESCALATION_RISKS.map((r) => ({ value: r, label: riskLabel(r) }))} />
          {props.committees.length > 0 ? (
            <SelectField id={id("committee")} name="committeeId" label={t("disputes.step.committee")} placeholder={t("disputes.step.unchanged")}
              defaultValue={text("committeeId")} error={errors.committeeId}
              options={props.committees.map((c) => ({ value: String(c.id), label: c.name }))} />
          ) : null}
        </>
      ) : null}
      {requires.includes("referralKind") ? (
        <SelectField id={id("referralKind")} name="referralKind" label={t("disputes.step.referralKind")} placeholder={t("disputes.choose")}
          defaultValue={text("referralKind")} error={errors.referralKind}
          options={REFERRAL_KINDS.map((k) => ({ value: k, label: referralLabel(k) }))} />
      ) : null}
      {requires.includes("referralTo") ? (
        <TextField id={id("referralTo")} name="referralTo" label={t("disputes.step.referralTo")} placeholder={t("disputes.step.referralTo.placeholder")}
          maxLength={REFERRAL_TO_MAX} defaultValue={text("referralTo")} error={errors.referralTo} />
      ) : null}
      {requires.includes("visitedOn") ? (
        <TextField id={id("visitedOn")} type="date" name="visitedOn" label={t("disputes.step.visitedOn")} max={props.today}
          defaultValue={text("visitedOn") || props.today} error={errors.visitedOn} />
      ) : null}
      {requires.includes("method") ? (
        <SelectField id={id("method")} name="method" label={t("disputes.step.method")} placeholder={t("disputes.choose")}
          defaultValue={text("method")} error={errors.method}
          options={VISIT_METHODS.map((m) => ({ value: m, label: methodLabel(m) }))} />
      ) : null}
      {requires.includes("performance") ? (
        <TextArea id={id("performance")} name="performance" label={t("disputes.step.performance")} rows={3} maxLength={PERFORMANCE_MAX}
          defaultValue={text("performance")} error={errors.performance} />
      ) : (
        <TextArea id={id("note")} name="note" label={requires.includes("note") ? t("disputes.step.note") : t("disputes.step.noteOptional")}
          rows={2} maxLength={NOTE_MAX} defaultValue={text("note")} error={errors.note} />
      )}
    </>
  );
}

export function DisputeActions(props: DisputeActionsProps) {
  const busy = useNavigation().state === "submitting";
  const { actionLabel } = useDisputeLabels();
  const { answer } = props;
  return (
    <div className="space-y-3">
      {answer?.formError ? <Alert tone="error">{answer.formError}</Alert> : null}
      {props.choices.map(({ action, requires }) => (
        <details key={action} open={answer?.intent === action || props.choices.length === 1}
          className="rounded-md border border-slate-200 p-3" data-testid="dispute-action" data-action={action}>
          <summary className="cursor-pointer text-base font-medium text-slate-900">{actionLabel(action)}</summary>
          <Form method="post" noValidate className="mt-3 space-y-3">
            <input type="hidden" name="intent" value={action} />
            <input type="hidden" name="status" value={props.status} />
            <StepFields action={action} requires={requires} props={props} />
            <Button variant={action === "fail" ? "secondary" : "primary"} disabled={busy} className="min-h-12 w-full sm:w-auto">
              {actionLabel(action)}
            </Button>
          </Form>
        </details>
      ))}
    </div>
  );
}
