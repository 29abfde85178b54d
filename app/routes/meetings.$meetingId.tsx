/**
 * /meetings/:id — a joint meeting: facts, attendees, agenda (linked records named only when the
 * viewer may see them), the briefing pack, minutes and the action items they opened, the steps,
 * links and the shared thread. An action item's id is sent on to /meetings/actions/:id.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { NoticeAlert } from "~/components/admin/notice";
import { ErrorPage } from "~/components/layout/error-page";
import { MeetingStatusBadge, useMeetingLabels } from "~/components/meetings/meeting-badges";
import { AgendaList, AttendeeList, MeetingActionItems, MeetingFacts } from "~/components/meetings/meeting-facts";
import { AttendeesForm, NoteSteps, type StepAnswer } from "~/components/meetings/meeting-steps";
import { MinutesForm } from "~/components/meetings/minutes-form";
import { LINK_NOTICES } from "~/components/records/record-links";
import { DiscussionLinks, DiscussionThread } from "~/components/records/record-discussion";
import { buttonLinkClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/feedback";
import { todayInChina } from "~/i18n";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { requireUser } from "~/modules/auth/require-user.server";
import { describeMeeting, isActionItemRecord, requireMeetingRecord } from "~/modules/meetings/detail.server";
import { handleMeetingPagePost } from "~/modules/meetings/page-post.server";
import { recordDiscussion } from "~/modules/records/discussion.server";
import { readRecordPageForm } from "~/modules/records/thread-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const record = requireMeetingRecord(viewer, params.meetingId);
  if (isActionItemRecord(record)) throw redirect(`/meetings/actions/${record.id}`);
  return { meeting: describeMeeting(viewer, record), today: todayInChina(), ...recordDiscussion(viewer, record) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const record = requireMeetingRecord(viewer, params.meetingId);
  const here = isActionItemRecord(record) ? `/meetings/actions/${record.id}` : `/meetings/${record.id}`;
  return handleMeetingPagePost(viewer, record, await readRecordPageForm(request), getTranslator(request), here);
}

const NOTICES = {
  scheduled: "meetings.notice.scheduled",
  hold: "meetings.notice.hold",
  cancel: "meetings.notice.cancel",
  attendees: "meetings.notice.attendees",
  posted: "thread.posted",
  ...LINK_NOTICES,
} as const;

export default function MeetingPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const { meeting, today } = data;
  const answer = useActionData<typeof action>() as (StepAnswer & { intent?: string }) | undefined;
  const labels = useMeetingLabels();
  const threadAnswer = answer?.intent === "thread" ? answer : undefined;
  const linkAnswer = answer?.intent === "link" || answer?.intent === "unlink" ? answer : undefined;
  const stepAnswer = answer && !threadAnswer && !linkAnswer ? answer : undefined;
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link to="/meetings" className="text-sm text-brand-700 hover:underline">← {t("meetings.detail.back")}</Link>
      <PageHeader title={<span className="break-words">{meeting.title}</span>} actions={<MeetingStatusBadge status={meeting.status} />}>
        <span className="font-mono" data-testid="meeting-ref">{meeting.refNo}</span> ·{" "}
        {t("meetings.detail.createdBy", { name: meeting.createdByName, time: t.dateTime(meeting.createdAt) })}
      </PageHeader>
      <NoticeAlert notices={NOTICES} />
      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-4">
          <Card title={t("meetings.detail.facts")}>
            <MeetingFacts meeting={meeting} />
          </Card>
          <Card title={t("meetings.detail.agenda")}>
            <AgendaList agenda={meeting.agenda} />
          </Card>
          {meeting.status === "held" ? (
            <Card title={t("meetings.detail.minutes")}>
              <p className="whitespace-pre-wrap break-words text-sm text-slate-900" data-testid="meeting-minutes">{meeting.minutes}</p>
              {meeting.heldAt ? <p className="mt-2 text-xs text-slate-500">{t("meetings.detail.heldAt", { time: t.dateTime(meeting.heldAt) })}</p> : null}
            </Card>
          ) : null}
          {meeting.status === "held" ? (
            <Card title={t("meetings.detail.actionItems")}>
              <MeetingActionItems items={meeting.actionItems} />
            </Card>
          ) : null}
          {meeting.steps.includes("hold") ? (
            <Card title={t("meetings.detail.holdTitle")}>
              <MinutesForm status={meeting.status} counties={meeting.decisionCounties} today={today} answer={stepAnswer} />
            </Card>
          ) : null}
        </div>
        <div className="space-y-4">
          <Card title={t("meetings.detail.briefing")}>
            <p className="mb-3 text-sm text-slate-600">{t("meetings.detail.briefingHint")}</p>
            <Link to={`/meetings/${meeting.id}/briefing`} className={buttonLinkClass("secondary")} data-testid="open-briefing">
              {t("meetings.detail.openBriefing")}
            </Link>
          </Card>
          <Card title={t("meetings.detail.attendees")}>
            <AttendeeList meeting={meeting} />
            {meeting.attendeeChoices ? (
              <div className="mt-4 border-t border-slate-200 pt-3">
                <AttendeesForm own={meeting.attendeeChoices.own} chosen={meeting.attendeeChoices.chosen} answer={stepAnswer} />
              </div>
            ) : null}
          </Card>
          {meeting.steps.some((s) => s !== "hold") ? (
            <Card title={t("meetings.detail.steps")}>
              <NoteSteps status={meeting.status} steps={meeting.steps} answer={stepAnswer} />
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
