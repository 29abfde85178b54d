/** The patrol state machine as data, the form schemas of its steps, and the words of the workflow. */
import { describe, expect, it } from "vitest";
import * as dbPatrols from "~db/schema/patrols";
import { DICTIONARIES, translator } from "~/i18n";
import { CAPABILITIES, ROLES } from "~/modules/access/capabilities";
import { activitySchema } from "~/modules/patrols/activity-schemas";
import { PATROL_ACTIONS, PATROL_MACHINE, PATROL_STATUSES } from "~/modules/patrols/machine";
import { isClockTime, parsePatrolStep, planSchema, STEP_SCHEMAS } from "~/modules/patrols/schemas";
import * as vocabulary from "~/modules/patrols/vocabulary";
import { availableTransitions } from "~/modules/records/state-machine";

const t = translator("zh-CN");

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) data.append(k, x);
  return data;
}

describe("the patrol machine", () => {
  it("plans, starts, completes or cancels; completed and cancelled are final", () => {
    const table = Object.fromEntries(
      PATROL_STATUSES.map((s) => [s, Object.fromEntries(PATROL_MACHINE.transitions.filter((tr) => tr.from.includes(s)).map((tr) => [tr.action, tr.to]))]),
    );
    expect(table).toEqual({
      planned: { start: "in_progress", cancel: "cancelled" },
      in_progress: { complete: "completed", cancel: "cancelled" },
      completed: {},
      cancelled: {},
    });
    expect(PATROL_MACHINE.initial).toBe("planned");
    expect([...PATROL_MACHINE.final].sort()).toEqual(["cancelled", "completed"]);
    expect(new Set(PATROL_MACHINE.transitions.map((tr) => tr.action))).toEqual(new Set(PATROL_ACTIONS));
  });

  it("only roles that may transition patrols appear in it: police liaisons and political-legal staff", () => {
    for (const tr of PATROL_MACHINE.transitions) for (const role of tr.roles) expect(CAPABILITIES[role].patrol).toContain("transition");
    for (const role of ROLES) {
      const steps = availableTransitions(PATROL_MACHINE, "planned", [role]).map((tr) => tr.action);
      expect(steps, role).toEqual(role === "police_liaison" || role === "pl_staff" ? ["start", "cancel"] : []);
    }
  });

  it("each step's schema requires exactly the fields the machine lists, with Chinese messages", () => {
    for (const tr of PATROL_MACHINE.transitions) {
      const parsed = parsePatrolStep(tr.action, new FormData(), t);
      expect(parsed.ok ? [] : Object.keys(parsed.errors).sort(), tr.action).toEqual([...tr.requires].sort());
      expect(Object.keys(STEP_SCHEMAS[tr.action].shape).sort()).toEqual([...tr.requires].sort());
    }
    const complete = parsePatrolStep("complete", form({ endedAt: "2026-01-05T21:30", peopleChecked: "-1", vehiclesChecked: "1.5", summary: "好" }), t);
    expect(complete.ok ? {} : complete.errors).toEqual({ peopleChecked: "请填写 0 或正整数", vehiclesChecked: "请填写 0 或正整数" });
    const future = parsePatrolStep("start", form({ startedAt: "2999-01-01T08:00" }), t);
    expect(future.ok ? {} : future.errors).toEqual({ startedAt: "时间不能晚于现在" });
  });

  it("reads the plan form: a time window, both lists, and the words of the errors", () => {
    expect(isClockTime("08:30")).toBe(true);
    expect(isClockTime("24:00")).toBe(false);
    const empty = planSchema.safeParse({ regionIds: [], participantIds: [] });
    expect(empty.success).toBe(false);
    const same = planSchema.safeParse({
      teamId: "1", kind: "routine", patrolOn: "2099-01-01", plannedStart: "09:00", plannedEnd: "09:00", route: "路线", regionIds: [], participantIds: ["u"],
    });
    expect(same.success ? [] : same.error.issues.map((i) => i.path[0]).sort()).toEqual(["patrolOn", "plannedEnd"]);
  });

  it("counts of joint activities are whole numbers from 0, resolved never above received", () => {
    const base = { pactId: "1", kind: "public_request", title: "接访", heldOn: "2025-05-01" };
    expect(activitySchema.safeParse({ ...base, requestsReceived: "3", requestsResolved: "2" }).success).toBe(true);
    const over = activitySchema.safeParse({ ...base, requestsReceived: "2", requestsResolved: "3" });
    expect(over.success ? [] : over.error.issues.map((i) => [i.path[0], i.message])).toEqual([["requestsResolved", "patrols.activity.form.resolvedOverReceived"]]);
    for (const bad of ["-1", "1.5", "abc", "100001"]) expect(activitySchema.safeParse({ ...base, attendance: bad }).success, bad).toBe(false);
  });

  it("keeps the kinds the same as the schema stores them, with words in both languages", () => {
    expect(vocabulary.PATROL_KINDS).toEqual(dbPatrols.PATROL_KINDS);
    expect(vocabulary.ACTIVITY_KINDS).toEqual(dbPatrols.ACTIVITY_KINDS);
    for (const dict of Object.values(DICTIONARIES)) {
      for (const s of PATROL_STATUSES) expect(dict[`patrols.status.${s}` as keyof typeof dict]).toBeTruthy();
      for (const a of [...PATROL_ACTIONS, "create", "finding"]) expect(dict[`patrols.action.${a}` as keyof typeof dict]).toBeTruthy();
      for (const k of vocabulary.PATROL_KINDS) expect(dict[`patrols.kind.${k}` as keyof typeof dict]).toBeTruthy();
      for (const k of vocabulary.ACTIVITY_KINDS) expect(dict[`patrols.activity.kind.${k}` as keyof typeof dict]).toBeTruthy();
    }
  });
});
