/**
 * The pact page's card of sign-for deadlines (签收时限) by urgency: the values in force (own or
 * default) and, for those who may set them, a plain POST form (intent `notice_deadlines`).
 */
import { Form, useSearchParams } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/feedback";
import { TextField } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";

const URGENCIES = ["normal", "urgent", "critical"] as const;
type Urgency = (typeof URGENCIES)[number];

export interface DeadlineCardData {
  minutes: Record<Urgency, number>;
  own: Record<Urgency, boolean>;
  mayEdit: boolean;
  limits: { min: number; max: number };
}

export interface DeadlineFeedback {
  intent?: string;
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
  formError?: string;
}

export function DeadlineCard({ deadlines, feedback }: { deadlines: DeadlineCardData; feedback?: DeadlineFeedback }) {
  const t = useT();
  const [params] = useSearchParams();
  const mine = feedback?.intent === "notice_deadlines" ? feedback : undefined;
  const valueOf = (u: Urgency) => {
    const typed = mine?.values?.[u];
    return typeof typed === "string" ? typed : String(deadlines.minutes[u]);
  };
  return (
    <Card title={t("notices.deadlines.title")}>
      <div className="space-y-3" data-testid="notice-deadlines">
        <p className="text-sm text-slate-600">{t("notices.deadlines.intro")}</p>
        {params.get("deadlines") === "saved" ? <Alert tone="success">{t("notices.deadlines.saved")}</Alert> : null}
        {mine?.formError ? <Alert tone="error">{mine.formError}</Alert> : null}
        {deadlines.mayEdit ? (
          <Form method="post" className="space-y-3" noValidate>
            <input type="hidden" name="intent" value="notice_deadlines" />
            <div className="grid gap-3 sm:grid-cols-3">
              {URGENCIES.map((u) => (
                <TextField
                  key={u}
                  name={u}
                  label={t(`notices.deadlines.${u}`)}
                  inputMode="numeric"
                  defaultValue={valueOf(u)}
                  error={mine?.errors?.[u]}
                  hint={deadlines.own[u] ? t("notices.deadlines.own") : t("notices.deadlines.default")}
                />
              ))}
            </div>
            <p className="text-xs text-slate-500">{t("notices.deadlines.hint")}</p>
            <Button type="submit">{t("notices.deadlines.save")}</Button>
          </Form>
        ) : (
          <dl className="grid grid-cols-3 gap-3 text-sm">
            {URGENCIES.map((u) => (
              <div key={u}>
                <dt className="text-slate-500">{t(`notices.deadlines.${u}`)}</dt>
                <dd className="font-medium tabular-nums">
                  {t("notices.deadlines.value", { minutes: deadlines.minutes[u] })}
                  <span className="ml-1 text-xs font-normal text-slate-500">
                    （{deadlines.own[u] ? t("notices.deadlines.own") : t("notices.deadlines.default")}）
                  </span>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </div>
    </Card>
  );
}
