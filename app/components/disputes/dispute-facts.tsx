/** The facts of one dispute (what, where, who leads, which committee) and its parties, masked or not. */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Alert, Card } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { DisputeDetail } from "~/modules/disputes/detail.server";
import { useDisputeLabels } from "./dispute-badges";

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="break-words text-slate-900" data-testid={testId}>{children}</dd>
    </>
  );
}

export function DisputeFacts({ dispute }: { dispute: DisputeDetail }) {
  const t = useT();
  const { typeLabel, riskLabel, referralLabel } = useDisputeLabels();
  const place = [dispute.regionPath.join(" / "), dispute.placeText].filter(Boolean).join(" · ");
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
      <Row label={t("disputes.detail.type")}>{typeLabel(dispute.type)}</Row>
      <Row label={t("disputes.detail.risk")}>{riskLabel(dispute.escalationRisk)}</Row>
      <Row label={t("disputes.detail.place")} testId="dispute-place">{place || "—"}</Row>
      <Row label={t("disputes.detail.lead")} testId="dispute-lead">{dispute.leadCountyName}</Row>
      <Row label={t("disputes.detail.owner")}>{dispute.ownerCountyName}</Row>
      <Row label={t("disputes.detail.pact")}>{dispute.pact ? dispute.pact.title : t("disputes.detail.pactNone")}</Row>
      {dispute.addressees.length > 0 ? <Row label={t("disputes.detail.addressees")}>{dispute.addressees.map((c) => c.name).join("、")}</Row> : null}
      <Row label={t("disputes.detail.committee")} testId="dispute-committee">
        {dispute.committee ? (
          <Link to={`/pacts/${dispute.committee.pactId}/bodies/${dispute.committee.id}`} className="text-brand-700 underline">
            {dispute.committee.name}
          </Link>
        ) : (
          t("disputes.detail.committeeNone")
        )}
      </Row>
      <Row label={t("disputes.detail.people")}>{dispute.peopleInvolved}</Row>
      <Row label={t("disputes.detail.amount")}>{t("disputes.detail.amountValue", { amount: dispute.amountInvolved.toLocaleString("zh-CN") })}</Row>
      {dispute.outcomeAt !== null ? <Row label={t("disputes.detail.outcomeAt")}>{t.dateTime(dispute.outcomeAt)}</Row> : null}
      {dispute.referralKind ? (
        <Row label={t("disputes.detail.referral")} testId="dispute-referral">
          {referralLabel(dispute.referralKind)} · {dispute.referralTo}
        </Row>
      ) : null}
    </dl>
  );
}

export function DisputeParties({ dispute }: { dispute: DisputeDetail }) {
  const t = useT();
  return (
    <Card title={t("disputes.detail.parties")}>
      {dispute.personalDataInFull ? null : (
        <div className="mb-3">
          <Alert>{t("disputes.detail.partiesMasked")}</Alert>
        </div>
      )}
      <ul className="divide-y divide-slate-100" data-testid="dispute-parties" data-masked={dispute.personalDataInFull ? "0" : "1"}>
        {dispute.parties.map((p, i) => (
          <li key={p.id} className="py-2 text-sm" data-testid="dispute-party">
            <p className="font-medium text-slate-900">
              {t("disputes.field.party", { n: i + 1 })}：{p.name}
            </p>
            <p className="text-slate-600">
              {p.countyName}
              {p.village ? ` · ${p.village}` : ""}
            </p>
            <p className="font-mono text-slate-700">
              {t("disputes.detail.partyPhone")} {p.phone || "—"}
              {p.idNumber ? ` · ${t("disputes.detail.partyIdNumber")} ${p.idNumber}` : ""}
            </p>
          </li>
        ))}
      </ul>
    </Card>
  );
}
