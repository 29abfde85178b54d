/** Pieces of a joint sweep: its kind and status, its card in the list, its people by county. */
import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { SweepKind, SweepStatus } from "~/modules/hazards/vocabulary";

const STATUS_TONES: Record<SweepStatus, "blue" | "green" | "slate"> = { planned: "blue", completed: "green", cancelled: "slate" };

export function SweepBadges({ kind, status }: { kind: SweepKind; status: SweepStatus }) {
  const t = useT();
  return (
    <span className="inline-flex flex-wrap gap-1" data-testid="sweep-status" data-status={status}>
      <Badge tone={STATUS_TONES[status]}>{t(`hazards.sweep.status.${status}`)}</Badge>
      <Badge>{t(`hazards.sweep.kind.${kind}`)}</Badge>
    </span>
  );
}

export interface SweepCardItem {
  id: number;
  kind: SweepKind;
  status: SweepStatus;
  title: string;
  plannedOn: string;
  pactTitle: string;
  organiserName: string;
  participantCount: number;
  countyNames: string[];
  foundCount: number;
}

export function SweepCard({ sweep }: { sweep: SweepCardItem }) {
  const t = useT();
  return (
    <li data-testid="sweep-card">
      <Link to={`/hazards/sweeps/${sweep.id}`} className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
        <div className="flex flex-wrap items-center gap-2">
          <SweepBadges kind={sweep.kind} status={sweep.status} />
          <span className="ml-auto text-sm text-slate-600">{t.date(sweep.plannedOn)}</span>
        </div>
        <p className="mt-2 break-words text-base font-medium text-slate-900">{sweep.title}</p>
        <p className="mt-1 text-sm text-slate-600">{sweep.pactTitle}</p>
        <p className="mt-1 text-xs text-slate-500">
          {t("hazards.sweep.participantCount", { count: sweep.participantCount })}
          {sweep.countyNames.length > 0 ? `（${sweep.countyNames.join("、")}）` : ""}
          {" · "}
          {t("hazards.sweep.foundCount", { count: sweep.foundCount })}
        </p>
      </Link>
    </li>
  );
}

export interface ParticipantView {
  userId: string;
  displayName: string;
  title: string;
  countyId: number;
  countyName: string;
}

/** The participants grouped under each member county of the pact. */
export function SweepPeople({ members, participants }: { members: { countyId: number; countyName: string }[]; participants: ParticipantView[] }) {
  const t = useT();
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {members.map((county) => {
        const people = participants.filter((p) => p.countyId === county.countyId);
        return (
          <section key={county.countyId} data-testid="sweep-county">
            <h3 className="text-sm font-semibold text-slate-800">{county.countyName}</h3>
            {people.length === 0 ? (
              <p className="text-sm text-slate-500">{t("hazards.sweep.noParticipants")}</p>
            ) : (
              <ul className="mt-1 space-y-1 text-sm">
                {people.map((p) => (
                  <li key={p.userId}>
                    {p.displayName}
                    {p.title ? <span className="text-slate-500"> · {p.title}</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
