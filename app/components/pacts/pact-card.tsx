/** A pact in a list: title linking to it, phase, partners, term, workflows. */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/use-t";
import type { PactSummary } from "~/modules/pacts/pacts.server";
import { PactFacts, PhaseBadge, useJoin } from "./pact-bits";

export type PactCardData = Pick<
  PactSummary,
  "id" | "title" | "phase" | "startsOn" | "endsOn" | "workflows" | "members" | "ownSignature"
>;

export function PactCard({ pact, footer }: { pact: PactCardData; footer?: ReactNode }) {
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="pact-card">
      <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
        <h3 className="min-w-0 break-words text-base font-semibold">
          <Link to={`/pacts/${pact.id}`} className="text-brand-700 hover:underline">
            {pact.title}
          </Link>
        </h3>
        <PhaseBadge phase={pact.phase} />
      </div>
      <PactFacts
        partners={pact.members.filter((m) => !m.isOwn).map((m) => m.countyName)}
        startsOn={pact.startsOn}
        endsOn={pact.endsOn}
        workflows={pact.workflows}
      />
      {footer ? <div className="mt-2 text-sm text-slate-600">{footer}</div> : null}
    </article>
  );
}

/** "待会签：天柱县、芷江侗族自治县" for a proposal still waiting. */
export function PendingMembersLine({ pact }: { pact: PactCardData }) {
  const t = useT();
  const join = useJoin();
  const pending = pact.members.filter((m) => m.signature === "pending").map((m) => m.countyName);
  return pending.length ? <>{t("pacts.awaitingCounties", { counties: join(pending) })}</> : null;
}

export function PactCardList({ pacts, children }: { pacts: PactCardData[]; children?: (p: PactCardData) => ReactNode }) {
  return (
    <ul className="space-y-3">
      {pacts.map((p) => (
        <li key={p.id}>
          <PactCard pact={p} footer={children?.(p)} />
        </li>
      ))}
    </ul>
  );
}
