/** The proposal's milestone rows (milestone-<i>-title / -dueOn / -county); blank rows are not saved. */
import { SelectField, TextField } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import { NEW_MILESTONE_ROWS, TITLE_MAX } from "~/modules/projects/vocabulary";

export interface CountyChoice {
  value: string;
  label: string;
}

export function MilestoneRows({ sides, values, errors }: { sides: CountyChoice[]; values: Record<string, string | string[]>; errors: Record<string, string> }) {
  const t = useT();
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  return (
    <fieldset className="space-y-3" aria-describedby="milestones-hint">
      <legend className="block text-sm font-medium text-slate-700">{t("projects.form.milestones")}</legend>
      <p id="milestones-hint" className="text-xs text-slate-500">{t("projects.form.milestonesHint")}</p>
      {errors.milestones ? <p className="text-sm text-red-700" role="alert">{errors.milestones}</p> : null}
      {Array.from({ length: NEW_MILESTONE_ROWS }, (_, i) => (
        <div key={i} className="space-y-2 rounded-md border border-slate-200 p-3" data-testid={`milestone-row-${i}`}>
          <p className="text-xs font-medium text-slate-500">{t("projects.form.milestoneRow", { n: i + 1 })}</p>
          <TextField name={`milestone-${i}-title`} label={t("projects.form.milestoneTitle")} maxLength={TITLE_MAX}
            defaultValue={text(`milestone-${i}-title`)} error={errors[`milestone-${i}-title`]} />
          <div className="grid gap-2 sm:grid-cols-2">
            <TextField name={`milestone-${i}-dueOn`} type="date" label={t("projects.form.dueOn")}
              defaultValue={text(`milestone-${i}-dueOn`)} error={errors[`milestone-${i}-dueOn`]} />
            <SelectField name={`milestone-${i}-county`} label={t("projects.form.responsible")} options={sides}
              defaultValue={text(`milestone-${i}-county`) || sides[0]?.value} error={errors[`milestone-${i}-county`]} />
          </div>
        </div>
      ))}
    </fieldset>
  );
}
