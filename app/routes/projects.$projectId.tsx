/**
 * /projects/:projectId — one project: facts, milestones with their marks, the lead county's steps,
 * marking milestones done, adding them, the shared thread and links. 404 for a project the viewer
 * may not see, exactly as for a missing one.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { NoticeAlert } from "~/components/admin/notice";
import { ErrorPage } from "~/components/layout/error-page";
import { FieldBadge, ProjectOverdueBadge, ProjectStatusBadge, useProjectLabels } from "~/components/projects/project-badges";
import { ProjectFacts } from "~/components/projects/project-facts";
import { ProjectMilestones } from "~/components/projects/project-milestones";
import { ProjectSteps, type StepAnswer } from "~/components/projects/project-steps";
import { LINK_NOTICES } from "~/components/records/record-links";
import { DiscussionLinks, DiscussionThread } from "~/components/records/record-discussion";
import { Card, PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { requireUser } from "~/modules/auth/require-user.server";
import { describeProject, requireProject } from "~/modules/projects/detail.server";
import { answerProjectPost } from "~/modules/projects/page-actions.server";
import { answerDiscussionPost, recordDiscussion } from "~/modules/records/discussion.server";
import { readRecordPageForm } from "~/modules/records/thread-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const record = requireProject(viewer, params.projectId);
  return { project: describeProject(viewer, record), ...recordDiscussion(viewer, record) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const record = requireProject(viewer, params.projectId);
  const t = getTranslator(request);
  const formData = await readRecordPageForm(request);
  const intent = formData.get("intent");
  const here = `/projects/${record.id}`;
  const shared = await answerDiscussionPost(viewer, record, formData, t, here);
  if (shared) return shared;
  return answerProjectPost(viewer, record, intent, formData, t);
}

const NOTICES = {
  proposed: "projects.notice.proposed",
  activate: "projects.notice.activate",
  complete: "projects.notice.complete",
  suspend: "projects.notice.suspend",
  resume: "projects.notice.resume",
  milestone_done: "projects.notice.milestone_done",
  milestone_add: "projects.notice.milestone_add",
  posted: "thread.posted",
  ...LINK_NOTICES,
} as const;

export default function ProjectPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const { project } = data;
  const answer = useActionData<typeof action>();
  const labels = useProjectLabels();
  const threadAnswer = answer && answer.intent === "thread" && "values" in answer ? answer : undefined;
  const linkAnswer = answer && (answer.intent === "link" || answer.intent === "unlink") && "errors" in answer ? answer : undefined;
  const ownAnswer = answer && !threadAnswer && !linkAnswer && "values" in answer ? (answer as StepAnswer) : undefined;
  const milestoneAnswer = ownAnswer && (ownAnswer.intent === "milestone_done" || ownAnswer.intent === "milestone_add") ? ownAnswer : undefined;
  const stepAnswer = ownAnswer && !milestoneAnswer ? ownAnswer : undefined;
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link to="/projects" className="text-sm text-brand-700 hover:underline">← {t("projects.detail.back")}</Link>
      <PageHeader
        title={<span className="break-words">{project.title}</span>}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <ProjectStatusBadge status={project.status} />
            <FieldBadge field={project.field} />
            {project.overdue ? <ProjectOverdueBadge /> : null}
          </div>
        }
      >
        <span className="font-mono" data-testid="project-ref">{project.refNo}</span> ·{" "}
        {t("projects.detail.proposedBy", { name: project.proposerName, county: project.leadCountyName, time: t.dateTime(project.createdAt) })}
      </PageHeader>
      <NoticeAlert notices={NOTICES} />
      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <div className="min-w-0 space-y-4">
          <Card title={t("projects.detail.facts")}>
            <ProjectFacts project={project} />
          </Card>
          <Card title={t("projects.detail.milestones")}>
            <ProjectMilestones project={project} answer={milestoneAnswer} />
          </Card>
        </div>
        <div className="min-w-0 space-y-4">
          {project.steps.length > 0 ? (
            <Card title={t("projects.detail.actions")}>
              <ProjectSteps status={project.status} steps={project.steps} answer={stepAnswer} />
            </Card>
          ) : !project.isLead && project.status !== "completed" ? (
            <p className="text-sm text-slate-600">{t("projects.detail.leadOnly")}</p>
          ) : null}
          <DiscussionLinks discussion={data} answer={linkAnswer} />
        </div>
      </div>
      <div id="thread">
        <DiscussionThread discussion={data} labels={labels} answer={threadAnswer} />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
