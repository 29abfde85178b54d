/**
 * The step forms of meetings and action items: one note for cancel / complete / reopen, the
 * minutes with their decisions for hold, and a county's own attendees. Each step form posts
 * intent=<action> and the status it was drawn for.
 */
import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { CheckboxGroup, TextArea } from "~/components/ui/field";
import { Alert } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { MeetingAction } from "~/modules/meetings/machine";
import { NOTE_MAX } from "~/modules/meetings/vocabulary";
import { useMeetingLabels } from "./meeting-badges";

export interface StepAnswer {
  intent?: string;
  errors: Record<string, string>;
  values: Record<string, string | string[]>;
  formError?: string;
}

export function NoteSteps({ status, steps, answer }: { status: string; steps: MeetingAction[]; answer?: StepAnswer }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const { actionLabel } = useMeetingLabels();
  const mine = (a: string) => (answer?.intent === a ? answer : undefined);
  const noteSteps = steps.filter((s) => s !== "hold");
  if (noteSteps.length === 0) return null;
  return (
    <div className="space-y-4">
      {answer?.formError ? <Alert tone="error">{answer.formError}</Alert> : null}
      {noteSteps.map((action) => (
        <Form key={action} method="post" className="space-y-2 rounded-md border border-slate-200 p-3" data-testid={`step-${action}`}>
          <input type="hidden" name="intent" value={action} />
          <input type="hidden" name="status" value={status} />
          <TextArea name="note" label={t("meetings.field.note")} rows={2} maxLength={NOTE_MAX}
            defaultValue={typeof mine(action)?.values.note === "string" ? (mine(action)!.values.note as string) : ""} error={mine(action)?.errors.note} />
          <Button disabled={busy} variant={action === "cancel" ? "secondary" : "primary"} className="min-h-12">
            {actionLabel(action)}
          </Button>
        </Form>
      ))}
    </div>
  );
}

export function AttendeesForm({ own, chosen, answer }: { own: { id: string; displayName: string; title: string }[]; chosen: string[]; answer?: StepAnswer }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  if (own.length === 0) return <p className="text-sm text-slate-500">{t("meetings.detail.noOwnPeople")}</p>;
  const checked = answer?.intent === "attendees" && Array.isArray(answer.values.attendeeIds) ? (answer.values.attendeeIds as string[]) : chosen;
  return (
    <Form method="post" className="space-y-3" data-testid="attendees-form">
      <input type="hidden" name="intent" value="attendees" />
      <CheckboxGroup name="attendeeIds" legend={t("meetings.detail.attendeesTitle")} checked={checked}
        options={own.map((p) => ({ value: p.id, label: p.title ? `${p.displayName}（${p.title}）` : p.displayName }))}
        error={answer?.intent === "attendees" ? answer.errors.attendeeIds : undefined} />
      <Button disabled={busy} variant="secondary">{t("meetings.detail.attendeesSave")}</Button>
    </Form>
  );
}
