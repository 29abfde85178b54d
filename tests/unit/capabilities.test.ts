import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  CAPABILITIES,
  ROLES,
  WORKFLOWS,
  can,
  workflowsAllowing,
  type Action,
  type Role,
  type Workflow,
} from "~/modules/access/capabilities";

/**
 * The capability table as the product specifies it, written out independently of the code:
 * v view · c create · m comment (thread and internal notes) · t transition · e export · - nothing.
 */
const SPEC = `
role            hazard  dispute  notice  patrol  meeting  project
county_admin    -       -        -       -       -        -
pl_staff        vcmte   vcmte    vcmte   vcmte   vcmte    vcmte
police_liaison  vcmte   -        vcmte   vcmte   -        -
mediator        -       vcmte    -       -       -        -
grid_worker     vcm     vcm      -       -       -        -
leader          ve      ve       ve      ve      ve       ve
`;

const LETTER: Record<Action, string> = { view: "v", create: "c", comment: "m", transition: "t", export: "e" };

function parseSpec(): Map<string, boolean> {
  const [header, ...rows] = SPEC.trim().split("\n").map((line) => line.trim().split(/\s+/));
  const workflows = header.slice(1) as Workflow[];
  const cells = new Map<string, boolean>();
  for (const [role, ...marks] of rows) {
    workflows.forEach((workflow, i) => {
      for (const action of ACTIONS) {
        cells.set(`${role}/${workflow}/${action}`, marks[i].includes(LETTER[action]));
      }
    });
  }
  return cells;
}

const spec = parseSpec();
const everyCell = ROLES.flatMap((role) =>
  WORKFLOWS.flatMap((workflow) => ACTIONS.map((action) => ({ role, workflow, action }))),
);

describe("capability table", () => {
  it("the specification covers every role, workflow and action", () => {
    expect(spec.size).toBe(ROLES.length * WORKFLOWS.length * ACTIONS.length);
    expect(Object.keys(CAPABILITIES).sort()).toEqual([...ROLES].sort());
  });

  it.each(everyCell)("$role · $workflow · $action", ({ role, workflow, action }) => {
    expect(can([role], workflow, action)).toBe(spec.get(`${role}/${workflow}/${action}`));
  });

  it("a user with several roles may do what any of them may", () => {
    const roles: Role[] = ["grid_worker", "mediator"];
    expect(can(roles, "dispute", "transition")).toBe(true);
    expect(can(roles, "hazard", "create")).toBe(true);
    expect(can(roles, "hazard", "transition")).toBe(false);
    expect(can(roles, "notice", "view")).toBe(false);
  });

  it("no roles may do nothing", () => {
    for (const { workflow, action } of everyCell) expect(can([], workflow, action)).toBe(false);
  });

  it("lists the workflows a role may view", () => {
    expect(workflowsAllowing(["police_liaison"], "view")).toEqual(["hazard", "notice", "patrol"]);
    expect(workflowsAllowing(["county_admin"], "view")).toEqual([]);
    expect(workflowsAllowing(["leader"], "create")).toEqual([]);
  });
});
