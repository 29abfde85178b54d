import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { NoticeAlert } from "~/components/admin/notice";
import { DisputeActions } from "~/components/disputes/dispute-actions";
import { DisputeStatusBadge, RiskBadge, useDisputeLabels } from "~/components/disputes/dispute-badges";
import { DisputeFacts, DisputeParties } from "~/components/disputes/dispute-facts";
import { DisputeSessions } from "~/components/disputes/dispute-sessions";
import { LeadCounty } from "~/components/disputes/lead-county";
import { ReturnVisits } from "~/components/disputes/return-visits";
import { ErrorPage } from "~/components/layout/error-page";
import { LINK_NOTICES, RecordLinks } from "~/components/records/record-links";
import { RecordThread } from "~/components/thread/record-thread";
import { buttonLinkClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/feedback";
import { todayInChina } from "~/i18n";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { describeDispute, detailsOf, requireDispute } from "~/modules/disputes/detail.server";
import { leadChoices, mayChangeLead } from "~/modules/disputes/lead.server";
import { DISPUTE_MACHINE } from "~/modules/disputes/machine";
import { committeesOf } from "~/modules/disputes/places.server";
import { handleDisputePost } from "~/modules/disputes/page-actions.server";
import { listSessions, mayLogSessions, mediatorChoices, sessionsOpen } from "~/modules/disputes/sessions.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { recordDiscussion } from "~/modules/records/discussion.server";
import { readRecordPageForm } from "~/modules/records/thread-form.server";
import { transitionsForViewer } from "~/modules/records/transitions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const record = requireDispute(viewer, params.disputeId);
  const dispute = describeDispute(viewer, record);
  const choices = transitionsForViewer(viewer, record, DISPUTE_MACHINE).map(({ action, requires }) => ({ action, requires }));
  const logs = mayLogSessions(viewer) && sessionsOpen(record);
  const details = detailsOf(record.id);
  return {
    dispute,
    ...recordDiscussion(viewer, record),
    choices,
    committees: choices.some((c) => c.action === "assess") && record.pactId !== null ? committeesOf([record.pactId]) : [],
    sessions: listSessions(record.id),
    mayLogSessions: logs,
    mediators: logs ? mediatorChoices(record) : [],
    leadChoices: mayChangeLead(viewer, details) ? leadChoices(record, details) : [],
    showAgreement: dispute.status === "resolved" || dispute.status === "followed_up",
    today: todayInChina(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const record = requireDispute(viewer, params.disputeId);
  const formData = await readRecordPageForm(request);
  return handleDisputePost(viewer, record, formData, getTranslator(request));
}

const NOTICES = {
  reported: "disputes.notice.reported",
  registered: "disputes.notice.registered",
  register: "disputes.notice.register",
  assess: "disputes.notice.assess",
  mediate: "disputes.notice.mediate",
  resolve: "disputes.notice.resolve",
  stabilise: "disputes.notice.stabilise",
  fail: "disputes.notice.fail",
  reopen: "disputes.notice.reopen",
  follow_up: "disputes.notice.follow_up",
  lead: "disputes.notice.lead",
  session: "disputes.notice.session",
  posted: "thread.posted",
  ...LINK_NOTICES,
} as const;

type Answer = { intent?: string; errors?: Record<string, string>; values?: Record<string, string | string[]>; formError?: string };

export default function DisputePage() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const { dispute, entries, choices } = loaded;
  const answer = useActionData<typeof action>() as Answer | undefined;
  const labels = useDisputeLabels();
  const only = (...intents: string[]) => (answer && intents.includes(answer.intent ?? "") ? answer : undefined);
  const stepAnswer = answer && !["thread", "link", "unlink", "session", "lead"].includes(answer.intent ?? "") ? answer : undefined;
  const linkAnswer = only("link", "unlink");
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link to="/disputes" className="text-sm text-brand-700 hover:underline">
        ← {t("disputes.detail.back")}
      </Link>
      <PageHeader
        title={<span className="break-words">{dispute.title}</span>}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <DisputeStatusBadge status={dispute.status} />
            <RiskBadge risk={dispute.escalationRisk} />
          </div>
        }
      >
        <span className="font-mono" data-testid="dispute-ref">{dispute.refNo}</span> ·{" "}
        {t("disputes.detail.reportedBy", { name: dispute.reporterName, county: dispute.ownerCountyName, time: t.dateTime(dispute.createdAt) })}
      </PageHeader>
      <NoticeAlert notices={NOTICES} />
      {loaded.showAgreement ? (
        <div className="flex flex-wrap items-center gap-3 rounded-lg border border-green-200 bg-green-50 p-3" data-testid="agreement-link">
          <Link to={`/disputes/${dispute.id}/agreement`} className={buttonLinkClass()}>
            {t("disputes.detail.agreement")}
          </Link>
          <span className="text-sm text-green-900">{t("disputes.detail.agreementHint")}</span>
        </div>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-4">
          <Card title={t("disputes.detail.facts")}>
            <DisputeFacts dispute={dispute} />
            {dispute.description ? (
              <div className="mt-4 border-t border-slate-100 pt-3">
                <h3 className="text-sm text-slate-500">{t("disputes.detail.description")}</h3>
                <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-900">{dispute.description}</p>
              </div>
            ) : null}
          </Card>
          <DisputeParties dispute={dispute} />
          {choices.length > 0 ? (
            <Card title={t("disputes.detail.actions")}>
              <DisputeActions status={dispute.status} choices={choices} committees={loaded.committees} today={loaded.today} answer={stepAnswer} />
            </Card>
          ) : null}
          <DisputeSessions sessions={loaded.sessions} mediators={loaded.mediators} mayLog={loaded.mayLogSessions} today={loaded.today} answer={only("session")} />
        </div>
        <div className="space-y-4">
          <LeadCounty leadCountyName={dispute.leadCountyName} choices={loaded.leadChoices} history={entries} answer={only("lead")} />
          <ReturnVisits visits={dispute.returnVisits} />
          <RecordLinks
            links={loaded.links}
            canLink={loaded.canLink}
            errors={linkAnswer?.errors}
            refNo={typeof linkAnswer?.values?.refNo === "string" ? linkAnswer.values.refNo : undefined}
          />
        </div>
      </div>

      <div id="thread">
        <RecordThread
          entries={entries}
          permissions={loaded.permissions}
          statusLabel={labels.statusLabel}
          actionLabel={labels.actionLabel}
          errors={only("thread")?.errors}
          values={only("thread")?.values}
          attachmentLimits={loaded.attachmentLimits}
          linkedRecords={loaded.linkedRecords}
        />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
