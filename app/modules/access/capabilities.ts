/**
 * THE capability table: what each role may do in each of the six workflows. The UI reads it to
 * show or hide controls; the server enforces it through `can`/`assertCan`. Tests walk every cell.
 */

export const ROLES = [
  "county_admin",
  "pl_staff",
  "police_liaison",
  "mediator",
  "grid_worker",
  "leader",
] as const;
export type Role = (typeof ROLES)[number];

export const WORKFLOWS = ["hazard", "dispute", "notice", "patrol", "meeting", "project"] as const;
export type Workflow = (typeof WORKFLOWS)[number];

/**
 * view: see records, their threads and figures · create: open a record · comment: write in the
 * shared thread and internal notes · transition: move a record through its states · export:
 * download lists and figures.
 */
export const ACTIONS = ["view", "create", "comment", "transition", "export"] as const;
export type Action = (typeof ACTIONS)[number];

const ALL: readonly Action[] = ACTIONS;
const READ: readonly Action[] = ["view", "export"];
const REPORT: readonly Action[] = ["view", "create", "comment"];
const NONE: readonly Action[] = [];

export const CAPABILITIES: Readonly<Record<Role, Readonly<Record<Workflow, readonly Action[]>>>> = {
  // Manages users, regions and pacts; does not handle cases.
  county_admin: {
    hazard: NONE, dispute: NONE, notice: NONE, patrol: NONE, meeting: NONE, project: NONE,
  },
  // Political-legal committee: sees and runs all six.
  pl_staff: {
    hazard: ALL, dispute: ALL, notice: ALL, patrol: ALL, meeting: ALL, project: ALL,
  },
  // Case notices and assistance requests, joint patrols, hazards.
  police_liaison: {
    hazard: ALL, dispute: NONE, notice: ALL, patrol: ALL, meeting: NONE, project: NONE,
  },
  // Disputes, mediation sessions, agreements.
  mediator: {
    hazard: NONE, dispute: ALL, notice: NONE, patrol: NONE, meeting: NONE, project: NONE,
  },
  // Reports hazards and disputes from the field and follows them.
  grid_worker: {
    hazard: REPORT, dispute: REPORT, notice: NONE, patrol: NONE, meeting: NONE, project: NONE,
  },
  // Read-only: dashboards and briefings.
  leader: {
    hazard: READ, dispute: READ, notice: READ, patrol: READ, meeting: READ, project: READ,
  },
};

/** Whether any of `roles` may do `action` in `workflow`. */
export function can(roles: readonly Role[], workflow: Workflow, action: Action): boolean {
  return roles.some((role) => CAPABILITIES[role][workflow].includes(action));
}

/** The workflows in which any of `roles` may do `action`. */
export function workflowsAllowing(roles: readonly Role[], action: Action): Workflow[] {
  return WORKFLOWS.filter((w) => can(roles, w, action));
}

/** Roles that manage the county itself (users, regions, audit) and countersign pacts. */
export function isCountyAdmin(roles: readonly Role[]): boolean {
  return roles.includes("county_admin");
}

/** Roles that may propose a pact, suspend, resume or terminate one and form joint bodies. */
export function mayManagePacts(roles: readonly Role[]): boolean {
  return roles.includes("county_admin") || roles.includes("pl_staff");
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isWorkflow(value: string): value is Workflow {
  return (WORKFLOWS as readonly string[]).includes(value);
}
