import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "~/modules/access/capabilities";
import {
  PACT_TRANSITIONS, checkTransition, pactPhase, transitionsFor, type PactPhase, type PactStanding,
} from "~/modules/pacts/transitions";

const PROPOSER = 1;
const INVITED = 2;
const standing = (
  phase: PactPhase,
  ownSignature: PactStanding["ownSignature"] = "signed",
  suspension: Partial<Pick<PactStanding, "suspenderCountyId" | "askedToResume">> = {},
): PactStanding => ({
  phase,
  proposerCountyId: PROPOSER,
  ownSignature,
  suspenderCountyId: phase === "suspended" ? INVITED : null,
  askedToResume: false,
  ...suspension,
});
const actor = (countyId: number, ...roles: Role[]) => ({ countyId, roles });

describe("pactPhase", () => {
  it("passes stored states through and splits active by its term", () => {
    const term = { startsOn: "2026-01-01", endsOn: "2026-12-31" };
    expect(pactPhase({ status: "active", ...term }, "2026-06-01")).toBe("active");
    expect(pactPhase({ status: "active", ...term }, "2026-12-31")).toBe("active");
    expect(pactPhase({ status: "active", ...term }, "2027-01-01")).toBe("expired");
    expect(pactPhase({ status: "active", ...term }, "2025-12-31")).toBe("upcoming");
    expect(pactPhase({ status: "active", startsOn: "2026-01-01", endsOn: null }, "2099-01-01")).toBe("active");
    for (const status of ["proposed", "declined", "suspended", "terminated"] as const) {
      expect(pactPhase({ status, ...term }, "2030-01-01")).toBe(status);
    }
  });
});

