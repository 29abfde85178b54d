/**
 * Joint safe-border building (平安边界联创) keeps two kinds of record in one workflow, with states
 * that never overlap:
 * - a joint meeting (联席会议): scheduled → held (minutes and decisions recorded; each decision
 *   becomes an action item) or cancelled;
 * - an action item (督办事项): open → done, reopened if the work turns out unfinished. It is
 *   overdue while open past its deadline (records.due_at), which the inbox shows the responsible
 *   county.
 */
import type { StateMachine } from "~/modules/records/state-machine";

export const MEETING_STATUSES = ["scheduled", "held", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const ACTION_ITEM_STATUSES = ["open", "done"] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

export const MEETING_ACTIONS = ["hold", "cancel", "complete", "reopen"] as const;
export type MeetingAction = (typeof MEETING_ACTIONS)[number];

const PL = ["pl_staff"] as const;

export const MEETING_MACHINE: StateMachine<MeetingStatus | ActionItemStatus, MeetingAction> = {
  initial: "scheduled",
  final: ["held", "cancelled", "done"],
  transitions: [
    // Meetings: minutes and decisions after it; or called off with a reason.
    { from: ["scheduled"], action: "hold", to: "held", roles: PL, requires: ["minutes", "decisions"] },
    { from: ["scheduled"], action: "cancel", to: "cancelled", roles: PL, requires: ["note"] },
    // Action items: the responsible county reports it done; either side may reopen it.
    { from: ["open"], action: "complete", to: "done", roles: PL, requires: ["note"] },
    { from: ["done"], action: "reopen", to: "open", roles: PL, requires: ["note"] },
  ],
};
