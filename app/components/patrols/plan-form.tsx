/**
 * The plan form: the team (its pact decides who sees the patrol), kind, day and time window,
 * route, regions of both sides, and participants — the members of each team as checkboxes, one
 * group per team, so the form works without JavaScript; the server keeps those of the chosen team.
 */
import { Form, Link, useNavigation } from "@remix-run/react";
import { Button, buttonLinkClass } from "~/components/ui/button";
import { SelectField, TextArea, TextField } from "~/components/ui/field";
import { Alert } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { CountyPlaces } from "~/modules/hazards/places.server";
import type { TeamChoice } from "~/modules/patrols/plan.server";
import { PATROL_KINDS, ROUTE_MAX } from "~/modules/patrols/vocabulary";
import { usePatrolLabels } from "./patrol-badges";
import { RegionChecks } from "./region-checks";

export interface PlanFormProps {
  teams: TeamChoice[];
  places: CountyPlaces[];
  values: Record<string, string | string[]>;
  errors: Record<string, string>;
}

function Participants({ teams, checked, error }: { teams: TeamChoice[]; checked: readonly string[]; error?: string }) {
  const t = useT();
  return (
    <fieldset className="space-y-2" aria-invalid={error ? true : undefined}>
      <legend className="block text-sm font-medium text-slate-700">{t("patrols.field.participants")}</legend>
      <p className="text-xs text-slate-500">{t("patrols.field.participants.hint")}</p>
      {teams.map((team) => (
        <fieldset key={team.id} className="rounded-md border border-slate-200 p-2" data-testid="team-members">
          <legend className="px-1 text-sm font-medium text-slate-800">{t("patrols.field.participants.team", { team: team.name })}</legend>
          {team.members.map((m) => (
            <label key={m.userId} className="flex min-h-10 items-center gap-2 text-sm">
              <input type="checkbox" name="participantIds" value={m.userId} defaultChecked={checked.includes(m.userId)} className="h-5 w-5" />
              <span>
                {m.displayName}
                <span className="text-slate-500">（{m.countyName}{m.duty ? `·${m.duty}` : ""}）</span>
              </span>
            </label>
          ))}
        </fieldset>
      ))}
      {error ? <p className="text-sm text-red-700" role="alert">{error}</p> : null}
    </fieldset>
  );
}

export function PatrolPlanForm({ teams, places, values, errors }: PlanFormProps) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const { kindLabel } = usePatrolLabels();
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const list = (name: string) => (Array.isArray(values[name]) ? (values[name] as string[]) : []);
  return (
    <Form method="post" noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      {Object.keys(errors).length > 0 ? <Alert tone="error">{errors._form ?? t("form.fixErrors")}</Alert> : null}
      <SelectField name="teamId" label={t("patrols.field.team")} placeholder={teams.length === 1 ? undefined : t("patrols.choose")}
        defaultValue={text("teamId")} error={errors.teamId}
        options={teams.map((team) => ({ value: String(team.id), label: t("patrols.field.team.option", { team: team.name, pact: team.pactTitle }) }))} />
      <fieldset aria-invalid={errors.kind ? true : undefined}>
        <legend className="block text-sm font-medium text-slate-700">{t("patrols.field.kind")}</legend>
        <div className="mt-1 grid grid-cols-1 gap-2 sm:grid-cols-3">
          {PATROL_KINDS.map((k) => (
            <label key={k} className="flex min-h-12 cursor-pointer items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-2 text-base has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input type="radio" name="kind" value={k} defaultChecked={(text("kind") || "routine") === k} className="h-5 w-5" />
              {kindLabel(k)}
            </label>
          ))}
        </div>
        {errors.kind ? <p className="mt-1 text-sm text-red-700" role="alert">{errors.kind}</p> : null}
      </fieldset>
      <TextField name="patrolOn" type="date" label={t("patrols.field.patrolOn")} required defaultValue={text("patrolOn")} error={errors.patrolOn} />
      <div className="grid grid-cols-2 gap-3">
        <TextField name="plannedStart" type="time" label={t("patrols.field.plannedStart")} required defaultValue={text("plannedStart")} error={errors.plannedStart} />
        <TextField name="plannedEnd" type="time" label={t("patrols.field.plannedEnd")} required defaultValue={text("plannedEnd")} error={errors.plannedEnd}
          hint={t("patrols.field.window.hint")} />
      </div>
      <TextArea name="route" label={t("patrols.field.route")} placeholder={t("patrols.field.route.placeholder")} rows={3} maxLength={ROUTE_MAX}
        required defaultValue={text("route")} error={errors.route} />
      <RegionChecks places={places} checked={list("regionIds")} error={errors.regionIds} />
      <Participants teams={teams} checked={list("participantIds")} error={errors.participantIds} />
      <div className="flex flex-wrap gap-2">
        <Button disabled={busy} className="min-h-12 flex-1 text-base sm:flex-none">{t("patrols.new.submit")}</Button>
        <Link to="/patrols" className={buttonLinkClass("secondary")}>{t("form.cancel")}</Link>
      </div>
    </Form>
  );
}
