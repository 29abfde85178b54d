/** The dispute state machine as data, the vocabulary, and the words of both in both languages. */
import { describe, expect, it } from "vitest";
import * as dbDisputes from "~db/schema/disputes";
import { translator } from "~/i18n";
import { CAPABILITIES, ROLES } from "~/modules/access/capabilities";
import { DISPUTE_ACTIONS, DISPUTE_MACHINE, DISPUTE_OPEN_STATUSES, DISPUTE_STATUSES, initialDisputeStatus } from "~/modules/disputes/machine";
import { STEP_SCHEMAS, parseStepForm } from "~/modules/disputes/schemas";
import * as vocabulary from "~/modules/disputes/vocabulary";
import { availableTransitions } from "~/modules/records/state-machine";

const t = translator("zh-CN");

describe("the dispute machine", () => {
  it("starts at registered (reported for a grid worker); failed and followed_up are final", () => {
    expect(DISPUTE_MACHINE.initial).toBe("registered");
    expect(initialDisputeStatus(["grid_worker"])).toBe("reported");
    expect(initialDisputeStatus(["mediator"])).toBe("registered");
    expect(initialDisputeStatus(["pl_staff"])).toBe("registered");
    expect([...DISPUTE_MACHINE.final].sort()).toEqual(["failed", "followed_up"]);
    expect(DISPUTE_OPEN_STATUSES).toEqual(["reported", "registered", "assessing", "mediating", "resolved", "stabilised"]);
    // Only more return visits leave a final state, and they stay in it.
    for (const s of DISPUTE_MACHINE.final) {
      expect(DISPUTE_MACHINE.transitions.filter((tr) => tr.from.includes(s)).every((tr) => tr.to === s)).toBe(true);
    }
  });

  it("every status can be reached from reported, every action is used", () => {
    const reached = new Set<string>(["reported"]);
    for (let changed = true; changed; ) {
      changed = false;
      for (const tr of DISPUTE_MACHINE.transitions) {
        if (tr.from.some((f) => reached.has(f)) && !reached.has(tr.to)) {
          reached.add(tr.to);
          changed = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...DISPUTE_STATUSES].sort());
    expect(new Set(DISPUTE_MACHINE.transitions.map((tr) => tr.action))).toEqual(new Set(DISPUTE_ACTIONS));
  });

  it("only roles that may transition disputes appear in it", () => {
    for (const tr of DISPUTE_MACHINE.transitions) for (const role of tr.roles) expect(CAPABILITIES[role].dispute).toContain("transition");
    for (const role of ROLES) {
      if (!CAPABILITIES[role].dispute.includes("transition")) {
        for (const s of DISPUTE_STATUSES) expect(availableTransitions(DISPUTE_MACHINE, s, [role])).toEqual([]);
      }
    }
  });

  it("each step's schema requires exactly the fields the machine lists", () => {
    for (const tr of DISPUTE_MACHINE.transitions) {
      const parsed = parseStepForm(tr.action, new FormData(), t);
      const missing = parsed.ok ? [] : Object.keys(parsed.errors).sort();
      expect(missing, tr.action).toEqual([...tr.requires].sort());
      expect(Object.keys(STEP_SCHEMAS[tr.action].shape)).toEqual(expect.arrayContaining([...tr.requires]));
    }
  });

  it("the browser-safe vocabulary matches the database's", () => {
    expect(vocabulary.DISPUTE_TYPES).toEqual(dbDisputes.DISPUTE_TYPES);
    expect(vocabulary.ESCALATION_RISKS).toEqual(dbDisputes.ESCALATION_RISKS);
    expect(vocabulary.REFERRAL_KINDS).toEqual(dbDisputes.REFERRAL_KINDS);
    expect(vocabulary.VISIT_METHODS).toEqual(dbDisputes.returnVisits.method.enumValues);
  });

  it("every status, action, type, risk, referral and visit method has words in both languages", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const tr = translator(locale);
      const keys = [
        ...DISPUTE_STATUSES.map((s) => `disputes.status.${s}`),
        ...[...DISPUTE_ACTIONS, "lead_change", "session"].map((a) => `disputes.action.${a}`),
        ...vocabulary.DISPUTE_TYPES.map((c) => `disputes.type.${c}`),
        ...vocabulary.ESCALATION_RISKS.map((s) => `disputes.risk.${s}`),
        ...vocabulary.REFERRAL_KINDS.map((s) => `disputes.referral.${s}`),
        ...vocabulary.VISIT_METHODS.map((s) => `disputes.method.${s}`),
      ];
      for (const key of keys) expect(tr(key as never), key).not.toBe(key);
    }
    expect(t("disputes.status.stabilised")).toBe("已稳控");
  });
});
