import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { NoticeAlert } from "~/components/admin/notice";
import { ErrorPage } from "~/components/layout/error-page";
import { NoticeOverdueBadge, NoticeStatusBadge, RestrictionBadge, UrgencyBadge, useNoticeLabels } from "~/components/notices/notice-badges";
import { HandlingBanner, NoticeFacts, ReceiptsTable } from "~/components/notices/notice-facts";
import { NoticeSteps } from "~/components/notices/notice-steps";
import { LINK_NOTICES } from "~/components/records/record-links";
import { DiscussionLinks, DiscussionThread } from "~/components/records/record-discussion";
import { Alert, Card, PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { assertCan } from "~/modules/access/policy.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { formValues } from "~/modules/forms/validation";
import { answerRefusal, conflict, formErrors } from "~/modules/hazards/answers.server";
import { describeNotice, requireNotice } from "~/modules/notices/detail.server";
import { parseNoticeStep } from "~/modules/notices/schemas";
import { isNoticeAction, noticeStepRefusal, takeNoticeStep } from "~/modules/notices/steps.server";
import { answerDiscussionPost, recordDiscussion } from "~/modules/records/discussion.server";
import { readRecordPageForm } from "~/modules/records/thread-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const record = requireNotice(viewer, params.noticeId);
  const notice = describeNotice(viewer, record);
  return {
    notice,
    ...recordDiscussion(viewer, record),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const record = requireNotice(viewer, params.noticeId);
  const t = getTranslator(request);
  const formData = await readRecordPageForm(request);
  const intent = formData.get("intent");
  const here = `/notices/${record.id}`;
  const shared = await answerDiscussionPost(viewer, record, formData, t, here);
  if (shared) return shared;
  if (!isNoticeAction(intent)) throw new Response("Bad Request", { status: 400 });
  assertCan(viewer, "notice", "transition");
  const values = formValues(formData);
  const drawnFor = formData.get("status");
  if (typeof drawnFor === "string" && drawnFor !== record.status) return conflict(t, values, intent, "notices.error.conflict");
  const refusal = noticeStepRefusal(viewer, record, intent);
  if (refusal) return answerRefusal(refusal, t, values, intent, "notices.error.conflict");
  const parsed = parseNoticeStep(intent, formData, t);
  if (!parsed.ok) return formErrors({ intent, errors: parsed.errors, values: parsed.values });
  const result = takeNoticeStep(viewer, record, intent, parsed.data as Record<string, unknown>);
  if (!result.ok) return answerRefusal(result, t, values, intent, "notices.error.conflict");
  throw redirect(`${here}?notice=${intent}`);
}

const NOTICES = {
  sent: "notices.notice.sent",
  sign: "notices.notice.sign",
  report_result: "notices.notice.report_result",
  conclude: "notices.notice.conclude",
  cancel: "notices.notice.cancel",
  posted: "thread.posted",
  ...LINK_NOTICES,
} as const;

export default function NoticePage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const { notice } = data;
  const answer = useActionData<typeof action>();
  const [params] = useSearchParams();
  const labels = useNoticeLabels();
  const threadAnswer = answer && answer.intent === "thread" && "values" in answer ? answer : undefined;
  const linkAnswer = answer && (answer.intent === "link" || answer.intent === "unlink") && "errors" in answer ? answer : undefined;
  const stepAnswer = answer && !threadAnswer && !linkAnswer && answer.intent !== "thread" && "values" in answer ? answer : undefined;
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link to="/notices" className="text-sm text-brand-700 hover:underline">← {t("notices.detail.back")}</Link>
      <PageHeader
        title={<span className="break-words">{notice.title}</span>}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <NoticeStatusBadge status={notice.status} />
            {notice.overdue ? <NoticeOverdueBadge /> : null}
            <UrgencyBadge urgency={notice.urgency} />
            <RestrictionBadge policeOnly={notice.policeOnly} />
          </div>
        }
      >
        <span className="font-mono" data-testid="notice-ref">{notice.refNo}</span> ·{" "}
        {t("notices.detail.sentBy", { name: notice.senderName, county: notice.ownerCountyName, time: t.dateTime(notice.createdAt) })}
      </PageHeader>
      <HandlingBanner notice={notice} />
      <NoticeAlert notices={NOTICES} />
      {params.get("notice") === "sentPhotosFailed" ? <Alert tone="warning">{t("notices.notice.sentPhotosFailed")}</Alert> : null}
      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-4">
          <Card title={t("notices.detail.facts")}>
            <NoticeFacts notice={notice} />
          </Card>
          <Card title={t("notices.detail.receipts")}>
            <ReceiptsTable receipts={notice.receipts} />
          </Card>
          {notice.steps.length > 0 ? (
            <Card title={t("notices.detail.actions")}>
              <NoticeSteps status={notice.status} steps={notice.steps} answer={stepAnswer as never} />
            </Card>
          ) : null}
        </div>
        <div className="space-y-4">
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
