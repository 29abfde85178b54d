/**
 * Every cell of the patrol machine — status × action × role × side (the planning county XH and
 * the partner TZ) — and of logging a finding, on real patrols through the step functions and the
 * engine. The expected table is written out here, not read from machine.ts.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { patrolDetails, patrolFindings, threadEntries } from "~db/schema";
import { ROLES, type Role } from "~/modules/access/capabilities";
import { getDb } from "~/modules/db/connection.server";
import { logFinding } from "~/modules/patrols/findings.server";
import { PATROL_ACTIONS, PATROL_STATUSES, type PatrolAction, type PatrolStatus } from "~/modules/patrols/machine";
import { takePatrolStep } from "~/modules/patrols/steps.server";
import { useDemoData, viewerOf } from "../setup/demo";
import { movePatrolTo, planAs, recordOf, STEP_FIELDS } from "./helpers/patrol-fixtures";

useDemoData();

const STEPS: Record<PatrolStatus, Partial<Record<PatrolAction, PatrolStatus>>> = {
  planned: { start: "in_progress", cancel: "cancelled" },
  in_progress: { complete: "completed", cancel: "cancelled" },
  completed: {},
  cancelled: {},
};
const SUFFIX: Record<Role, string> = {
  county_admin: "admin", pl_staff: "pl", police_liaison: "police", mediator: "mediator", grid_worker: "grid", leader: "leader",
};
const PATROLLERS: Role[] = ["police_liaison", "pl_staff"];

type Expected = { ok: true; to: PatrolStatus } | { ok: false; reason: "forbidden" | "conflict" };

function expected(status: PatrolStatus, action: PatrolAction, role: Role): Expected {
  const to = STEPS[status][action];
  if (!to) return { ok: false, reason: "conflict" };
  if (!PATROLLERS.includes(role)) return { ok: false, reason: "forbidden" };
  return { ok: true, to };
}

const sides = ["XH", "TZ"] as const;
const cells = PATROL_STATUSES.flatMap((status) =>
  PATROL_ACTIONS.flatMap((action) => ROLES.flatMap((role) => sides.map((side) => ({ status, action, role, side, expect: expected(status, action, role) })))),
);
const findingCells = PATROL_STATUSES.flatMap((status) =>
  ROLES.flatMap((role) =>
    sides.map((side) => ({
      status, role, side,
      expect: !PATROLLERS.includes(role) ? "forbidden" : status === "in_progress" || status === "completed" ? "ok" : "conflict",
    })),
  ),
);

describe("every cell: status × action × role × side", () => {
  const ids = new Map<string, number>();
  beforeAll(() => {
    for (const c of cells) {
      const id = planAs("xh.police");
      movePatrolTo(id, c.status);
      ids.set(`${c.status}.${c.action}.${c.role}.${c.side}`, id);
    }
  });

  it.each(cells)("$status · $action · $role ($side) → $expect", ({ status, action, role, side, expect: want }) => {
    const id = ids.get(`${status}.${action}.${role}.${side}`)!;
    const before = recordOf(id);
    const result = takePatrolStep(viewerOf(`${side.toLowerCase()}.${SUFFIX[role]}`), before, action, STEP_FIELDS[action]());
    expect(result).toEqual(want.ok ? { ok: true, status: want.to } : { ok: false, reason: want.reason });
    const after = recordOf(id);
    if (!want.ok) {
      expect(after).toEqual(before);
      return;
    }
    expect(after.status).toBe(want.to);
    const details = getDb().select().from(patrolDetails).where(eq(patrolDetails.recordId, id)).get()!;
    if (action === "start") expect(details.startedAt).not.toBeNull();
    if (action === "complete") expect(details).toMatchObject({ peopleChecked: 12, vehiclesChecked: 4, summary: "巡防完成，秩序良好。" });
    const last = getDb().select().from(threadEntries).where(eq(threadEntries.recordId, id)).all().at(-1)!;
    expect(last).toMatchObject({ kind: "event", eventAction: action, fromStatus: status, toStatus: want.to });
  });
});

describe("every cell of logging a finding: status × role × side", () => {
  const ids = new Map<string, number>();
  beforeAll(() => {
    for (const c of findingCells) {
      const id = planAs("tz.police");
      movePatrolTo(id, c.status, "tz.police");
      ids.set(`${c.status}.${c.role}.${c.side}`, id);
    }
  });

  it.each(findingCells)("$status · finding · $role ($side) → $expect", ({ status, role, side, expect: want }) => {
    const id = ids.get(`${status}.${role}.${side}`)!;
    const result = logFinding(viewerOf(`${side.toLowerCase()}.${SUFFIX[role]}`), recordOf(id), {
      foundAt: Date.now() - 60_000, description: "路灯损坏", regionId: null,
    });
    const findings = getDb().select().from(patrolFindings).where(eq(patrolFindings.recordId, id)).all();
    if (want === "ok") {
      expect(result).toMatchObject({ ok: true });
      expect(findings).toHaveLength(1);
    } else {
      expect(result).toEqual({ ok: false, reason: want });
      expect(findings).toHaveLength(0);
    }
  });

  it("refuses an end before the start, and a finding's region outside the pact", () => {
    const id = planAs("xh.police");
    movePatrolTo(id, "in_progress");
    const early = takePatrolStep(viewerOf("tz.police"), recordOf(id), "complete", { ...STEP_FIELDS.complete(), endedAt: Date.now() - 10 * 3_600_000 });
    expect(early).toEqual({ ok: false, reason: "invalid", errors: { endedAt: "patrols.form.endBeforeStart" } });
    expect(recordOf(id).status).toBe("in_progress");
    const ypRegion = getDb().select().from(patrolFindings).all().length;
    const outside = logFinding(viewerOf("xh.police"), recordOf(id), {
      foundAt: Date.now(), description: "越界地点", regionId: getDb().$client.prepare("select id from regions where name = '皂角坪街道'").pluck().get() as number,
    });
    expect(outside).toEqual({ ok: false, reason: "invalid", errors: { regionId: "form.invalidChoice" } });
    expect(getDb().select().from(patrolFindings).all().length).toBe(ypRegion);
  });
});
