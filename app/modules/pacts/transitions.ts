/**
 * The life of a pact as data. The same table decides which buttons a viewer sees on a pact's
 * page and whether a post is allowed; the services write what it says.
 *
 *   proposed ──countersign (last one)──▶ active ──suspend──▶ suspended ──resume──▶ active
 *      │  └─decline──▶ declined             └──terminate──▶ terminated ◀──terminate──┘
 *      └─withdraw (terminate, proposer only)──▶ terminated
 *
 * A suspension is one county's objection: only the county that suspended may lift it (resume).
 * The other members consented to the pact and never withdrew that consent, so nothing more is
 * needed from them; they may ask the suspending county to lift it (request_resume, once per
 * suspension), which changes nothing but the history.
 *
 * "expired" and "upcoming" are not stored: an active pact whose end date has passed (Beijing
 * time) is expired and counts as not active; one whose start date is still ahead is upcoming.
 */
import type { Role } from "~/modules/access/capabilities";

export const PACT_STATUSES = ["proposed", "active", "declined", "suspended", "terminated"] as const;
export type PactStatus = (typeof PACT_STATUSES)[number];

/** What a pact is today: its stored status, with "active" told apart by its term. */
export type PactPhase = PactStatus | "upcoming" | "expired";

export type Signature = "pending" | "signed" | "declined";

export interface PactTerm {
  status: PactStatus;
  startsOn: string;
  endsOn: string | null;
}

/** The phase of a pact on `today` (YYYY-MM-DD in Asia/Shanghai). */
export function pactPhase(pact: PactTerm, today: string): PactPhase {
  if (pact.status !== "active") return pact.status;
  if (pact.endsOn && pact.endsOn < today) return "expired";
  if (pact.startsOn > today) return "upcoming";
  return "active";
}

/** Phases in which a pact binds its members (joint bodies can be formed, records shared). */
export function isInEffect(phase: PactPhase): boolean {
  return phase === "active" || phase === "upcoming";
}

export const PACT_ACTIONS = ["countersign", "decline", "suspend", "resume", "request_resume", "terminate"] as const;
export type PactAction = (typeof PACT_ACTIONS)[number];

/**
 * Who among the members may take a step: an invited county, the proposing county, any member,
 * the county that suspended the pact, or any member but that one.
 */
export type PactSide = "invited" | "proposer" | "member" | "suspender" | "notSuspender";

/**
 * ownSignaturePending: the viewer's county has not yet signed or declined · notYetAsked: the
 * viewer's county has not yet asked to lift this suspension · reason: a written reason is
 * required · liaisons: the county names its liaison persons with the step.
 */
export type PactRequirement = "ownSignaturePending" | "notYetAsked" | "reason" | "liaisons";

export interface PactTransition {
  from: readonly PactPhase[];
  action: PactAction;
  /** "proposed|active": stays proposed until the last member signs. */
  to: PactStatus | "proposed|active";
  roles: readonly Role[];
  side: PactSide;
  requires: readonly PactRequirement[];
  /** How the button reads (withdrawing a proposal is a termination by the proposer). */
  label: PactAction | "withdraw";
}

const MANAGERS: readonly Role[] = ["county_admin", "pl_staff"];

export const PACT_TRANSITIONS: readonly PactTransition[] = [
  {
    from: ["proposed"], action: "countersign", to: "proposed|active", roles: ["county_admin"],
    side: "invited", requires: ["ownSignaturePending", "liaisons"], label: "countersign",
  },
  {
    from: ["proposed"], action: "decline", to: "declined", roles: ["county_admin"],
    side: "invited", requires: ["ownSignaturePending"], label: "decline",
  },
  {
    from: ["proposed"], action: "terminate", to: "terminated", roles: MANAGERS,
    side: "proposer", requires: ["reason"], label: "withdraw",
  },
  {
    from: ["active", "upcoming"], action: "suspend", to: "suspended", roles: MANAGERS,
    side: "member", requires: ["reason"], label: "suspend",
  },
  {
    from: ["suspended"], action: "resume", to: "active", roles: MANAGERS,
    side: "suspender", requires: [], label: "resume",
  },
  {
    from: ["suspended"], action: "request_resume", to: "suspended", roles: MANAGERS,
    side: "notSuspender", requires: ["notYetAsked"], label: "request_resume",
  },
  {
    from: ["active", "upcoming", "suspended"], action: "terminate", to: "terminated", roles: MANAGERS,
    side: "member", requires: ["reason"], label: "terminate",
  },
];

/** A pact as one member county stands towards it. */
export interface PactStanding {
  phase: PactPhase;
  proposerCountyId: number;
  /** The signature of the viewer's own county. */
  ownSignature: Signature;
  /** The county that suspended the pact (while it is suspended), else null. */
  suspenderCountyId: number | null;
  /** Whether the viewer's county has already asked to lift the current suspension. */
  askedToResume: boolean;
}

export interface Actor {
  countyId: number;
  roles: readonly Role[];
}

function sideMatches(side: PactSide, standing: PactStanding, actor: Actor): boolean {
  const isProposer = standing.proposerCountyId === actor.countyId;
  // A suspension without a recorded suspender (none is written so) may be lifted by any member.
  const isSuspender = standing.suspenderCountyId === null || standing.suspenderCountyId === actor.countyId;
  switch (side) {
    case "member":
      return true;
    case "proposer":
      return isProposer;
    case "invited":
      return !isProposer;
    case "suspender":
      return isSuspender;
    case "notSuspender":
      return !isSuspender;
  }
}

function requirementsMet(t: PactTransition, standing: PactStanding): boolean {
  if (t.requires.includes("ownSignaturePending") && standing.ownSignature !== "pending") return false;
  if (t.requires.includes("notYetAsked") && standing.askedToResume) return false;
  return true;
}

export type TransitionCheck =
  | { ok: true; transition: PactTransition }
  | { ok: false; reason: "forbidden" | "conflict" };

/**
 * Whether `actor` may take `action` on a pact now. "conflict": the pact is not in a state that
 * allows it (or this county already answered); "forbidden": not for this county or these roles.
 */
export function checkTransition(standing: PactStanding, actor: Actor, action: PactAction): TransitionCheck {
  const inPhase = PACT_TRANSITIONS.filter((t) => t.action === action && t.from.includes(standing.phase));
  if (inPhase.length === 0) return { ok: false, reason: "conflict" };
  const permitted = inPhase.filter(
    (t) => sideMatches(t.side, standing, actor) && t.roles.some((r) => actor.roles.includes(r)),
  );
  if (permitted.length === 0) return { ok: false, reason: "forbidden" };
  const ready = permitted.find((t) => requirementsMet(t, standing));
  return ready ? { ok: true, transition: ready } : { ok: false, reason: "conflict" };
}

/** The steps `actor` may take on a pact now, in table order (the buttons on its page). */
export function transitionsFor(standing: PactStanding, actor: Actor): PactTransition[] {
  return PACT_TRANSITIONS.filter((t) => {
    const check = checkTransition(standing, actor, t.action);
    return check.ok && check.transition === t;
  });
}

export function isPactAction(value: unknown): value is PactAction {
  return typeof value === "string" && (PACT_ACTIONS as readonly string[]).includes(value);
}
