/**
 * Every cell of the project machine: status × action × role × side (the lead county XH, the
 * partner TZ), on real projects, through the step functions and the engine. The expected table is
 * written out here, not read from machine.ts. Only the lead county's political-legal staff step a
 * project; completing needs every milestone done.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "~/modules/access/capabilities";
import { PROJECT_ACTIONS, PROJECT_STATUSES, type ProjectAction, type ProjectStatus } from "~/modules/projects/machine";
import { markMilestoneDone } from "~/modules/projects/milestones.server";
import { takeProjectStep } from "~/modules/projects/steps.server";
import { requireVisibleRecord } from "~/modules/access/policy.server";
import { useDemoData, viewerOf } from "../setup/demo";
import { milestonesOf, moveProjectTo, proposeAs, recordOf } from "./helpers/project-fixtures";

useDemoData();

const STEPS: Record<ProjectStatus, Partial<Record<ProjectAction, ProjectStatus>>> = {
  proposed: { activate: "active" },
  active: { complete: "completed", suspend: "suspended" },
  suspended: { resume: "active" },
  completed: {},
};
const SUFFIX: Record<Role, string> = {
  county_admin: "admin", pl_staff: "pl", police_liaison: "police", mediator: "mediator", grid_worker: "grid", leader: "leader",
};

type Expected = { ok: true; to: ProjectStatus } | { ok: false; reason: "forbidden" | "conflict" | "not_found" };

function expected(status: ProjectStatus, action: ProjectAction, role: Role, side: "lead" | "partner"): Expected {
  const to = STEPS[status][action];
  if (!to) return { ok: false, reason: "conflict" };
  if (role !== "pl_staff" || side !== "lead") return { ok: false, reason: "forbidden" };
  return { ok: true, to };
}

const cells = PROJECT_STATUSES.flatMap((status) =>
  PROJECT_ACTIONS.flatMap((action) =>
    ROLES.flatMap((role) => (["lead", "partner"] as const).map((side) => ({ status, action, role, side, expect: expected(status, action, role, side) }))),
  ),
);

/** Every milestone done, so that `complete` is a question of role and side only. */
function finishMilestones(id: number) {
  for (const m of milestonesOf(id)) {
    if (m.doneOn) continue;
    const r = markMilestoneDone(viewerOf("xh.pl"), requireVisibleRecord(viewerOf("xh.pl"), id), { milestoneId: m.id, note: "" });
    if (!r.ok) throw new Error(JSON.stringify(r));
  }
}

describe("every cell: status × action × role × side", () => {
  const ids = new Map<string, number>();
  beforeAll(() => {
    for (const c of cells) {
      const id = proposeAs("xh.pl");
      moveProjectTo(id, c.status);
      if (c.status === "active") finishMilestones(id);
      ids.set(`${c.status}.${c.action}.${c.role}.${c.side}`, id);
    }
  });

  it.each(cells)("$status · $action · $role ($side) → $expect", ({ status, action, role, side, expect: want }) => {
    const id = ids.get(`${status}.${action}.${role}.${side}`)!;
    const username = `${side === "lead" ? "xh" : "tz"}.${SUFFIX[role]}`;
    const before = recordOf(id);
    const result = takeProjectStep(viewerOf(username), before, action, { note: "说明" });
    expect(result).toEqual(want.ok ? { ok: true, status: want.to } : { ok: false, reason: want.reason });
    const after = recordOf(id);
    if (!want.ok) {
      expect(after).toEqual(before);
      return;
    }
    expect(after.status).toBe(want.to);
  });
});

describe("the side rules and the deadline", () => {
  it("activating sets due_at to the end of the earliest milestone's day; suspending clears it; resuming sets it again", () => {
    const id = proposeAs("xh.pl");
    expect(recordOf(id).dueAt).toBeNull();
    moveProjectTo(id, "active");
    const first = milestonesOf(id)[0];
    expect(recordOf(id).dueAt).toBe(Date.parse(`${first.dueOn}T23:59:59.999+08:00`));
    const lead = viewerOf("xh.pl");
    expect(takeProjectStep(lead, recordOf(id), "suspend", { note: "暂停" })).toEqual({ ok: true, status: "suspended" });
    expect(recordOf(id).dueAt).toBeNull();
    expect(takeProjectStep(lead, recordOf(id), "resume", { note: "恢复" })).toEqual({ ok: true, status: "active" });
    expect(recordOf(id).dueAt).toBe(Date.parse(`${first.dueOn}T23:59:59.999+08:00`));
  });

  it("a TZ-led project: TZ steps it, XH (the partner) may not", () => {
    const id = proposeAs("tz.pl");
    expect(takeProjectStep(viewerOf("xh.pl"), recordOf(id), "activate", { note: "越权" })).toEqual({ ok: false, reason: "forbidden" });
    expect(takeProjectStep(viewerOf("tz.pl"), recordOf(id), "activate", { note: "启动" })).toEqual({ ok: true, status: "active" });
  });

  it("completing with an undone milestone is refused and changes nothing", () => {
    const id = proposeAs("xh.pl");
    moveProjectTo(id, "active");
    const before = recordOf(id);
    expect(takeProjectStep(viewerOf("xh.pl"), before, "complete", { note: "完成" })).toEqual({ ok: false, reason: "open_milestones" });
    expect(recordOf(id)).toEqual(before);
  });
});
