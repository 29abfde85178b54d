/**
 * The life of a joint patrol (联合巡防): planned for a joint patrol team → under way once started
 * (actual start) → completed with its log (actual end, people and vehicles checked, summary); or
 * cancelled with a reason. Findings are logged while under way or after, outside the machine.
 */
import type { StateMachine } from "~/modules/records/state-machine";

export const PATROL_STATUSES = ["planned", "in_progress", "completed", "cancelled"] as const;
export type PatrolStatus = (typeof PATROL_STATUSES)[number];

export const PATROL_ACTIONS = ["start", "complete", "cancel"] as const;
export type PatrolAction = (typeof PATROL_ACTIONS)[number];

const PATROLLERS = ["police_liaison", "pl_staff"] as const;

export const PATROL_MACHINE: StateMachine<PatrolStatus, PatrolAction> = {
  initial: "planned",
  final: ["completed", "cancelled"],
  transitions: [
    { from: ["planned"], action: "start", to: "in_progress", roles: PATROLLERS, requires: ["startedAt"] },
    {
      from: ["in_progress"],
      action: "complete",
      to: "completed",
      roles: PATROLLERS,
      requires: ["endedAt", "peopleChecked", "vehiclesChecked", "summary"],
    },
    { from: ["planned", "in_progress"], action: "cancel", to: "cancelled", roles: PATROLLERS, requires: ["note"] },
  ],
};
