/** The member counties of a pact with their signatures, and the liaison persons of each side. */
import { Badge } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import type { PactDetail } from "~/modules/pacts/pacts.server";

type Members = PactDetail["members"];
type Liaisons = PactDetail["liaisons"];

const SIGNATURE_TONES = { pending: "amber", signed: "green", declined: "red" } as const;

export function PhoneLink({ phone }: { phone: string }) {
  const t = useT();
  if (!phone) return <span className="text-slate-400">{t("pacts.directory.noPhone")}</span>;
  return (
    <a
      href={`tel:${phone.replace(/[^\d+]/g, "")}`}
      className="inline-flex min-h-10 items-center font-medium text-brand-700 underline"
      aria-label={t("pacts.callPerson", { phone })}
    >
      {phone}
    </a>
  );
}

export function PactMembersPanel({ members, liaisons }: { members: Members; liaisons: Liaisons }) {
  const t = useT();
  return (
    <ul className="divide-y divide-slate-100" data-testid="pact-members">
      {members.map((m) => {
        const people = liaisons.filter((l) => l.countyId === m.countyId);
        return (
          <li key={m.countyId} className="py-3 first:pt-0 last:pb-0">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-slate-900">{m.countyName}</span>
              {m.isProposer ? <Badge tone="blue">{t("pacts.proposer")}</Badge> : null}
              {m.isOwn ? <Badge>{t("pacts.ownCounty")}</Badge> : null}
              <Badge tone={SIGNATURE_TONES[m.signature]}>{t(`pacts.signature.${m.signature}`)}</Badge>
            </div>
            <p className="mt-1 text-sm text-slate-600">
              {m.signature === "pending"
                ? t("pacts.detail.awaiting")
                : t(m.signature === "signed" ? "pacts.detail.signedBy" : "pacts.detail.declinedBy", {
                    name: m.signedByName ?? "",
                    time: m.signedAt ? t.dateTime(m.signedAt) : "",
                  })}
            </p>
            <div className="mt-2 text-sm">
              <span className="text-slate-500">{t("pacts.detail.liaisonsLabel")}</span>
              {people.length === 0 ? (
                <span className="text-slate-500">{t("pacts.detail.noLiaisons")}</span>
              ) : (
                <ul className="mt-1 space-y-1">
                  {people.map((p) => (
                    <li key={p.userId} className="flex flex-wrap items-center gap-x-2">
                      <span className="text-slate-900">{p.displayName}</span>
                      {p.title ? <span className="text-slate-500">{p.title}</span> : null}
                      <PhoneLink phone={p.phone} />
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
