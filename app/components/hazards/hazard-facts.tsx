/** The facts of one hazard: what, where, shared with whom, who is responsible, by when. */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/use-t";
import type { HazardDetail } from "~/modules/hazards/detail.server";
import { useHazardLabels } from "./hazard-badges";

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="break-words text-slate-900" data-testid={testId}>{children}</dd>
    </>
  );
}

export function HazardFacts({ hazard }: { hazard: HazardDetail }) {
  const t = useT();
  const { categoryLabel, severityLabel, sourceLabel } = useHazardLabels();
  const place = [hazard.regionPath.join(" / "), hazard.placeText].filter(Boolean).join(" · ");
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
      <Row label={t("hazards.detail.category")}>{categoryLabel(hazard.category)}</Row>
      <Row label={t("hazards.detail.severity")}>{severityLabel(hazard.severity)}</Row>
      <Row label={t("hazards.detail.source")}>{sourceLabel(hazard.source)}</Row>
      <Row label={t("hazards.detail.place")} testId="hazard-place">{place || "—"}</Row>
      <Row label={t("hazards.detail.owner")}>{hazard.ownerCountyName}</Row>
      <Row label={t("hazards.detail.pact")}>{hazard.pact ? hazard.pact.title : t("hazards.detail.pactNone")}</Row>
      {hazard.addressees.length > 0 ? (
        <Row label={t("hazards.detail.addressees")}>{hazard.addressees.map((c) => c.name).join("、")}</Row>
      ) : null}
      {hazard.sweep ? (
        <Row label={t("hazards.detail.sweep")}>
          <Link to={`/hazards/sweeps/${hazard.sweep.id}`} className="text-brand-700 underline">
            {hazard.sweep.title}
          </Link>
        </Row>
      ) : null}
      {hazard.responsibleCountyName ? (
        <Row label={t("hazards.detail.responsible")} testId="hazard-responsible">{hazard.responsibleCountyName}</Row>
      ) : null}
      {hazard.measures ? (
        <Row label={t("hazards.detail.measures")}>
          <span className="whitespace-pre-wrap">{hazard.measures}</span>
        </Row>
      ) : null}
      {hazard.deadline !== null ? (
        <Row label={t("hazards.detail.deadline")} testId="hazard-deadline">
          <span className={hazard.overdue ? "font-semibold text-red-700" : undefined}>{t.dateTime(hazard.deadline)}</span>
        </Row>
      ) : null}
    </dl>
  );
}
