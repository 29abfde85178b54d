/**
 * Every workflow that is built, with its state machine. The inbox, search and figures read this
 * to treat all workflows alike; a new workflow adds one line.
 */
import type { Workflow } from "~/modules/access/capabilities";
import { DISPUTE_MACHINE } from "~/modules/disputes/machine";
import { HAZARD_MACHINE } from "~/modules/hazards/machine";
import { MEETING_MACHINE } from "~/modules/meetings/machine";
import { NOTICE_MACHINE } from "~/modules/notices/machine";
import { PATROL_MACHINE } from "~/modules/patrols/machine";
import { PROJECT_MACHINE } from "~/modules/projects/machine";
import type { StateMachine } from "./state-machine";

export const STATE_MACHINES: Partial<Record<Workflow, StateMachine>> = {
  hazard: HAZARD_MACHINE,
  dispute: DISPUTE_MACHINE,
  notice: NOTICE_MACHINE,
  patrol: PATROL_MACHINE,
  meeting: MEETING_MACHINE,
  project: PROJECT_MACHINE,
};

export function machineOf(workflow: Workflow): StateMachine | undefined {
  return STATE_MACHINES[workflow];
}

export function builtWorkflows(): Workflow[] {
  return Object.keys(STATE_MACHINES) as Workflow[];
}