describe("the pact state machine", () => {
  it("countersign and decline: the admin of an invited county whose signature is pending, nobody else", () => {
    for (const action of ["countersign", "decline"] as const) {
      expect(checkTransition(standing("proposed", "pending"), actor(INVITED, "county_admin"), action).ok).toBe(true);
      for (const role of ROLES.filter((r) => r !== "county_admin")) {
        expect(checkTransition(standing("proposed", "pending"), actor(INVITED, role), action)).toEqual({ ok: false, reason: "forbidden" });
      }
      expect(checkTransition(standing("proposed", "signed"), actor(PROPOSER, "county_admin"), action)).toEqual({ ok: false, reason: "forbidden" });
      expect(checkTransition(standing("proposed", "signed"), actor(INVITED, "county_admin"), action)).toEqual({ ok: false, reason: "conflict" });
      for (const phase of ["active", "upcoming", "expired", "suspended", "declined", "terminated"] as const) {
        expect(checkTransition(standing(phase, "pending"), actor(INVITED, "county_admin"), action)).toEqual({ ok: false, reason: "conflict" });
      }
    }
  });

  it("suspend, terminate: pl_staff or admin of any member; withdraw only by the proposer", () => {
    const managers = [actor(PROPOSER, "pl_staff"), actor(INVITED, "county_admin"), actor(INVITED, "pl_staff")];
    for (const a of managers) {
      expect(checkTransition(standing("active"), a, "suspend").ok).toBe(true);
      expect(checkTransition(standing("upcoming"), a, "suspend").ok).toBe(true);
      expect(checkTransition(standing("suspended", "signed", { suspenderCountyId: a.countyId }), a, "resume").ok).toBe(true);
      expect(checkTransition(standing("active"), a, "terminate").ok).toBe(true);
      expect(checkTransition(standing("suspended"), a, "terminate").ok).toBe(true);
      expect(checkTransition(standing("active"), a, "resume")).toEqual({ ok: false, reason: "conflict" });
      expect(checkTransition(standing("expired"), a, "terminate")).toEqual({ ok: false, reason: "conflict" });
    }
    for (const role of ["police_liaison", "mediator", "grid_worker", "leader"] as const) {
      expect(checkTransition(standing("active"), actor(PROPOSER, role), "suspend")).toEqual({ ok: false, reason: "forbidden" });
      expect(checkTransition(standing("suspended"), actor(INVITED, role), "resume")).toEqual({ ok: false, reason: "forbidden" });
    }
    const withdraw = checkTransition(standing("proposed"), actor(PROPOSER, "pl_staff"), "terminate");
    expect(withdraw.ok && withdraw.transition.label).toBe("withdraw");
    expect(checkTransition(standing("proposed", "pending"), actor(INVITED, "county_admin"), "terminate")).toEqual({ ok: false, reason: "forbidden" });
  });

  it("resume: only the county that suspended; the others may ask once per suspension", () => {
    const suspendedByInvited = standing("suspended", "signed", { suspenderCountyId: INVITED });
    for (const role of ["pl_staff", "county_admin"] as const) {
      expect(checkTransition(suspendedByInvited, actor(INVITED, role), "resume").ok).toBe(true);
      expect(checkTransition(suspendedByInvited, actor(PROPOSER, role), "resume")).toEqual({ ok: false, reason: "forbidden" });
      expect(checkTransition(suspendedByInvited, actor(PROPOSER, role), "request_resume").ok).toBe(true);
      expect(checkTransition(suspendedByInvited, actor(INVITED, role), "request_resume")).toEqual({ ok: false, reason: "forbidden" });
      const asked = standing("suspended", "signed", { suspenderCountyId: INVITED, askedToResume: true });
      expect(checkTransition(asked, actor(PROPOSER, role), "request_resume")).toEqual({ ok: false, reason: "conflict" });
    }
    for (const role of ["police_liaison", "mediator", "grid_worker", "leader"] as const) {
      expect(checkTransition(suspendedByInvited, actor(PROPOSER, role), "request_resume")).toEqual({ ok: false, reason: "forbidden" });
    }
    expect(checkTransition(standing("active"), actor(PROPOSER, "pl_staff"), "request_resume")).toEqual({ ok: false, reason: "conflict" });
    // A suspension whose suspender is unknown (none is written so) stays liftable by any member.
    const unknown = standing("suspended", "signed", { suspenderCountyId: null });
    expect(checkTransition(unknown, actor(PROPOSER, "pl_staff"), "resume").ok).toBe(true);
  });

  it("the buttons are the transitions that check out, with their requirements", () => {
    const labels = (s: PactStanding, a: ReturnType<typeof actor>) => transitionsFor(s, a).map((t) => t.label);
    expect(labels(standing("proposed", "pending"), actor(INVITED, "county_admin"))).toEqual(["countersign", "decline"]);
    expect(labels(standing("proposed", "pending"), actor(INVITED, "county_admin", "pl_staff"))).toEqual(["countersign", "decline"]);
    expect(labels(standing("proposed"), actor(PROPOSER, "pl_staff"))).toEqual(["withdraw"]);
    expect(labels(standing("proposed"), actor(PROPOSER, "grid_worker"))).toEqual([]);
    expect(labels(standing("active"), actor(INVITED, "pl_staff"))).toEqual(["suspend", "terminate"]);
    expect(labels(standing("suspended", "signed", { suspenderCountyId: PROPOSER }), actor(PROPOSER, "county_admin"))).toEqual(["resume", "terminate"]);
    expect(labels(standing("suspended", "signed", { suspenderCountyId: INVITED }), actor(PROPOSER, "county_admin"))).toEqual(["request_resume", "terminate"]);
    for (const phase of ["expired", "declined", "terminated"] as const) {
      expect(labels(standing(phase), actor(PROPOSER, "county_admin", "pl_staff"))).toEqual([]);
    }
    const needs = Object.fromEntries(PACT_TRANSITIONS.map((t) => [t.label, t.requires]));
    expect(needs.countersign).toContain("liaisons");
    expect(needs.suspend).toContain("reason");
    expect(needs.terminate).toContain("reason");
    expect(needs.withdraw).toContain("reason");
    expect(needs.resume).toEqual([]);
  });
});
