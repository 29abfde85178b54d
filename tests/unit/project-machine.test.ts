/** The project state machine as data, its forms' required fields, its words, and milestone marks. */
import { describe, expect, it } from "vitest";
import * as dbProjects from "~db/schema/projects";
import { translator } from "~/i18n";
import { CAPABILITIES, ROLES } from "~/modules/access/capabilities";
import { PROJECT_ACTIONS, PROJECT_MACHINE, PROJECT_STATUSES } from "~/modules/projects/machine";
import { endOfChinaDay, milestoneState, projectDueAt } from "~/modules/projects/milestones";
import { parseProjectStep, STEP_SCHEMAS } from "~/modules/projects/schemas";
import * as vocabulary from "~/modules/projects/vocabulary";
import { availableTransitions } from "~/modules/records/state-machine";

const t = translator("zh-CN");

describe("the project machine", () => {
  it("proposed → active → completed; active ⇄ suspended; completed is final", () => {
    expect(PROJECT_MACHINE.initial).toBe("proposed");
    expect(PROJECT_MACHINE.final).toEqual(["completed"]);
    const table = Object.fromEntries(
      PROJECT_STATUSES.map((s) => [s, Object.fromEntries(PROJECT_MACHINE.transitions.filter((tr) => tr.from.includes(s)).map((tr) => [tr.action, tr.to]))]),
    );
    expect(table).toEqual({
      proposed: { activate: "active" },
      active: { complete: "completed", suspend: "suspended" },
      suspended: { resume: "active" },
      completed: {},
    });
    expect(new Set(PROJECT_MACHINE.transitions.map((tr) => tr.action))).toEqual(new Set(PROJECT_ACTIONS));
  });

  it("only political-legal staff appear in it, and only roles that may transition projects", () => {
    for (const tr of PROJECT_MACHINE.transitions) {
      expect(tr.roles).toEqual(["pl_staff"]);
      for (const role of tr.roles) expect(CAPABILITIES[role].project).toContain("transition");
    }
    for (const role of ROLES) {
      for (const status of PROJECT_STATUSES) {
        const steps = availableTransitions(PROJECT_MACHINE, status, [role]);
        if (role !== "pl_staff") expect(steps, `${role} ${status}`).toEqual([]);
      }
    }
  });

  it("each step's schema requires exactly the fields the machine lists (a note)", () => {
    for (const tr of PROJECT_MACHINE.transitions) {
      const parsed = parseProjectStep(tr.action, new FormData(), t);
      expect(parsed.ok ? [] : Object.keys(parsed.errors).sort(), tr.action).toEqual([...tr.requires].sort());
      expect(Object.keys(STEP_SCHEMAS[tr.action].shape)).toEqual(expect.arrayContaining([...tr.requires]));
    }
  });

  it("the browser-safe fields match the database's, and everything has words in both languages", () => {
    expect(vocabulary.PROJECT_FIELDS).toEqual(dbProjects.PROJECT_FIELDS);
    for (const locale of ["zh-CN", "en"] as const) {
      const tr = translator(locale);
      const keys = [
        ...PROJECT_STATUSES.map((s) => `projects.status.${s}`),
        ...[...PROJECT_ACTIONS, "create", "milestone_done", "milestone_add"].map((a) => `projects.action.${a}`),
        ...vocabulary.PROJECT_FIELDS.map((f) => `projects.field.${f}`),
        ...["done", "done_late", "overdue", "upcoming"].map((s) => `projects.milestone.${s}`),
      ];
      for (const key of keys) expect(tr(key as never), key).not.toBe(key);
    }
    expect(t("projects.field.culture")).toBe("文化");
    expect(t("projects.status.active")).toBe("实施中");
  });
});

describe("milestone marks and the project's deadline", () => {
  const now = Date.parse("2026-05-10T12:00:00+08:00");

  it("done, done late, overdue only while active and after its day, else upcoming", () => {
    expect(milestoneState({ dueOn: "2026-05-01", doneOn: "2026-04-30" }, "active", now)).toBe("done");
    expect(milestoneState({ dueOn: "2026-05-01", doneOn: "2026-05-03" }, "completed", now)).toBe("done_late");
    expect(milestoneState({ dueOn: "2026-05-09", doneOn: null }, "active", now)).toBe("overdue");
    expect(milestoneState({ dueOn: "2026-05-10", doneOn: null }, "active", now)).toBe("upcoming");
    expect(milestoneState({ dueOn: "2026-05-09", doneOn: null }, "suspended", now)).toBe("upcoming");
    expect(milestoneState({ dueOn: "2026-05-09", doneOn: null }, "proposed", now)).toBe("upcoming");
  });

  it("due_at is the end of the earliest undone milestone's day while active, otherwise none", () => {
    const ms = [
      { dueOn: "2026-06-01", doneOn: null },
      { dueOn: "2026-05-01", doneOn: "2026-05-01" },
      { dueOn: "2026-05-20", doneOn: null },
    ];
    expect(projectDueAt("active", ms)).toBe(endOfChinaDay("2026-05-20"));
    expect(endOfChinaDay("2026-05-20")).toBe(Date.parse("2026-05-20T23:59:59.999+08:00"));
    for (const s of ["proposed", "suspended", "completed"]) expect(projectDueAt(s, ms)).toBeNull();
    expect(projectDueAt("active", [{ dueOn: "2026-05-01", doneOn: "2026-05-01" }])).toBeNull();
  });
});
