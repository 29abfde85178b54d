import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { NoticeAlert } from "~/components/admin/notice";
import { HazardActions } from "~/components/hazards/hazard-actions";
import { HazardStatusBadge, OverdueBadge, SeverityBadge, useHazardLabels } from "~/components/hazards/hazard-badges";
import { HazardFacts } from "~/components/hazards/hazard-facts";
import { HazardHistory } from "~/components/hazards/hazard-history";
import { ErrorPage } from "~/components/layout/error-page";
import { LINK_NOTICES } from "~/components/records/record-links";
import { DiscussionLinks, DiscussionThread } from "~/components/records/record-discussion";
import { Alert, Card, PageHeader } from "~/components/ui/feedback";
import { todayInChina } from "~/i18n";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { assertCan } from "~/modules/access/policy.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { formValues } from "~/modules/forms/validation";
import { answerRefusal, conflict, formErrors } from "~/modules/hazards/answers.server";
import { chinaDateOf } from "~/modules/hazards/deadlines";
import { describeHazard, requireHazard, responsibleChoices } from "~/modules/hazards/detail.server";
import { HAZARD_MACHINE, isHazardAction } from "~/modules/hazards/machine";
import { parseStepForm } from "~/modules/hazards/schemas";
import { stepRefusal, transitionHazard } from "~/modules/hazards/steps.server";
import { answerDiscussionPost, recordDiscussion } from "~/modules/records/discussion.server";
import { readRecordPageForm } from "~/modules/records/thread-form.server";
import { transitionsForViewer } from "~/modules/records/transitions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const record = requireHazard(viewer, params.hazardId);
  const hazard = describeHazard(viewer, record);
  const choices = transitionsForViewer(viewer, record, HAZARD_MACHINE).map(({ action, requires }) => ({ action, requires }));
  return {
    hazard,
    ...recordDiscussion(viewer, record),
    choices,
    responsible: choices.some((c) => c.requires.includes("responsibleCountyId")) ? responsibleChoices(record) : [],
    today: todayInChina(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const record = requireHazard(viewer, params.hazardId);
  const t = getTranslator(request);
  const formData = await readRecordPageForm(request);
  const intent = formData.get("intent");
  const here = `/hazards/${record.id}`;
  const shared = await answerDiscussionPost(viewer, record, formData, t, here);
  if (shared) return shared;
  if (!isHazardAction(intent)) throw new Response("Bad Request", { status: 400 });
  assertCan(viewer, "hazard", "transition");
  const values = formValues(formData);
  // The form names the status it was drawn for: a step on a page gone stale is a conflict.
  const drawnFor = formData.get("status");
  if (typeof drawnFor === "string" && drawnFor !== record.status) return conflict(t, values, intent);
  const refusal = stepRefusal(viewer, record, intent);
  if (refusal) return answerRefusal(refusal, t, values, intent);
  const parsed = parseStepForm(intent, formData, t);
  if (!parsed.ok) return formErrors({ intent, errors: parsed.errors, values: parsed.values });
  const result = transitionHazard(viewer, record, intent, parsed.data);
  if (!result.ok) return answerRefusal(result, t, values, intent);
  throw redirect(`${here}?notice=${intent}`);
}

const NOTICES = {
  reported: "hazards.notice.reported",
  verify: "hazards.notice.verify",
  rectify: "hazards.notice.rectify",
  adjust: "hazards.notice.adjust",
  eliminate: "hazards.notice.eliminate",
  dismiss: "hazards.notice.dismiss",
  posted: "thread.posted",
  ...LINK_NOTICES,
} as const;

export default function HazardPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const { hazard, choices, responsible, today } = data;
  const answer = useActionData<typeof action>();
  const [params] = useSearchParams();
  const labels = useHazardLabels();
  const threadAnswer = answer && answer.intent === "thread" && "values" in answer ? answer : undefined;
  const linkAnswer = answer && (answer.intent === "link" || answer.intent === "unlink") && "errors" in answer ? answer : undefined;
  const stepAnswer = answer && !threadAnswer && !linkAnswer && answer.intent !== "thread" ? answer : undefined;
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link to="/hazards" className="text-sm text-brand-700 hover:underline">
        ← {t("hazards.detail.back")}
      </Link>
      <PageHeader
        title={<span className="break-words">{hazard.title}</span>}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <HazardStatusBadge status={hazard.status} />
            {hazard.overdue ? <OverdueBadge /> : null}
            <SeverityBadge severity={hazard.severity} />
          </div>
        }
      >
        <span className="font-mono" data-testid="hazard-ref">{hazard.refNo}</span> ·{" "}
        {t("hazards.detail.reportedBy", { name: hazard.reporterName, county: hazard.ownerCountyName, time: t.dateTime(hazard.createdAt) })}
      </PageHeader>
      <NoticeAlert notices={NOTICES} />
      {params.get("notice") === "reportedPhotosFailed" ? <Alert tone="warning">{t("hazards.notice.reportedPhotosFailed")}</Alert> : null}

      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-4">
          <Card title={t("hazards.detail.facts")}>
            <HazardFacts hazard={hazard} />
            {hazard.description ? (
              <div className="mt-4 border-t border-slate-100 pt-3">
                <h3 className="text-sm text-slate-500">{t("hazards.detail.description")}</h3>
                <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-900">{hazard.description}</p>
              </div>
            ) : null}
          </Card>
          {choices.length > 0 ? (
            <Card title={t("hazards.detail.actions")}>
              <HazardActions
                status={hazard.status}
                choices={choices}
                responsible={responsible}
                current={{ measures: hazard.measures, deadlineDate: hazard.deadline === null ? null : chinaDateOf(hazard.deadline) }}
                today={today}
                answer={stepAnswer}
              />
            </Card>
          ) : null}
        </div>
        <div className="space-y-4">
          <HazardHistory entries={data.entries} />
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
