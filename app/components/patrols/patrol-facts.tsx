/** The plan and the log of a patrol, as its page shows them. */
import type { ReactNode } from "react";
import { useT } from "~/i18n/use-t";
import type { PatrolDetail } from "~/modules/patrols/detail.server";
import { usePatrolLabels, useTimeWindow } from "./patrol-badges";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-2 py-1.5 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children}</dd>
    </div>
  );
}

export function PatrolFacts({ patrol }: { patrol: PatrolDetail }) {
  const t = useT();
  const { kindLabel } = usePatrolLabels();
  const window = useTimeWindow();
  const bySide = [...new Set(patrol.participants.map((p) => p.countyName))].map((county) => ({
    county,
    names: patrol.participants.filter((p) => p.countyName === county).map((p) => p.displayName),
  }));
  return (
    <dl className="divide-y divide-slate-100" data-testid="patrol-facts">
      <Row label={t("patrols.detail.pact")}>{patrol.pact.title}</Row>
      <Row label={t("patrols.detail.team")}>{patrol.teamName}</Row>
      <Row label={t("patrols.detail.kind")}>{kindLabel(patrol.kind)}</Row>
      <Row label={t("patrols.detail.date")}>{t.date(patrol.patrolOn)}</Row>
      <Row label={t("patrols.detail.window")}>{window(patrol.plannedStart, patrol.plannedEnd)}</Row>
      <Row label={t("patrols.detail.route")}><span className="whitespace-pre-line">{patrol.route}</span></Row>
      <Row label={t("patrols.detail.regions")}>
        {patrol.regions.length === 0 ? t("patrols.detail.none") : (
          <ul>{patrol.regions.map((r) => <li key={r.id}>{r.countyName} · {r.path}</li>)}</ul>
        )}
      </Row>
      <Row label={t("patrols.detail.participants")}>
        <ul data-testid="patrol-participants">
          {bySide.map((side) => <li key={side.county}>{side.county}：{side.names.join("、")}</li>)}
        </ul>
      </Row>
    </dl>
  );
}

export function PatrolLog({ patrol }: { patrol: PatrolDetail }) {
  const t = useT();
  if (patrol.startedAt === null) return <p className="text-sm text-slate-500">{t("patrols.detail.notStarted")}</p>;
  return (
    <dl className="divide-y divide-slate-100" data-testid="patrol-log">
      <Row label={t("patrols.detail.startedAt")}>{t.dateTime(patrol.startedAt)}</Row>
      {patrol.endedAt !== null ? (
        <>
          <Row label={t("patrols.detail.endedAt")}>{t.dateTime(patrol.endedAt)}</Row>
          <Row label={t("patrols.detail.checked")}>
            {t("patrols.detail.checkedValue", { people: patrol.peopleChecked, vehicles: patrol.vehiclesChecked })}
          </Row>
          <Row label={t("patrols.detail.summary")}><span className="whitespace-pre-line">{patrol.summary}</span></Row>
        </>
      ) : null}
    </dl>
  );
}
