/**
 * /meetings/:id/briefing — the briefing pack (会议材料) of a joint meeting on one A4 page, printable
 * with or without JavaScript. Not nested in the meeting page's layout (`_`): on paper it stands
 * alone. Everything on it is restricted to the meeting's pact and to what the viewer may see.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page";
import { FiguresTable } from "~/components/stats/figures-table";
import { BriefingDocument, BriefingPrintButton } from "~/components/meetings/briefing-document";
import { PageHeader } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { requireUser } from "~/modules/auth/require-user.server";
import { briefingSections } from "~/modules/meetings/briefing.server";
import { pactFigures } from "~/modules/stats/figures.server";
import { describeMeeting, isActionItemRecord, requireMeetingRecord } from "~/modules/meetings/detail.server";
import printStyles from "~/styles/print-briefing.css";

/** A4 print rules of this page only (a stylesheet: the page policy allows no inline style). */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: printStyles }];

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `会议材料 ${d.meeting.refNo}` : "会议材料" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const record = requireMeetingRecord(viewer, params.meetingId);
  if (isActionItemRecord(record)) throw new Response("Not Found", { status: 404 });
  const now = Date.now();
  const meeting = describeMeeting(viewer, record, now);
  const { refNo, title, startsAt, placeText, hostCountyName, level, pact, attendees, otherAttendees, agenda, id } = meeting;
  const sections = briefingSections(viewer, record, startsAt, now);
  const period = { from: sections.period.from, to: sections.period.to };
  return {
    figures: record.pactId === null ? null : pactFigures(viewer, record.pactId, period, now),
    meeting: { id, refNo, title, startsAt, placeText, hostCountyName, level, pact, attendees, otherAttendees, agenda },
    sections,
    generatedAt: now,
  };
}

export default function BriefingPage() {
  const t = useT();
  const doc = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-4xl space-y-4 print:max-w-none print:space-y-0">
      <div className="space-y-4 print:hidden">
        <Link to={`/meetings/${doc.meeting.id}`} className="text-sm text-brand-700 hover:underline">← {t("meetings.briefing.back")}</Link>
        <PageHeader title={t("meetings.briefing.pageTitle", { refNo: doc.meeting.refNo })} actions={<BriefingPrintButton />}>
          <span className="break-words">{doc.meeting.title}</span>
          <span className="block text-xs text-slate-500">{t("meetings.briefing.printHint")}</span>
        </PageHeader>
      </div>
      <BriefingDocument doc={doc} figures={doc.figures ? <FiguresTable data={doc.figures} /> : <p className="text-sm text-slate-600">{t("meetings.briefing.figuresNone")}</p>} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
