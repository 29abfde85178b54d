/**
 * The mediation sessions (调解会) of a dispute, and the form to log one: date, place, the
 * mediators present (listed by county, ticked), the parties present, notes (intent=session).
 */
import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextArea, TextField } from "~/components/ui/field";
import { Card } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { PARTIES_PRESENT_MAX, PLACE_MAX, SESSION_NOTES_MAX } from "~/modules/disputes/vocabulary";

export interface SessionItem {
  id: number;
  heldOn: string;
  place: string;
  partiesPresent: string;
  notes: string;
  loggedByName: string;
  mediators: { displayName: string; countyName: string; countyId: number }[];
}

export interface MediatorGroup {
  countyId: number;
  countyName: string;
  people: { userId: string; displayName: string; title: string }[];
}

export interface SessionFormAnswer {
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
  formError?: string;
}

function SessionForm({ mediators, today, answer }: { mediators: MediatorGroup[]; today: string; answer?: SessionFormAnswer }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const errors = answer?.errors ?? {};
  const values = answer?.values ?? {};
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const ticked = Array.isArray(values.mediatorIds) ? values.mediatorIds : [];
  return (
    <details open={!!answer} className="mt-4 rounded-md border border-slate-200 p-3" data-testid="session-form">
      <summary className="cursor-pointer text-base font-medium text-slate-900">{t("disputes.session.log")}</summary>
      <Form method="post" noValidate className="mt-3 space-y-3">
        <input type="hidden" name="intent" value="session" />
        {answer?.formError ? <p className="text-sm text-red-700" role="alert">{answer.formError}</p> : null}
        <TextField type="date" name="heldOn" label={t("disputes.session.heldOn")} max={today} defaultValue={text("heldOn") || today} error={errors.heldOn} />
        <TextField name="place" label={t("disputes.session.place")} maxLength={PLACE_MAX} defaultValue={text("place")} error={errors.place} />
        <fieldset aria-invalid={errors.mediatorIds ? true : undefined}>
          <legend className="block text-sm font-medium text-slate-700">{t("disputes.session.mediators")}</legend>
          {mediators.map((group) => (
            <div key={group.countyId} className="mt-2">
              <p className="text-xs font-medium text-slate-500">{group.countyName}</p>
              <div className="mt-1 flex flex-wrap gap-2">
                {group.people.map((p) => (
                  <label key={p.userId} className="flex min-h-10 items-center gap-2 rounded-md border border-slate-300 px-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                    <input type="checkbox" name="mediatorIds" value={p.userId} defaultChecked={ticked.includes(p.userId)} className="h-5 w-5" />
                    {p.displayName}
                    <span className="text-xs text-slate-500">{p.title}</span>
                  </label>
                ))}
              </div>
            </div>
          ))}
          {errors.mediatorIds ? <p className="mt-1 text-sm text-red-700" role="alert">{errors.mediatorIds}</p> : null}
        </fieldset>
        <TextField name="partiesPresent" label={t("disputes.session.partiesPresent")} placeholder={t("disputes.session.partiesPresent.placeholder")}
          maxLength={PARTIES_PRESENT_MAX} defaultValue={text("partiesPresent")} error={errors.partiesPresent} />
        <TextArea name="notes" label={t("disputes.session.notes")} rows={4} maxLength={SESSION_NOTES_MAX} defaultValue={text("notes")} error={errors.notes} />
        <Button disabled={busy} className="min-h-12 w-full sm:w-auto">{t("disputes.session.submit")}</Button>
      </Form>
    </details>
  );
}

export function DisputeSessions({
  sessions,
  mediators,
  mayLog,
  today,
  answer,
}: {
  sessions: SessionItem[];
  mediators: MediatorGroup[];
  mayLog: boolean;
  today: string;
  answer?: SessionFormAnswer;
}) {
  const t = useT();
  return (
    <Card title={t("disputes.session.title")}>
      {sessions.length === 0 ? (
        <p className="text-sm text-slate-500">{t("disputes.session.empty")}</p>
      ) : (
        <ol className="space-y-3" data-testid="session-list">
          {sessions.map((s) => (
            <li key={s.id} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="session">
              <p className="font-medium text-slate-900">
                {t.date(s.heldOn)} · {s.place}
              </p>
              <p className="text-slate-700">
                {t("disputes.session.mediators")}：{s.mediators.map((m) => `${m.displayName}（${m.countyName}）`).join("、")}
              </p>
              {s.partiesPresent ? <p className="text-slate-700">{t("disputes.session.partiesPresent")}：{s.partiesPresent}</p> : null}
              <p className="mt-1 whitespace-pre-wrap text-slate-800">{s.notes}</p>
              <p className="mt-1 text-xs text-slate-500">{t("disputes.session.loggedBy", { name: s.loggedByName })}</p>
            </li>
          ))}
        </ol>
      )}
      {mayLog ? <SessionForm mediators={mediators} today={today} answer={answer} /> : null}
    </Card>
  );
}
