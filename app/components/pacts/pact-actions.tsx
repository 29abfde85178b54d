/**
 * The steps the viewer may take on a pact, as the state machine and their roles allow: one small
 * form each, posting `intent`. Countersigning names the county's liaisons; suspending,
 * terminating and withdrawing need a reason; declining may give one.
 */
import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { CheckboxGroup, TextArea } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import { personLabel } from "./pact-bits";
import type { PersonChoice } from "~/modules/pacts/people.server";
import { REASON_MAX } from "~/modules/pacts/schemas";
import type { PactTransition } from "~/modules/pacts/transitions";

export type ActionChoice = Pick<PactTransition, "action" | "label" | "requires">;

export interface ActionFeedback {
  intent?: string;
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
}

const DANGER = new Set(["decline", "withdraw", "terminate"]);

function ActionForm({
  choice,
  people,
  feedback,
}: {
  choice: ActionChoice;
  people: PersonChoice[];
  feedback?: ActionFeedback;
}) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const mine = feedback?.intent === choice.action ? feedback : undefined;
  const idPrefix = `${choice.label}-`;
  const needsReason = choice.requires.includes("reason");
  const checkedLiaisons = Array.isArray(mine?.values?.liaisonIds) ? (mine!.values!.liaisonIds as string[]) : [];
  const form = (
    <Form method="post" className="space-y-3 rounded-md border border-slate-200 p-3" data-testid={`action-${choice.label}`}>
      <input type="hidden" name="intent" value={choice.action} />
      <p className="text-sm text-slate-600">{t(`pacts.action.${choice.label}.hint`)}</p>
      {choice.requires.includes("liaisons") ? (
        <CheckboxGroup
          name="liaisonIds"
          legend={t("pacts.field.ownLiaisons")}
          options={people.map((p) => ({ value: p.id, label: personLabel(t, p) }))}
          checked={checkedLiaisons}
          error={mine?.errors?.liaisonIds}
        />
      ) : null}
      {needsReason || choice.action === "decline" || choice.action === "request_resume" ? (
        <TextArea
          id={`${idPrefix}reason`}
          name="reason"
          rows={3}
          maxLength={REASON_MAX}
          required={needsReason}
          label={needsReason ? t("pacts.field.reason") : choice.action === "decline" ? t("pacts.field.declineReason") : t("pacts.field.requestMessage")}
          defaultValue={typeof mine?.values?.reason === "string" ? mine.values.reason : ""}
          error={mine?.errors?.reason}
        />
      ) : null}
      <Button variant={DANGER.has(choice.label) ? "danger" : choice.action === "countersign" ? "primary" : "secondary"} disabled={busy}>
        {t(`pacts.action.${choice.label}`)}
      </Button>
    </Form>
  );
  if (!needsReason) return form;
  // Steps that stop a pact stay folded until asked for, so they are not pressed by mistake.
  return (
    <details open={!!mine} className="group">
      <summary className="cursor-pointer rounded-md px-1 py-2 text-sm font-medium text-slate-700 hover:text-brand-700">
        {t(`pacts.action.${choice.label}`)}…
      </summary>
      {form}
    </details>
  );
}

export function PactActions({
  choices,
  people,
  feedback,
}: {
  choices: ActionChoice[];
  people: PersonChoice[];
  feedback?: ActionFeedback;
}) {
  return (
    <div className="space-y-3">
      {choices.map((c) => (
        <ActionForm key={c.label} choice={c} people={people} feedback={feedback} />
      ))}
    </div>
  );
}
