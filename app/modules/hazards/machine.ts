/**
 * The life of a hazard (问题隐患): reported → verifying (joint verification) → rectifying
 * (measures, deadline, responsible county) → eliminated; or dismissed as unfounded. Overdue when
 * the rectification deadline passes (records.due_at).
 */
import type { StateMachine } from "~/modules/records/state-machine";

export const HAZARD_STATUSES = ["reported", "verifying", "rectifying", "eliminated", "dismissed"] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];

export const HAZARD_ACTIONS = ["verify", "rectify", "adjust", "eliminate", "dismiss"] as const;
export type HazardAction = (typeof HAZARD_ACTIONS)[number];

const HANDLERS = ["pl_staff", "police_liaison"] as const;

export const HAZARD_MACHINE: StateMachine<HazardStatus, HazardAction> = {
  initial: "reported",
  final: ["eliminated", "dismissed"],
  transitions: [
    // 联合核查: both sides go and look.
    { from: ["reported"], action: "verify", to: "verifying", roles: HANDLERS, requires: [] },
    // 整改: confirmed; measures, a deadline and the responsible county (属地).
    { from: ["verifying"], action: "rectify", to: "rectifying", roles: HANDLERS, requires: ["measures", "deadline", "responsibleCountyId"] },
    // Change measures or deadline while rectifying (the reason goes in the thread).
    { from: ["rectifying"], action: "adjust", to: "rectifying", roles: HANDLERS, requires: ["measures", "deadline", "note"] },
    // 销号: the hazard is gone.
    { from: ["rectifying"], action: "eliminate", to: "eliminated", roles: HANDLERS, requires: ["note"] },
    // 不属实: unfounded.
    { from: ["reported", "verifying"], action: "dismiss", to: "dismissed", roles: HANDLERS, requires: ["note"] },
  ],
};

/** States in which a hazard is still being handled (not eliminated or dismissed). */
export const HAZARD_OPEN_STATUSES = HAZARD_STATUSES.filter(
  (s) => !(HAZARD_MACHINE.final as readonly string[]).includes(s),
) as HazardStatus[];

export function isHazardStatus(value: unknown): value is HazardStatus {
  return typeof value === "string" && (HAZARD_STATUSES as readonly string[]).includes(value);
}

export function isHazardAction(value: unknown): value is HazardAction {
  return typeof value === "string" && (HAZARD_ACTIONS as readonly string[]).includes(value);
}
