/**
 * The briefing pack (会议材料) as a document: on screen inside a sheet, on paper alone on A4 (the
 * page's print styles hide everything else). Every list comes already restricted to the pact and
 * to what the viewer may see, so the printout follows the same rule as the page.
 */
import type { ReactNode } from "react";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n";
import type { BriefingSections } from "~/modules/meetings/briefing.server";
import type { MeetingDetail } from "~/modules/meetings/detail.server";
import { LOOKBACK_DAYS } from "~/modules/meetings/vocabulary";
import { useMeetingLabels } from "./meeting-badges";
import { PrintButton } from "~/components/ui/print";

export interface BriefingData {
  meeting: Pick<MeetingDetail, "refNo" | "title" | "startsAt" | "placeText" | "hostCountyName" | "level" | "pact" | "attendees" | "otherAttendees" | "agenda">;
  sections: BriefingSections;
  generatedAt: number;
}

function Section({ title, testId, count, children }: { title: string; testId: string; count?: number; children: ReactNode }) {
  return (
    <section className="mt-6 break-inside-avoid-page" data-testid={testId} data-count={count}>
      <h2 className="border-b border-slate-800 pb-1 text-base font-semibold">{title}</h2>
      <div className="mt-2">{children}</div>
    </section>
  );
}

function Table({ head, rows, empty }: { head: string[]; rows: ReactNode[][]; empty: string }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <div className="overflow-x-auto print:overflow-visible">
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} className="border border-slate-400 bg-slate-50 px-2 py-1 text-left font-medium print:bg-white">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, i) => (
            <tr key={i}>
              {cells.map((c, j) => (
                <td key={j} className="border border-slate-400 px-2 py-1 align-top break-words">{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function BriefingDocument({ doc, figures }: { doc: BriefingData; figures: ReactNode }) {
  const t = useT();
  const { levelLabel } = useMeetingLabels();
  const { meeting, sections } = doc;
  const { period } = sections;
  const col = (k: string) => t(`meetings.briefing.col.${k}` as MessageKey);
  const none = t("meetings.briefing.none");
  const ref = (r: string) => <span className="font-mono text-xs">{r}</span>;
  return (
    <article className="briefing-sheet mx-auto max-w-[210mm] bg-white px-4 py-6 text-[14px] text-slate-900 shadow-sm ring-1 ring-slate-200 sm:px-10 print:max-w-none print:p-0 print:shadow-none print:ring-0"
      data-testid="briefing-document">
      <header className="text-center">
        <p className="text-sm">{meeting.pact?.title}</p>
        <h1 className="mt-2 text-2xl font-bold tracking-widest">{t("meetings.briefing.title")}</h1>
        <p className="mt-1 font-mono text-sm">{meeting.refNo}</p>
      </header>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("meetings.briefing.meeting")}</dt>
        <dd className="break-words">{meeting.title}（{levelLabel(meeting.level)}，{t("meetings.detail.hostedBy", { county: meeting.hostCountyName })}）</dd>
        <dt className="text-slate-600">{t("meetings.briefing.when")}</dt>
        <dd>{t.dateTime(meeting.startsAt)}</dd>
        <dt className="text-slate-600">{t("meetings.briefing.where")}</dt>
        <dd className="break-words">{meeting.placeText}</dd>
        <dt className="text-slate-600">{t("meetings.detail.attendees")}</dt>
        <dd className="break-words">
          {[...meeting.attendees.map((a) => `${a.name}（${a.countyName}）`), ...(meeting.otherAttendees ? [meeting.otherAttendees] : [])].join("、") || t("meetings.detail.noAttendees")}
        </dd>
      </dl>
      {meeting.agenda.length > 0 ? (
        <div className="mt-3 text-sm">
          <p className="text-slate-600">{t("meetings.briefing.agenda")}</p>
          <ol className="list-decimal pl-6">
            {meeting.agenda.map((a) => (
              <li key={a.id} className="break-words">{a.title}{a.linked ? <span className="ml-1 font-mono text-xs">（{a.linked.refNo}）</span> : null}</li>
            ))}
          </ol>
        </div>
      ) : null}
      <p className="mt-4 text-sm" data-testid="briefing-period">
        {t("meetings.briefing.period", { from: t.date(period.from), to: t.date(period.to) })}；
        {period.previousMeeting
          ? t("meetings.briefing.previous", { refNo: period.previousMeeting.refNo, date: t.dateTime(period.previousMeeting.startsAt) })
          : t("meetings.briefing.noPrevious", { days: LOOKBACK_DAYS })}
      </p>

      <Section title={t("meetings.briefing.figures")} testId="briefing-figures">{figures}</Section>

      <Section title={t("meetings.briefing.actionItems")} testId="briefing-actions" count={sections.actionItems.length}>
        <Table empty={none} head={[col("refNo"), col("title"), col("county"), col("owner"), col("deadline")]}
          rows={sections.actionItems.map((a) => [ref(a.refNo), a.title, a.countyName, a.ownerName ?? "",
            <span key="d" className={a.overdue ? "font-semibold text-red-700" : undefined}>{t.date(a.deadline)}{a.overdue ? `（${t("meetings.overdue")}）` : ""}</span>])} />
      </Section>

      <Section title={t("meetings.briefing.disputes")} testId="briefing-disputes" count={sections.disputes.length}>
        <Table empty={none} head={[col("refNo"), col("title"), col("lead"), col("people"), col("status")]}
          rows={sections.disputes.map((d) => [ref(d.refNo), d.title, d.leadCountyName, String(d.peopleInvolved), t(`disputes.status.${d.status}` as MessageKey)])} />
      </Section>

      <Section title={t("meetings.briefing.notices")} testId="briefing-notices" count={sections.notices.length}>
        <Table empty={none} head={[col("refNo"), col("title"), col("receiver"), col("signDeadline"), col("signedAt")]}
          rows={sections.notices.map((n) => [ref(n.refNo), n.title, n.countyName, t.dateTime(n.signDeadline),
            n.signedAt ? t.dateTime(n.signedAt) : <span key="u" className="font-semibold text-red-700">{t("meetings.briefing.unsigned")}</span>])} />
      </Section>

      <Section title={t("meetings.briefing.hazards")} testId="briefing-hazards" count={sections.hazards.length}>
        <Table empty={none} head={[col("refNo"), col("title"), col("severity"), col("county"), col("deadline")]}
          rows={sections.hazards.map((h) => [ref(h.refNo), h.title, t(`hazards.severity.${h.severity}` as MessageKey), h.countyName ?? "", h.dueAt ? t.dateTime(h.dueAt) : ""])} />
      </Section>

      <p className="mt-6 text-right text-xs text-slate-500">{t("meetings.briefing.generatedAt", { time: t.dateTime(doc.generatedAt) })}</p>
    </article>
  );
}

/** 打印: the browser's print dialog; without JavaScript the browser's own Print prints the same page. */
export function BriefingPrintButton() {
  const t = useT();
  return <PrintButton label={t("meetings.briefing.print")} testId="briefing-print" />;
}
