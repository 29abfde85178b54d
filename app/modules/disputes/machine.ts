/**
 * The life of a cross-border dispute (矛盾纠纷): reported from the field → registered (受理) by a
 * mediator → assessing (研判) → mediating → resolved (agreement reached) | stabilised (稳控: under
 * control, not settled) | failed (referred to court, arbitration or an administrative body);
 * resolved → followed up (回访).
 */
import type { StateMachine } from "~/modules/records/state-machine";

export const DISPUTE_STATUSES = [
  "reported",
  "registered",
  "assessing",
  "mediating",
  "resolved",
  "stabilised",
  "failed",
  "followed_up",
] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const DISPUTE_ACTIONS = ["register", "assess", "mediate", "resolve", "stabilise", "fail", "follow_up", "reopen"] as const;
export type DisputeAction = (typeof DISPUTE_ACTIONS)[number];

const MEDIATORS = ["mediator", "pl_staff"] as const;

export const DISPUTE_MACHINE: StateMachine<DisputeStatus, DisputeAction> = {
  initial: "registered",
  final: ["failed", "followed_up"],
  transitions: [
    // 受理: a mediator takes in what a grid worker reported.
    { from: ["reported"], action: "register", to: "registered", roles: MEDIATORS, requires: [] },
    // 研判: assess facts, risk and the committee to take it.
    { from: ["registered"], action: "assess", to: "assessing", roles: MEDIATORS, requires: ["note"] },
    { from: ["assessing"], action: "mediate", to: "mediating", roles: MEDIATORS, requires: [] },
    // 调解成功: agreement reached (the agreement document is written on the dispute's page).
    { from: ["mediating"], action: "resolve", to: "resolved", roles: MEDIATORS, requires: ["note"] },
    // 稳控: kept under control without settlement.
    { from: ["assessing", "mediating"], action: "stabilise", to: "stabilised", roles: MEDIATORS, requires: ["note"] },
    // 调解不成: referred on, with where to.
    { from: ["assessing", "mediating", "stabilised"], action: "fail", to: "failed", roles: MEDIATORS, requires: ["referralKind", "referralTo", "note"] },
    // A stabilised dispute flares up again, or the parties come back to the table.
    { from: ["stabilised"], action: "reopen", to: "mediating", roles: MEDIATORS, requires: ["note"] },
    // 回访: how the agreement is being performed. Later visits are logged the same way.
    { from: ["resolved", "followed_up"], action: "follow_up", to: "followed_up", roles: MEDIATORS, requires: ["visitedOn", "method", "performance"] },
  ],
};

/** Reported by a grid worker from the field; a mediator's own registration starts at `registered`. */
export function initialDisputeStatus(roles: readonly string[]): DisputeStatus {
  return roles.includes("mediator") || roles.includes("pl_staff") ? "registered" : "reported";
}

/** States in which a dispute is still being handled (not failed or followed up). */
export const DISPUTE_OPEN_STATUSES = DISPUTE_STATUSES.filter(
  (s) => !(DISPUTE_MACHINE.final as readonly string[]).includes(s),
) as DisputeStatus[];

/** States that count as an outcome (调结, 稳控, 调解不成) for outcome_at and the figures. */
export const DISPUTE_OUTCOME_STATUSES: readonly DisputeStatus[] = ["resolved", "stabilised", "failed", "followed_up"];

/** States in which mediation sessions may be logged. */
export const SESSION_STATUSES: readonly DisputeStatus[] = ["registered", "assessing", "mediating", "stabilised"];

export function isDisputeStatus(value: unknown): value is DisputeStatus {
  return typeof value === "string" && (DISPUTE_STATUSES as readonly string[]).includes(value);
}

export function isDisputeAction(value: unknown): value is DisputeAction {
  return typeof value === "string" && (DISPUTE_ACTIONS as readonly string[]).includes(value);
}
