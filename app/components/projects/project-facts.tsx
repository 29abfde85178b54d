/** The facts of a project: field, sides, pact, term, budget, each side's contribution, the plan. */
import { useT } from "~/i18n/use-t";
import type { ProjectDetail } from "~/modules/projects/detail.server";
import { useProjectLabels } from "./project-badges";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[6rem_1fr] gap-2 py-1 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="whitespace-pre-wrap break-words text-slate-900">{children}</dd>
    </div>
  );
}

export function ProjectFacts({ project }: { project: ProjectDetail }) {
  const t = useT();
  const { fieldLabel, termLabel, budgetLabel } = useProjectLabels();
  return (
    <dl data-testid="project-facts">
      <Row label={t("projects.form.field")}>{fieldLabel(project.field)}</Row>
      <Row label={t("projects.detail.lead")}>{project.leadCountyName}</Row>
      <Row label={t("projects.detail.partners")}>{project.partners.map((p) => p.name).join("、")}</Row>
      {project.pact ? <Row label={t("projects.detail.pact")}>{project.pact.title}</Row> : null}
      <Row label={t("projects.detail.term")}>{termLabel(project.startsOn, project.endsOn)}</Row>
      <Row label={t("projects.detail.budget")}>{budgetLabel(project.budget)}</Row>
      <Row label={t("projects.form.description")}>{project.description}</Row>
      <Row label={t("projects.form.contributions")}>
        {project.contributions.length === 0
          ? t("projects.detail.noContributions")
          : project.contributions.map((c, i) => (
            <div key={i}>
              {c.countyName ? <span className="font-medium">{c.countyName}：</span> : null}
              {c.words}
            </div>
          ))}
      </Row>
      <Row label={t("projects.detail.plan")}>
        {project.plan ? (
          <a href={`/files/${project.plan.id}`} className="text-brand-700 underline" data-testid="project-plan">
            {project.plan.fileName}
          </a>
        ) : (
          t("projects.detail.noPlan")
        )}
      </Row>
      {project.completedAt ? <Row label={t("projects.detail.completedAt")}>{t.dateTime(project.completedAt)}</Row> : null}
    </dl>
  );
}
