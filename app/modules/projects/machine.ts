/**
 * The life of a joint livelihood project (民生事业联动): proposed → active → completed; an active
 * project can be suspended and resumed. Milestones are kept beside the machine.
 */
import type { StateMachine } from "~/modules/records/state-machine";

export const PROJECT_STATUSES = ["proposed", "active", "completed", "suspended"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_ACTIONS = ["activate", "complete", "suspend", "resume"] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

const PL = ["pl_staff"] as const;

export const PROJECT_MACHINE: StateMachine<ProjectStatus, ProjectAction> = {
  initial: "proposed",
  final: ["completed"],
  transitions: [
    { from: ["proposed"], action: "activate", to: "active", roles: PL, requires: ["note"] },
    { from: ["active"], action: "complete", to: "completed", roles: PL, requires: ["note"] },
    { from: ["active"], action: "suspend", to: "suspended", roles: PL, requires: ["note"] },
    { from: ["suspended"], action: "resume", to: "active", roles: PL, requires: ["note"] },
  ],
};
