/**
 * The milestones of a project with their marks (done, done late, overdue, upcoming), a "mark done"
 * form where the viewer's county may confirm one, and the lead county's form to add a milestone.
 */
import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { Alert } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { ProjectDetail } from "~/modules/projects/detail.server";
import { NOTE_MAX, TITLE_MAX } from "~/modules/projects/vocabulary";
import { MilestoneStateBadge } from "./project-badges";
import type { StepAnswer } from "./project-steps";

export function ProjectMilestones({ project, answer }: { project: ProjectDetail; answer?: StepAnswer }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const doneAnswer = answer?.intent === "milestone_done" ? answer : undefined;
  const addAnswer = answer?.intent === "milestone_add" ? answer : undefined;
  const typed = (name: string) => (typeof addAnswer?.values[name] === "string" ? (addAnswer.values[name] as string) : "");
  return (
    <div className="space-y-3">
      {doneAnswer?.formError ? <Alert tone="error">{doneAnswer.formError}</Alert> : null}
      <ol className="space-y-2" data-testid="project-milestones">
        {project.milestones.map((m) => (
          <li key={m.id} data-testid="milestone" data-state={m.state}
            className={`rounded-md border p-3 ${m.state === "overdue" ? "border-red-300 bg-red-50" : "border-slate-200"}`}>
            <div className="flex flex-wrap items-center gap-2">
              <MilestoneStateBadge state={m.state} />
              <span className="break-words font-medium text-slate-900">{m.title}</span>
            </div>
            <p className="mt-1 text-sm text-slate-600">
              {t("projects.detail.due", { date: t.date(m.dueOn) })} · {t("projects.form.responsible")}：{m.responsibleCountyName}
            </p>
            {m.doneOn ? (
              <p className="mt-1 text-sm text-slate-600">
                {t("projects.detail.doneBy", { name: m.doneBy ?? "—", date: t.date(m.doneOn) })}
                {m.note ? `：${m.note}` : null}
              </p>
            ) : null}
            {m.mayMarkDone ? (
              <Form method="post" className="mt-2 flex flex-wrap items-end gap-2" data-testid="milestone-done-form">
                <input type="hidden" name="intent" value="milestone_done" />
                <input type="hidden" name="milestoneId" value={m.id} />
                <div className="min-w-0 flex-1">
                  <TextField name="note" id={`f-done-note-${m.id}`} label={t("projects.form.doneNote")} maxLength={NOTE_MAX}
                    error={doneAnswer?.values.milestoneId === String(m.id) ? doneAnswer.errors.note : undefined} />
                </div>
                <Button disabled={busy} className="min-h-12">{t("projects.detail.markDone")}</Button>
              </Form>
            ) : null}
          </li>
        ))}
      </ol>
      {project.mayAddMilestone ? (
        <Form method="post" className="space-y-2 rounded-md border border-dashed border-slate-300 p-3" data-testid="milestone-add-form">
          <input type="hidden" name="intent" value="milestone_add" />
          <p className="text-sm font-medium text-slate-700">{t("projects.detail.addMilestone")}</p>
          {addAnswer?.formError ? <Alert tone="error">{addAnswer.formError}</Alert> : null}
          <TextField name="title" id="f-milestone-title" label={t("projects.form.milestoneTitle")} maxLength={TITLE_MAX}
            defaultValue={typed("title")} error={addAnswer?.errors.title} />
          <div className="grid gap-2 sm:grid-cols-2">
            <TextField name="dueOn" id="f-milestone-dueOn" type="date" label={t("projects.form.dueOn")} defaultValue={typed("dueOn")} error={addAnswer?.errors.dueOn} />
            <SelectField name="responsibleCountyId" id="f-milestone-county" label={t("projects.form.responsible")}
              defaultValue={typed("responsibleCountyId") || String(project.sides[0]?.id ?? "")} error={addAnswer?.errors.responsibleCountyId}
              options={project.sides.map((s) => ({ value: String(s.id), label: s.name }))} />
          </div>
          <Button disabled={busy} variant="secondary" className="min-h-12">{t("projects.detail.addMilestone")}</Button>
        </Form>
      ) : null}
    </div>
  );
}
