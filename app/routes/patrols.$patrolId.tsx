import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { NoticeAlert } from "~/components/admin/notice";
import { ErrorPage } from "~/components/layout/error-page";
import { PatrolKindBadge, PatrolStatusBadge, usePatrolLabels } from "~/components/patrols/patrol-badges";
import { PatrolFacts, PatrolLog } from "~/components/patrols/patrol-facts";
import { PatrolFindings } from "~/components/patrols/patrol-findings";
import { PatrolSteps, type StepAnswer } from "~/components/patrols/patrol-steps";
import { LINK_NOTICES } from "~/components/records/record-links";
import { DiscussionLinks, DiscussionThread } from "~/components/records/record-discussion";
import { Card, PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { assertCan } from "~/modules/access/policy.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { formValues, parseForm } from "~/modules/forms/validation";
import { answerRefusal, conflict, formErrors } from "~/modules/hazards/answers.server";
import { describePatrol, requirePatrol } from "~/modules/patrols/detail.server";
import { findingPlacesOf, logFinding } from "~/modules/patrols/findings.server";
import { beijingLocalOf, findingSchema, parsePatrolStep } from "~/modules/patrols/schemas";
import { isPatrolAction, takePatrolStep } from "~/modules/patrols/steps.server";
import { answerDiscussionPost, recordDiscussion } from "~/modules/records/discussion.server";
import { readRecordPageForm } from "~/modules/records/thread-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const record = requirePatrol(viewer, params.patrolId);
  const patrol = describePatrol(viewer, record);
  return {
    patrol,
    places: patrol.mayLogFinding ? findingPlacesOf(viewer, record) : [],
    nowLocal: beijingLocalOf(Date.now()),
    ...recordDiscussion(viewer, record),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const record = requirePatrol(viewer, params.patrolId);
  const t = getTranslator(request);
  const formData = await readRecordPageForm(request);
  const intent = formData.get("intent");
  const here = `/patrols/${record.id}`;
  const shared = await answerDiscussionPost(viewer, record, formData, t, here);
  if (shared) return shared;
  const values = formValues(formData);
  if (intent === "finding") {
    assertCan(viewer, "patrol", "transition");
    const parsed = parseForm(findingSchema, formData, t);
    if (!parsed.ok) return formErrors({ intent, errors: parsed.errors, values: parsed.values });
    const logged = logFinding(viewer, record, parsed.data);
    if (!logged.ok) return answerRefusal(logged, t, values, intent, "patrols.error.conflict");
    throw redirect(`${here}?notice=finding#findings`);
  }
  if (!isPatrolAction(intent)) throw new Response("Bad Request", { status: 400 });
  assertCan(viewer, "patrol", "transition");
  const drawnFor = formData.get("status");
  if (typeof drawnFor === "string" && drawnFor !== record.status) return conflict(t, values, intent, "patrols.error.conflict");
  const parsed = parsePatrolStep(intent, formData, t);
  if (!parsed.ok) return formErrors({ intent, errors: parsed.errors, values: parsed.values });
  const result = takePatrolStep(viewer, record, intent, parsed.data as Record<string, unknown>);
  if (!result.ok) return answerRefusal(result, t, values, intent, "patrols.error.conflict");
  throw redirect(`${here}?notice=${intent}`);
}

const NOTICES = {
  planned: "patrols.notice.planned",
  start: "patrols.notice.start",
  complete: "patrols.notice.complete",
  cancel: "patrols.notice.cancel",
  finding: "patrols.notice.finding",
  posted: "thread.posted",
  ...LINK_NOTICES,
} as const;

export default function PatrolPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const { patrol, places, nowLocal } = data;
  const answer = useActionData<typeof action>();
  const labels = usePatrolLabels();
  const intent = answer && "intent" in answer ? answer.intent : undefined;
  const threadAnswer = intent === "thread" && answer && "values" in answer ? (answer as StepAnswer) : undefined;
  const linkAnswer = (intent === "link" || intent === "unlink") && answer && "errors" in answer ? answer : undefined;
  const findingAnswer = intent === "finding" && answer && "values" in answer ? (answer as StepAnswer) : undefined;
  const stepAnswer = !threadAnswer && !linkAnswer && !findingAnswer && answer && "values" in answer ? (answer as StepAnswer) : undefined;
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link to="/patrols" className="text-sm text-brand-700 hover:underline">← {t("patrols.detail.back")}</Link>
      <PageHeader
        title={<span className="break-words">{patrol.title}</span>}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <PatrolStatusBadge status={patrol.status} />
            <PatrolKindBadge kind={patrol.kind} />
          </div>
        }
      >
        <span className="font-mono" data-testid="patrol-ref">{patrol.refNo}</span> ·{" "}
        {t("patrols.detail.plannedBy", { name: patrol.plannerName, county: patrol.ownerCountyName, time: t.dateTime(patrol.createdAt) })}
      </PageHeader>
      <NoticeAlert notices={NOTICES} />
      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <div className="min-w-0 space-y-4">
          <Card title={t("patrols.detail.facts")}><PatrolFacts patrol={patrol} /></Card>
          <Card title={t("patrols.detail.log")}><PatrolLog patrol={patrol} /></Card>
          <div id="findings">
            <Card title={t("patrols.detail.findings")}>
              <PatrolFindings patrol={patrol} places={places} nowLocal={nowLocal} answer={findingAnswer} />
            </Card>
          </div>
        </div>
        <div className="min-w-0 space-y-4">
          {patrol.steps.length > 0 ? (
            <Card title={t("patrols.detail.steps")}>
              <PatrolSteps status={patrol.status} steps={patrol.steps} nowLocal={nowLocal} answer={stepAnswer} />
            </Card>
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
