/** The facts of a notice, its handling restriction and code (prominent), and the receipts table. */
import { Alert } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { NoticeDetail } from "~/modules/notices/detail.server";
import { NoticeOverdueBadge, useNoticeLabels } from "./notice-badges";

export function HandlingBanner({ notice }: { notice: Pick<NoticeDetail, "policeOnly" | "handlingCode"> }) {
  const t = useT();
  const { handlingLabel } = useNoticeLabels();
  return (
    <div data-testid="notice-handling">
      <Alert tone={notice.policeOnly ? "error" : "warning"}>
        <strong>{t("notices.field.restriction")}：{t(notice.policeOnly ? "notices.restriction.police" : "notices.restriction.shared")}</strong>
        {" · "}
        <strong>{t("notices.field.handlingCode")}：{handlingLabel(notice.handlingCode)}</strong>
      </Alert>
    </div>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-2 py-1 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="whitespace-pre-wrap break-words text-slate-900">{children}</dd>
    </div>
  );
}

export function NoticeFacts({ notice }: { notice: NoticeDetail }) {
  const t = useT();
  const { kindLabel, urgencyLabel } = useNoticeLabels();
  return (
    <dl>
      <Row label={t("notices.field.kind")}>{kindLabel(notice.kind)}</Row>
      <Row label={t("notices.field.urgency")}>{urgencyLabel(notice.urgency)}</Row>
      <Row label={t("notices.field.incidentAt")}>{t.dateTime(notice.incidentAt)}</Row>
      <Row label={t("notices.field.placeText")}>{notice.placeText}</Row>
      <Row label={t("notices.field.crimeCategory")}>{notice.crimeCategory}</Row>
      <Row label={t("notices.field.summary")}>{notice.summary}</Row>
      <Row label={t("notices.field.suspects")}>{notice.suspects || t("notices.detail.none")}</Row>
      <Row label={t("notices.field.vehicles")}>
        {notice.vehicles.length === 0
          ? t("notices.detail.none")
          : notice.vehicles.map((v, i) => <div key={i}>{[v.plate, v.type, v.colour].filter(Boolean).join(" · ")}</div>)}
      </Row>
      <Row label={t("notices.field.property")}>{notice.property || t("notices.detail.none")}</Row>
      <Row label={t("notices.field.request")}>{notice.request}</Row>
      {notice.pact ? <Row label={t("notices.detail.pact")}>{notice.pact.title}</Row> : null}
    </dl>
  );
}

export function ReceiptsTable({ receipts }: { receipts: NoticeDetail["receipts"] }) {
  const t = useT();
  const { resultLabel } = useNoticeLabels();
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="notice-receipts">
        <thead className="text-slate-500">
          <tr>
            <th className="py-1 pr-2">{t("notices.detail.county")}</th>
            <th className="py-1 pr-2">{t("notices.detail.deadline")}</th>
            <th className="py-1 pr-2">{t("notices.detail.signed")}</th>
            <th className="py-1">{t("notices.detail.resultCol")}</th>
          </tr>
        </thead>
        <tbody>
          {receipts.map((r) => (
            <tr key={r.countyId} className={`border-t border-slate-100 ${r.state === "overdue" ? "bg-red-50" : ""}`} data-state={r.state}>
              <td className="py-1 pr-2">{r.countyName}</td>
              <td className="py-1 pr-2">{t.dateTime(r.signDeadline)}</td>
              <td className="py-1 pr-2">
                {r.signedAt !== null ? (
                  <>
                    {r.signedBy} · {t.dateTime(r.signedAt)}
                    {r.state === "signed_late" ? <span className="ml-1 text-red-700">（{t("notices.signedLate")}）</span> : null}
                  </>
                ) : r.state === "overdue" ? (
                  <NoticeOverdueBadge />
                ) : (
                  t("notices.waiting")
                )}
              </td>
              <td className="py-1">
                {r.result ? (
                  <>
                    {resultLabel(r.result)} · {t("notices.detail.counts", { caught: r.suspectsCaught, items: r.itemsRecovered })}
                    {r.resultNote ? <div className="text-slate-600">{r.resultNote}</div> : null}
                  </>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
