/**
 * The form that proposes new terms for a pact: the terms in force filled in (workflows, end date,
 * sign-for deadlines), a note on why. Posts intent `amend_propose`; folded until asked for.
 */
import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { CheckboxGroup, TextArea, TextField } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import { WORKFLOWS } from "~/modules/access/capabilities";
import type { AmendmentPanel } from "~/modules/pacts/amendment-view.server";
import { REASON_MAX } from "~/modules/pacts/schemas";

const URGENCIES = ["normal", "urgent", "critical"] as const;

export interface AmendmentFeedback {
  intent?: string;
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
  formError?: string;
}

export function AmendmentProposalForm({
  current,
  limits,
  feedback,
}: {
  current: NonNullable<AmendmentPanel["current"]>;
  limits: AmendmentPanel["limits"];
  feedback?: AmendmentFeedback;
}) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const mine = feedback?.intent === "amend_propose" ? feedback : undefined;
  const typed = (name: string) => (typeof mine?.values?.[name] === "string" ? (mine.values[name] as string) : undefined);
  const checked = Array.isArray(mine?.values?.workflows) ? (mine!.values!.workflows as string[]) : current.workflows;
  return (
    <details open={!!mine} className="group" data-testid="amendment-propose">
      <summary className="cursor-pointer rounded-md px-1 py-2 text-sm font-medium text-slate-700 hover:text-brand-700">
        {t("pacts.amend.propose")}…
      </summary>
      <Form method="post" noValidate className="space-y-4 rounded-md border border-slate-200 p-3">
        <input type="hidden" name="intent" value="amend_propose" />
        <p className="text-sm text-slate-600">{t("pacts.amend.propose.hint")}</p>
        {mine?.errors?._form ? <p className="text-sm text-red-700" role="alert">{mine.errors._form}</p> : null}
        <CheckboxGroup
          name="workflows"
          legend={t("pacts.field.workflows")}
          options={WORKFLOWS.map((w) => ({ value: w, label: t(`workflow.${w}`) }))}
          checked={checked}
          error={mine?.errors?.workflows}
        />
        <TextField
          id="amend-endsOn"
          name="endsOn"
          type="date"
          label={t("pacts.field.endsOn")}
          hint={t("pacts.field.endsOn.hint")}
          defaultValue={typed("endsOn") ?? current.endsOn ?? ""}
          error={mine?.errors?.endsOn}
        />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">{t("pacts.amend.deadlinesLegend")}</legend>
          <div className="grid gap-3 sm:grid-cols-3">
            {URGENCIES.map((u) => (
              <TextField
                key={u}
                id={`amend-${u}`}
                name={u}
                label={t(`notices.deadlines.${u}`)}
                inputMode="numeric"
                defaultValue={typed(u) ?? String(current.noticeDeadlines[u])}
                error={mine?.errors?.[u]}
              />
            ))}
          </div>
          <p className="text-xs text-slate-500">{t("notices.deadlines.hint", { min: limits.min, max: limits.max })}</p>
        </fieldset>
        <TextArea
          id="amend-note"
          name="note"
          rows={3}
          maxLength={REASON_MAX}
          label={t("pacts.amend.field.note")}
          defaultValue={typed("note") ?? ""}
          error={mine?.errors?.note}
        />
        <Button disabled={busy}>{t("pacts.amend.submit")}</Button>
      </Form>
    </details>
  );
}
