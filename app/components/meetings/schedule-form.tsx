/**
 * The form that schedules a joint meeting under one pact: level, host (the rotation's proposal
 * preselected), title, time, place, attendees of each member county, and agenda rows
 * (agenda-0-title / agenda-0-ref …) that may name a record by its reference number.
 */
import { Form, Link, useNavigation } from "@remix-run/react";
import { Button, buttonLinkClass } from "~/components/ui/button";
import { CheckboxGroup, SelectField, TextArea, TextField } from "~/components/ui/field";
import { Alert } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { AGENDA_ROWS, MEETING_LEVELS, PLACE_MAX, TEXT_MAX, TITLE_MAX } from "~/modules/meetings/vocabulary";
import { useMeetingLabels } from "./meeting-badges";

export interface ScheduleChoices {
  pact: { id: number; title: string };
  counties: { id: number; name: string; people: { id: string; displayName: string; title: string }[] }[];
  proposedHostId: number;
  viewerId: string;
}

type Values = Record<string, string | string[]>;

export function ScheduleForm({ choices, values, errors }: { choices: ScheduleChoices; values: Values; errors: Record<string, string> }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const { levelLabel } = useMeetingLabels();
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const hostName = choices.counties.find((c) => c.id === choices.proposedHostId)?.name ?? "";
  const chosen = Array.isArray(values.attendeeIds) ? (values.attendeeIds as string[]) : [choices.viewerId];
  const defaultTitle = t("meetings.new.titleDefault", { names: choices.counties.map((c) => c.name).join("—") });
  return (
    <Form method="post" action={`/meetings/new?pact=${choices.pact.id}`} noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="schedule-form">
      {Object.keys(errors).length > 0 ? <Alert tone="error">{errors._form ?? t("form.fixErrors")}</Alert> : null}
      <input type="hidden" name="pactId" value={choices.pact.id} />
      <p className="text-sm text-slate-700">
        {t("meetings.field.pact")}：{choices.pact.title}
      </p>
      {errors.pactId ? <p className="text-sm text-red-700" role="alert">{errors.pactId}</p> : null}
      <TextField name="title" label={t("meetings.field.title")} maxLength={TITLE_MAX} required defaultValue={text("title") || defaultTitle} error={errors.title} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="level" label={t("meetings.field.level")} defaultValue={text("level") || "county"} error={errors.level}
          options={MEETING_LEVELS.map((l) => ({ value: l, label: levelLabel(l) }))} />
        <SelectField name="hostCountyId" label={t("meetings.field.host")} hint={t("meetings.field.hostHint", { county: hostName })}
          defaultValue={text("hostCountyId") || String(choices.proposedHostId)} error={errors.hostCountyId}
          options={choices.counties.map((c) => ({ value: String(c.id), label: c.name }))} />
        <TextField name="startsAt" type="datetime-local" label={t("meetings.field.startsAt")} required defaultValue={text("startsAt")} error={errors.startsAt} />
        <TextField name="placeText" label={t("meetings.field.placeText")} maxLength={PLACE_MAX} required defaultValue={text("placeText")} error={errors.placeText} />
      </div>
      {choices.counties.map((c) => (
        <CheckboxGroup key={c.id} name="attendeeIds" legend={t("meetings.field.attendees", { county: c.name })}
          options={c.people.map((p) => ({ value: p.id, label: p.title ? `${p.displayName}（${p.title}）` : p.displayName }))}
          checked={chosen} />
      ))}
      {errors.attendeeIds ? <p className="text-sm text-red-700" role="alert">{errors.attendeeIds}</p> : null}
      <p className="text-xs text-slate-500">{t("meetings.field.attendeesHint")}</p>
      <TextArea name="otherAttendees" label={t("meetings.field.otherAttendees")} placeholder={t("meetings.field.otherAttendees.placeholder")}
        rows={2} maxLength={TEXT_MAX} defaultValue={text("otherAttendees")} error={errors.otherAttendees} />
      <fieldset className="space-y-2">
        <legend className="block text-sm font-medium text-slate-700">{t("meetings.field.agenda")}</legend>
        <p className="text-xs text-slate-500">{t("meetings.field.agendaHint")}</p>
        {errors.agenda ? <p className="text-sm text-red-700" role="alert">{errors.agenda}</p> : null}
        {Array.from({ length: AGENDA_ROWS }, (_, i) => (
          <div key={i} className="grid gap-2 sm:grid-cols-[2fr_1fr]">
            <TextField name={`agenda-${i}-title`} label={t("meetings.field.agendaTitle", { n: i + 1 })} maxLength={TITLE_MAX}
              defaultValue={text(`agenda-${i}-title`)} error={errors[`agenda-${i}-title`]} />
            <TextField name={`agenda-${i}-ref`} label={t("meetings.field.agendaRef")} maxLength={40} placeholder="XH-TJ-2026-0001"
              defaultValue={text(`agenda-${i}-ref`)} error={errors[`agenda-${i}-ref`]} />
          </div>
        ))}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button disabled={busy} className="min-h-12 flex-1 text-base sm:flex-none">{t("meetings.new.submit")}</Button>
        <Link to="/meetings" className={buttonLinkClass("secondary")}>{t("form.cancel")}</Link>
      </div>
    </Form>
  );
}
