/**
 * /meetings/actions/:id — an action item (督办事项): what was decided, the responsible county, owner
 * and deadline, overdue or done, the meeting it came from, the steps (done by the responsible
 * county, reopened by either side) and its own shared thread.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { NoticeAlert } from "~/components/admin/notice";
import { ErrorPage } from "~/components/layout/error-page";
import { MeetingStatusBadge, OverdueBadge, useMeetingLabels } from "~/components/meetings/meeting-badges";
import { NoteSteps, type StepAnswer } from "~/components/meetings/meeting-steps";
import { LINK_NOTICES } from "~/components/records/record-links";
import { DiscussionLinks, DiscussionThread } from "~/components/records/record-discussion";
import { Card, PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { requireUser } from "~/modules/auth/require-user.server";
import { describeActionItem, isActionItemRecord, requireMeetingRecord } from "~/modules/meetings/detail.server";
import { handleMeetingPagePost } from "~/modules/meetings/page-post.server";
import { recordDiscussion } from "~/modules/records/discussion.server";
import { readRecordPageForm } from "~/modules/records/thread-form.server";

function requireActionItem(request: Request, raw: string | undefined) {
  return requireUser(request).then((viewer) => {
    const record = requireMeetingRecord(viewer, raw);
    if (!isActionItemRecord(record)) throw new Response("Not Found", { status: 404 });
    return { viewer, record };
  });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, record } = await requireActionItem(request, params.actionId);
  return { item: describeActionItem(viewer, record), ...recordDiscussion(viewer, record) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, record } = await requireActionItem(request, params.actionId);
  return handleMeetingPagePost(viewer, record, await readRecordPageForm(request), getTranslator(request), `/meetings/actions/${record.id}`);
}

const NOTICES = { complete: "meetings.notice.complete", reopen: "meetings.notice.reopen", posted: "thread.posted", ...LINK_NOTICES } as const;

export default function ActionItemPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const { item } = data;
  const answer = useActionData<typeof action>() as (StepAnswer & { intent?: string }) | undefined;
  const labels = useMeetingLabels();
  const threadAnswer = answer?.intent === "thread" ? answer : undefined;
  const linkAnswer = answer?.intent === "link" || answer?.intent === "unlink" ? answer : undefined;
  const stepAnswer = answer && !threadAnswer && !linkAnswer ? answer : undefined;
  const rows: [string, string][] = [
    [t("meetings.item.responsible"), item.responsibleCountyName],
    [t("meetings.item.owner"), item.ownerName ?? ""],
    [t("meetings.item.deadline"), t.date(item.deadline)],
    [t("meetings.field.pact"), item.pact?.title ?? ""],
  ];
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link to="/meetings?view=actions" className="text-sm text-brand-700 hover:underline">← {t("meetings.item.back")}</Link>
      <PageHeader
        title={<span className="break-words">{item.title}</span>}
        actions={<div className="flex flex-wrap items-center gap-2"><MeetingStatusBadge status={item.status} />{item.overdue ? <OverdueBadge /> : null}</div>}
      >
        <span className="font-mono" data-testid="action-ref">{item.refNo}</span>
      </PageHeader>
      <NoticeAlert notices={NOTICES} />
      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-4">
          <Card title={t("meetings.item.facts")}>
            <p className="whitespace-pre-wrap break-words text-sm text-slate-900" data-testid="action-text">{item.text}</p>
            <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm" data-testid="action-facts">
              {rows.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-slate-500">{label}</dt>
                  <dd className="break-words text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
            {item.doneAt ? (
              <p className="mt-3 text-sm text-green-800">{t("meetings.item.doneBy", { name: item.doneByName ?? "", time: t.dateTime(item.doneAt) })}</p>
            ) : null}
          </Card>
          <Card title={t("meetings.item.meeting")}>
            {item.meeting ? (
              <Link to={`/meetings/${item.meeting.id}`} className="block text-sm text-brand-700 hover:underline" data-testid="action-meeting">
                <span className="font-mono">{item.meeting.refNo}</span> {item.meeting.title}
                {item.meeting.startsAt ? <span className="block text-xs text-slate-500">{t.dateTime(item.meeting.startsAt)}</span> : null}
              </Link>
            ) : (
              <p className="text-sm text-slate-500">{t("meetings.item.meetingHidden")}</p>
            )}
          </Card>
        </div>
        <div className="space-y-4">
          <Card title={t("meetings.detail.steps")}>
            <NoteSteps status={item.status} steps={item.steps} answer={stepAnswer} />
            {item.status === "open" && !item.isResponsible ? <p className="mt-2 text-xs text-slate-500">{t("meetings.item.responsibleOnly")}</p> : null}
          </Card>
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
