/** The hazard state machine as data: its shape, and the fields each step requires. */
import { describe, expect, it } from "vitest";
import * as dbHazards from "~db/schema/hazards";
import { translator } from "~/i18n";
import { CAPABILITIES, ROLES } from "~/modules/access/capabilities";
import { HAZARD_ACTIONS, HAZARD_MACHINE, HAZARD_OPEN_STATUSES, HAZARD_STATUSES } from "~/modules/hazards/machine";
import { STEP_SCHEMAS, parseStepForm } from "~/modules/hazards/schemas";
import * as vocabulary from "~/modules/hazards/vocabulary";
import { availableTransitions } from "~/modules/records/state-machine";

const t = translator("zh-CN");

describe("the hazard machine", () => {
  it("starts at reported; eliminated and dismissed are final and have no way out", () => {
    expect(HAZARD_MACHINE.initial).toBe("reported");
    expect([...HAZARD_MACHINE.final].sort()).toEqual(["dismissed", "eliminated"]);
    for (const s of HAZARD_MACHINE.final) expect(HAZARD_MACHINE.transitions.filter((tr) => tr.from.includes(s))).toEqual([]);
    expect(HAZARD_OPEN_STATUSES).toEqual(["reported", "verifying", "rectifying"]);
  });

  it("every status can be reached from reported, every action is used, every target is a status", () => {
    const reached = new Set<string>([HAZARD_MACHINE.initial]);
    for (let changed = true; changed; ) {
      changed = false;
      for (const tr of HAZARD_MACHINE.transitions) {
        if (tr.from.some((f) => reached.has(f)) && !reached.has(tr.to)) {
          reached.add(tr.to);
          changed = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...HAZARD_STATUSES].sort());
    expect(new Set(HAZARD_MACHINE.transitions.map((tr) => tr.action))).toEqual(new Set(HAZARD_ACTIONS));
  });

  it("only roles that may transition hazards appear in it", () => {
    for (const tr of HAZARD_MACHINE.transitions) {
      for (const role of tr.roles) expect(CAPABILITIES[role].hazard).toContain("transition");
    }
    for (const role of ROLES) {
      if (!CAPABILITIES[role].hazard.includes("transition")) expect(availableTransitions(HAZARD_MACHINE, "reported", [role])).toEqual([]);
    }
  });

  it("each step's schema requires exactly the fields the machine lists", () => {
    for (const tr of HAZARD_MACHINE.transitions) {
      const parsed = parseStepForm(tr.action, new FormData(), t);
      const missing = parsed.ok ? [] : Object.keys(parsed.errors).sort();
      expect(missing, tr.action).toEqual([...tr.requires].sort());
      expect(Object.keys(STEP_SCHEMAS[tr.action].shape)).toEqual(expect.arrayContaining([...tr.requires]));
    }
  });

  it("the browser-safe vocabulary matches the database's", () => {
    expect(vocabulary.HAZARD_CATEGORIES).toEqual(dbHazards.HAZARD_CATEGORIES);
    expect(vocabulary.HAZARD_SEVERITIES).toEqual(dbHazards.HAZARD_SEVERITIES);
    expect(vocabulary.HAZARD_SOURCES).toEqual(dbHazards.HAZARD_SOURCES);
    expect(vocabulary.SWEEP_KINDS).toEqual(dbHazards.jointSweeps.kind.enumValues);
    expect(vocabulary.SWEEP_STATUSES).toEqual(dbHazards.jointSweeps.status.enumValues);
  });

  it("every status, action, category, severity and source has words in both languages", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const tr = translator(locale);
      const keys = [
        ...HAZARD_STATUSES.map((s) => `hazards.status.${s}`),
        ...HAZARD_ACTIONS.map((a) => `hazards.action.${a}`),
        ...vocabulary.HAZARD_CATEGORIES.map((c) => `hazards.category.${c}`),
        ...vocabulary.HAZARD_SEVERITIES.map((s) => `hazards.severity.${s}`),
        ...vocabulary.HAZARD_SOURCES.map((s) => `hazards.source.${s}`),
      ];
      for (const key of keys) expect(tr(key as never), key).not.toBe(key);
    }
    expect(t("hazards.severity.general")).toBe("一般");
    expect(t("hazards.severity.major")).toBe("较大");
    expect(t("hazards.severity.serious")).toBe("重大");
  });
});
