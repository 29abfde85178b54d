/**
 * 司法确认 on the agreement page: the state, the 30-day window, and (for those who may) the form
 * for the next step — the application while it is not applied for, the court's answer after it.
 */
import { Form } from "@remix-run/react";
import { FormErrors } from "~/components/admin/notice";
import { Button } from "~/components/ui/button";
import { Badge } from "~/components/ui/feedback";
import { SelectField, TextArea, TextField } from "~/components/ui/field";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import type { JudicialStatus } from "~/modules/disputes/judicial";

export interface JudicialData {
  judicialStatus: JudicialStatus;
  judicialAppliedOn: string | null;
  judicialCourt: string;
  judicialAnsweredOn: string | null;
  judicialAnswer: string;
}

export interface JudicialWindow {
  deadline: string;
  daysLeft: number;
  open: boolean;
  closingSoon: boolean;
}

const TONES: Record<JudicialStatus, "slate" | "blue" | "green" | "red"> = {
  not_applied: "slate",
  applied: "blue",
  confirmed: "green",
  rejected: "red",
};

export function JudicialPanel({
  agreement,
  window: w,
  mayTrack,
  today,
  answer,
}: {
  agreement: JudicialData;
  window: JudicialWindow;
  mayTrack: boolean;
  today: string;
  answer?: { intent?: string; errors?: Record<string, string>; values?: Record<string, string | string[]> };
}) {
  const t = useT();
  const typed = (name: string) => (typeof answer?.values?.[name] === "string" ? (answer.values[name] as string) : undefined);
  const status = agreement.judicialStatus;
  return (
    <div className="space-y-3 text-sm" data-testid="judicial-panel">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={TONES[status]}>{t(`disputes.judicial.status.${status}` as MessageKey)}</Badge>
        {status === "not_applied" ? (
          <>
            <span>{t("disputes.judicial.window", { deadline: t.date(w.deadline) })}</span>
            {w.closingSoon ? <Badge tone="amber">{t("disputes.judicial.closingSoon")}</Badge> : null}
            <span className={w.open ? "text-slate-600" : "text-red-700"}>
              {!w.open ? t("disputes.judicial.closed") : w.daysLeft === 0 ? t("disputes.judicial.lastDay") : t("disputes.judicial.daysLeft", { days: w.daysLeft })}
            </span>
          </>
        ) : null}
      </div>
      {agreement.judicialAppliedOn ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt className="text-slate-500">{t("disputes.judicial.appliedOn")}</dt>
          <dd>{t.date(agreement.judicialAppliedOn)}</dd>
          <dt className="text-slate-500">{t("disputes.judicial.court")}</dt>
          <dd className="break-words">{agreement.judicialCourt}</dd>
          {agreement.judicialAnsweredOn ? (
            <>
              <dt className="text-slate-500">{t("disputes.judicial.answeredOn")}</dt>
              <dd>{t.date(agreement.judicialAnsweredOn)}</dd>
              <dt className="text-slate-500">{t("disputes.judicial.answer")}</dt>
              <dd className="whitespace-pre-wrap break-words">{agreement.judicialAnswer}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {mayTrack && status === "not_applied" && w.open ? (
        <Form method="post" className="space-y-3 border-t border-slate-100 pt-3" data-testid="judicial-apply">
          <h3 className="font-medium">{t("disputes.judicial.form.apply")}</h3>
          <input type="hidden" name="intent" value="judicial_apply" />
          <FormErrors errors={answer?.intent === "judicial_apply" ? answer.errors : undefined} />
          <TextField name="appliedOn" type="date" label={t("disputes.judicial.form.appliedOn")} defaultValue={typed("appliedOn") ?? today} max={today} error={answer?.errors?.appliedOn} required />
          <TextField name="court" label={t("disputes.judicial.form.court")} defaultValue={typed("court")} error={answer?.errors?.court} required />
          <Button type="submit">{t("disputes.judicial.form.submitApply")}</Button>
        </Form>
      ) : null}
      {mayTrack && status === "applied" ? (
        <Form method="post" className="space-y-3 border-t border-slate-100 pt-3" data-testid="judicial-answer">
          <h3 className="font-medium">{t("disputes.judicial.form.answer")}</h3>
          <input type="hidden" name="intent" value="judicial_answer" />
          <FormErrors errors={answer?.intent === "judicial_answer" ? answer.errors : undefined} />
          <SelectField
            name="outcome"
            label={t("disputes.judicial.form.outcome")}
            options={(["confirmed", "rejected"] as const).map((v) => ({ value: v, label: t(`disputes.judicial.status.${v}`) }))}
            defaultValue={typed("outcome") ?? "confirmed"}
            error={answer?.errors?.outcome}
          />
          <TextField name="answeredOn" type="date" label={t("disputes.judicial.form.answeredOn")} defaultValue={typed("answeredOn") ?? today} max={today} error={answer?.errors?.answeredOn} required />
          <TextArea name="answer" label={t("disputes.judicial.form.answerText")} rows={2} defaultValue={typed("answer")} error={answer?.errors?.answer} />
          <Button type="submit">{t("disputes.judicial.form.submitAnswer")}</Button>
        </Form>
      ) : null}
    </div>
  );
}
