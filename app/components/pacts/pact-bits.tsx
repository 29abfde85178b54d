/** Small pieces shown wherever a pact appears: its phase, term, workflows and partners. */
import { useSearchParams } from "@remix-run/react";
import { Alert, Badge } from "~/components/ui/feedback";
import type { MessageKey, Translate } from "~/i18n";
import { useT } from "~/i18n/use-t";
import type { Workflow } from "~/modules/access/capabilities";
import type { PactPhase } from "~/modules/pacts/transitions";

const PHASE_TONES: Record<PactPhase, "slate" | "green" | "amber" | "red" | "blue"> = {
  proposed: "blue",
  active: "green",
  upcoming: "blue",
  expired: "slate",
  declined: "red",
  suspended: "amber",
  terminated: "slate",
};

export function PhaseBadge({ phase }: { phase: PactPhase }) {
  const t = useT();
  return (
    <span data-testid="pact-phase" data-phase={phase}>
      <Badge tone={PHASE_TONES[phase]}>{t(`pacts.phase.${phase}`)}</Badge>
    </span>
  );
}

/** "2024年1月1日 至 2028年12月31日", or open-ended. */
export function TermText({ startsOn, endsOn }: { startsOn: string; endsOn: string | null }) {
  const t = useT();
  return (
    <>
      {endsOn
        ? t("pacts.term.range", { from: t.date(startsOn), to: t.date(endsOn) })
        : t("pacts.term.open", { from: t.date(startsOn) })}
    </>
  );
}

export function WorkflowChips({ workflows }: { workflows: readonly Workflow[] }) {
  const t = useT();
  return (
    <ul className="flex flex-wrap gap-1" aria-label={t("pacts.workflows")}>
      {workflows.map((w) => (
        <li key={w} className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
          {t(`workflow.${w}`)}
        </li>
      ))}
    </ul>
  );
}

/** Names joined the way the language joins them (、 in Chinese). */
export function useJoin() {
  const t = useT();
  return (names: readonly string[]) => names.join(t("pacts.listSeparator"));
}

/** The labelled rows under a pact's title: partners, term, workflows. */
export function PactFacts({
  partners,
  startsOn,
  endsOn,
  workflows,
}: {
  partners: readonly string[];
  startsOn: string;
  endsOn: string | null;
  workflows: readonly Workflow[];
}) {
  const t = useT();
  const join = useJoin();
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      <dt className="text-slate-500">{t("pacts.partners")}</dt>
      <dd className="text-slate-800">{join(partners)}</dd>
      <dt className="text-slate-500">{t("pacts.term")}</dt>
      <dd className="text-slate-800">
        <TermText startsOn={startsOn} endsOn={endsOn} />
      </dd>
      <dt className="text-slate-500">{t("pacts.workflows")}</dt>
      <dd>
        <WorkflowChips workflows={workflows} />
      </dd>
    </dl>
  );
}

/** The success messages a redirect may ask for with ?notice=. */
const NOTICES = {
  proposed: "pacts.notice.proposed",
  countersigned: "pacts.notice.countersigned",
  activated: "pacts.notice.activated",
  declined: "pacts.notice.declined",
  withdrawn: "pacts.notice.withdrawn",
  suspended: "pacts.notice.suspended",
  resumed: "pacts.notice.resumed",
  resumeRequested: "pacts.notice.resumeRequested",
  terminated: "pacts.notice.terminated",
  amendmentProposed: "pacts.notice.amendmentProposed",
  amendmentCountersigned: "pacts.notice.amendmentCountersigned",
  amendmentAdopted: "pacts.notice.amendmentAdopted",
  amendmentDeclined: "pacts.notice.amendmentDeclined",
  amendmentWithdrawn: "pacts.notice.amendmentWithdrawn",
  bodyCreated: "pacts.notice.bodyCreated",
  memberAdded: "pacts.notice.memberAdded",
  memberRemoved: "pacts.notice.memberRemoved",
} as const satisfies Record<string, MessageKey>;

export type PactNotice = keyof typeof NOTICES;

export function NoticeAlert() {
  const t = useT();
  const [params] = useSearchParams();
  const notice = params.get("notice");
  if (!notice || !(notice in NOTICES)) return null;
  return (
    <div className="mb-4">
      <Alert tone="success">{t(NOTICES[notice as PactNotice])}</Alert>
    </div>
  );
}

/** "姚红梅（县委政法委干部）" — a person as a choice in a form. */
export function personLabel(t: Translate, person: { displayName: string; title: string }): string {
  return person.title ? t("pacts.personWithTitle", { name: person.displayName, title: person.title }) : person.displayName;
}
