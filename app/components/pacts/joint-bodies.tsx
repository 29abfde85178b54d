/** Joint bodies of a pact: mediation committees and patrol teams, with members from each side. */
import { Link } from "@remix-run/react";
import { Badge, EmptyState } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { BodyMemberView, JointBodyView } from "~/modules/pacts/bodies.server";

export function BodyKindBadges({ body }: { body: Pick<JointBodyView, "kind" | "level"> }) {
  const t = useT();
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone="blue">{t(`pacts.body.kind.${body.kind}`)}</Badge>
      {body.level ? <Badge>{t(`pacts.body.level.${body.level}`)}</Badge> : null}
    </span>
  );
}

/** Members grouped by county, each with duty. */
export function BodyMemberList({ members }: { members: BodyMemberView[] }) {
  const t = useT();
  if (members.length === 0) return <p className="text-sm text-slate-500">{t("pacts.body.noMembers")}</p>;
  const counties = [...new Map(members.map((m) => [m.countyId, m.countyName])).entries()];
  return (
    <div className="space-y-2">
      {counties.map(([countyId, countyName]) => (
        <div key={countyId}>
          <p className="text-xs font-medium text-slate-500">{countyName}</p>
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {members
              .filter((m) => m.countyId === countyId)
              .map((m) => (
                <li key={m.userId}>
                  <span className="text-slate-900">{m.displayName}</span>
                  {m.duty ? <span className="text-slate-500"> · {m.duty}</span> : null}
                </li>
              ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

export function JointBodyList({ pactId, bodies }: { pactId: number; bodies: JointBodyView[] }) {
  const t = useT();
  if (bodies.length === 0) return <EmptyState>{t("pacts.detail.noBodies")}</EmptyState>;
  return (
    <ul className="space-y-3" data-testid="joint-bodies">
      {bodies.map((b) => (
        <li key={b.id} className="rounded-md border border-slate-200 p-3">
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <Link to={`/pacts/${pactId}/bodies/${b.id}`} className="font-medium text-brand-700 hover:underline">
              {b.name}
            </Link>
            <BodyKindBadges body={b} />
          </div>
          <BodyMemberList members={b.members} />
        </li>
      ))}
    </ul>
  );
}
