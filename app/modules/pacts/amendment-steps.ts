/**
 * The steps of an amendment to a pact's terms, as data, like the pact's own state machine: one
 * member's managers propose; the admin of every other member countersigns or declines (with a
 * reason); the proposing county may withdraw it while it is open. The same table decides the
 * buttons on the pact's page and whether a post is allowed.
 *
 *   (none) ──propose──▶ proposed ──countersign (last one)──▶ adopted (the terms change)
 *                          │  └──decline──▶ declined
 *                          └──withdraw (proposing county)──▶ withdrawn
 *
 * Terms can be changed while the pact binds its members or is suspended; not while it is still
 * being signed (withdraw and propose it anew), nor once it has ended.
 */
import type { Role } from "~/modules/access/capabilities";
import type { PactPhase, Signature } from "./transitions";

export const AMENDMENT_ACTIONS = ["propose", "countersign", "decline", "withdraw"] as const;
export type AmendmentAction = (typeof AMENDMENT_ACTIONS)[number];

export interface AmendmentStep {
  action: AmendmentAction;
  roles: readonly Role[];
  /** member: any member (with no amendment open) · invited: a member other than the proposing one · proposer: the proposing county. */
  side: "member" | "invited" | "proposer";
  /** A written reason is required. */
  needsReason: boolean;
}

const MANAGERS: readonly Role[] = ["county_admin", "pl_staff"];

export const AMENDMENT_STEPS: readonly AmendmentStep[] = [
  { action: "propose", roles: MANAGERS, side: "member", needsReason: false },
  { action: "countersign", roles: ["county_admin"], side: "invited", needsReason: false },
  { action: "decline", roles: ["county_admin"], side: "invited", needsReason: true },
  { action: "withdraw", roles: MANAGERS, side: "proposer", needsReason: false },
];

/** Phases in which a pact's terms may be amended. */
export const AMENDABLE_PHASES: readonly PactPhase[] = ["active", "upcoming", "suspended"];

/** Where the viewer's county stands towards a pact's amendments. */
export interface AmendmentStanding {
  phase: PactPhase;
  /** The amendment open now, if any: who proposed it and the viewer's county's signature. */
  open: { proposerCountyId: number; ownSignature: Signature } | null;
}

export interface AmendmentActor {
  countyId: number;
  roles: readonly Role[];
}

export type AmendmentCheck = { ok: true; step: AmendmentStep } | { ok: false; reason: "forbidden" | "conflict" };

/**
 * Whether `actor` may take `action` now. "conflict": the pact or its amendment is not in a state
 * that allows it (or this county already answered); "forbidden": not for this county or roles.
 */
export function checkAmendmentStep(standing: AmendmentStanding, actor: AmendmentActor, action: AmendmentAction): AmendmentCheck {
  const step = AMENDMENT_STEPS.find((s) => s.action === action)!;
  if (!AMENDABLE_PHASES.includes(standing.phase)) return { ok: false, reason: "conflict" };
  if (!step.roles.some((r) => actor.roles.includes(r))) return { ok: false, reason: "forbidden" };
  const { open } = standing;
  if (action === "propose") return open ? { ok: false, reason: "conflict" } : { ok: true, step };
  if (!open) return { ok: false, reason: "conflict" };
  const isProposer = open.proposerCountyId === actor.countyId;
  if (step.side === "proposer") return isProposer ? { ok: true, step } : { ok: false, reason: "forbidden" };
  if (isProposer) return { ok: false, reason: "forbidden" };
  return open.ownSignature === "pending" ? { ok: true, step } : { ok: false, reason: "conflict" };
}

/** The steps `actor` may take now, in table order (the buttons on the pact's page). */
export function amendmentStepsFor(standing: AmendmentStanding, actor: AmendmentActor): AmendmentAction[] {
  return AMENDMENT_STEPS.filter((s) => checkAmendmentStep(standing, actor, s.action).ok).map((s) => s.action);
}

export function isAmendmentAction(value: unknown): value is AmendmentAction {
  return typeof value === "string" && (AMENDMENT_ACTIONS as readonly string[]).includes(value);
}
