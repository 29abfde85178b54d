import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { pactLiaisons, pactMembers, pactWorkflows } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import {
  countersignPact, declinePact, proposePact, resumePact, suspendPact, terminatePact,
} from "~/modules/pacts/lifecycle.server";
import { getPactFor, pactsAwaitingOthers, pendingCountersignatures } from "~/modules/pacts/pacts.server";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import {
  activePactOf, auditOf, daysFromToday, denialsOf, eventsOf, pactCount, proposalFrom, proposeAs, statusOf, userIdOf,
} from "./helpers/pact-fixtures";

useDemoData();

const membersOf = (pactId: number) =>
  getDb().select().from(pactMembers).where(eq(pactMembers.pactId, pactId)).all();

describe("proposing a pact", () => {
  it("XH proposes to ZJ with two workflows: proposed, XH signed by the proposer, ZJ pending, all recorded", () => {
    const pactId = proposeAs("xh.pl", ["ZJ"], { workflows: ["hazard", "patrol"] });
    expect(statusOf(pactId)).toBe("proposed");

    const members = membersOf(pactId);
    expect(members).toHaveLength(2);
    const xh = members.find((m) => m.countyId === countyIdOf("XH"))!;
    const zj = members.find((m) => m.countyId === countyIdOf("ZJ"))!;
    expect(xh).toMatchObject({ signature: "signed", signedBy: userIdOf("xh.pl") });
    expect(xh.signedAt).toBeGreaterThan(0);
    expect(zj).toMatchObject({ signature: "pending", signedBy: null, signedAt: null });

    const workflows = getDb().select().from(pactWorkflows).where(eq(pactWorkflows.pactId, pactId)).all();
    expect(workflows.map((w) => w.workflow).sort()).toEqual(["hazard", "patrol"]);
    const liaisons = getDb().select().from(pactLiaisons).where(eq(pactLiaisons.pactId, pactId)).all();
    expect(liaisons).toEqual([{ pactId, userId: userIdOf("xh.pl"), countyId: countyIdOf("XH") }]);

    expect(eventsOf(pactId).map((e) => [e.action, e.userId])).toEqual([["propose", userIdOf("xh.pl")]]);
    const audit = auditOf("pact", pactId);
    expect(audit.map((a) => a.action)).toEqual(["pact.propose"]);
    expect(audit[0].countyId).toBe(countyIdOf("XH"));
    expect(JSON.parse(audit[0].after!)).toMatchObject({ status: "proposed", workflows: ["hazard", "patrol"] });

    expect(pendingCountersignatures(viewerOf("zj.admin")).map((p) => p.id)).toContain(pactId);
    expect(pendingCountersignatures(viewerOf("xh.admin")).map((p) => p.id)).not.toContain(pactId);
    expect(pactsAwaitingOthers(viewerOf("xh.pl")).map((p) => p.id)).toContain(pactId);
  });

  it("the county admin may propose too; other roles are refused and the refusal is audited", () => {
    expect(proposePact(viewerOf("xh.admin"), proposalFrom("xh.admin", ["ZJ"])).ok).toBe(true);
    const before = pactCount();
    for (const username of ["xh.grid", "xh.police", "xh.mediator", "xh.leader"]) {
      expect(proposePact(viewerOf(username), proposalFrom(username, ["ZJ"]))).toEqual({ ok: false, reason: "forbidden" });
      expect(denialsOf(username, "pact", "new")).toHaveLength(1);
    }
    expect(pactCount()).toBe(before);
  });

  it("refuses bad choices and writes nothing: own county as partner, another county's liaison, a past or reversed term", () => {
    const before = pactCount();
    const auditBefore = getDb().$client.prepare("select count(*) n from audit_log").get() as { n: number };
    const refuse = (overrides: Parameters<typeof proposalFrom>[2]) => proposePact(viewerOf("xh.pl"), proposalFrom("xh.pl", ["ZJ"], overrides));
    expect(refuse({ partnerCountyIds: [countyIdOf("XH")] })).toMatchObject({ reason: "invalid", errors: { partnerCountyIds: "form.invalidChoice" } });
    expect(refuse({ partnerCountyIds: [987654] })).toMatchObject({ reason: "invalid", errors: { partnerCountyIds: "form.invalidChoice" } });
    expect(refuse({ liaisonIds: [userIdOf("zj.pl")] })).toMatchObject({ reason: "invalid", errors: { liaisonIds: "form.invalidChoice" } });
    expect(refuse({ endsOn: daysFromToday(-1), startsOn: daysFromToday(-10) })).toMatchObject({ errors: { endsOn: "pacts.form.endsInPast" } });
    expect(refuse({ endsOn: daysFromToday(0), startsOn: daysFromToday(5) })).toMatchObject({ errors: { endsOn: "pacts.form.endsBeforeStart" } });
    expect(pactCount()).toBe(before);
    const auditAfter = getDb().$client.prepare("select count(*) n from audit_log").get() as { n: number };
    expect(auditAfter.n).toBe(auditBefore.n);
  });
});

describe("countersigning", () => {
  it("only ZJ's admin may countersign for ZJ; the pact is active once all have signed", () => {
    const pactId = proposeAs("xh.pl", ["ZJ"], { workflows: ["hazard", "dispute"] });
    const zjLiaisons = { liaisonIds: [userIdOf("zj.pl"), userIdOf("zj.police")] };

    expect(countersignPact(viewerOf("zj.pl"), pactId, zjLiaisons)).toEqual({ ok: false, reason: "forbidden" });
    expect(denialsOf("zj.pl", "pact", pactId)).toHaveLength(1);
    // Not a member: the pact does not exist for TZ.
    expect(countersignPact(viewerOf("tz.admin"), pactId, zjLiaisons)).toEqual({ ok: false, reason: "not_found" });
    // The proposing side has signed already and is not invited.
    expect(countersignPact(viewerOf("xh.admin"), pactId, { liaisonIds: [userIdOf("xh.admin")] })).toEqual({ ok: false, reason: "forbidden" });
    expect(statusOf(pactId)).toBe("proposed");

    // Liaisons must be enabled people of the signing county, at least one.
    expect(countersignPact(viewerOf("zj.admin"), pactId, { liaisonIds: [] })).toMatchObject({ reason: "invalid", errors: { liaisonIds: "pacts.form.liaisonsRequired" } });
    expect(countersignPact(viewerOf("zj.admin"), pactId, { liaisonIds: [userIdOf("xh.pl")] })).toMatchObject({ reason: "invalid", errors: { liaisonIds: "form.invalidChoice" } });
    expect(statusOf(pactId)).toBe("proposed");

    expect(countersignPact(viewerOf("zj.admin"), pactId, zjLiaisons)).toEqual({ ok: true, status: "active" });
    expect(statusOf(pactId)).toBe("active");
    const zj = membersOf(pactId).find((m) => m.countyId === countyIdOf("ZJ"))!;
    expect(zj).toMatchObject({ signature: "signed", signedBy: userIdOf("zj.admin") });
    const liaisons = getDb().select().from(pactLiaisons)
      .where(and(eq(pactLiaisons.pactId, pactId), eq(pactLiaisons.countyId, countyIdOf("ZJ")))).all();
    expect(liaisons.map((l) => l.userId).sort()).toEqual(zjLiaisons.liaisonIds.slice().sort());

    expect(eventsOf(pactId).map((e) => e.action)).toEqual(["propose", "countersign", "activate"]);
    const countersign = auditOf("pact", pactId).find((a) => a.action === "pact.countersign")!;
    expect(countersign.actorUserId).toBe(userIdOf("zj.admin"));
    expect(countersign.countyId).toBe(countyIdOf("ZJ"));
    expect(JSON.parse(countersign.before!)).toEqual({ status: "proposed", signature: "pending" });
    expect(JSON.parse(countersign.after!)).toMatchObject({ status: "active", signature: "signed" });

    // Signing twice is a conflict, not a second signature.
    expect(countersignPact(viewerOf("zj.admin"), pactId, zjLiaisons)).toEqual({ ok: false, reason: "conflict" });
    expect(eventsOf(pactId)).toHaveLength(3);
  });

  it("a three-county pact needs every invited admin's signature", () => {
    const pactId = proposeAs("xh.pl", ["ZJ", "TZ"]);
    expect(countersignPact(viewerOf("zj.admin"), pactId, { liaisonIds: [userIdOf("zj.pl")] })).toEqual({ ok: true, status: "proposed" });
    expect(statusOf(pactId)).toBe("proposed");
    expect(pendingCountersignatures(viewerOf("tz.admin")).map((p) => p.id)).toContain(pactId);
    expect(pactsAwaitingOthers(viewerOf("zj.admin")).map((p) => p.id)).toContain(pactId);
    expect(countersignPact(viewerOf("tz.admin"), pactId, { liaisonIds: [userIdOf("tz.pl")] })).toEqual({ ok: true, status: "active" });
    expect(statusOf(pactId)).toBe("active");
    expect(eventsOf(pactId).map((e) => e.action)).toEqual(["propose", "countersign", "countersign", "activate"]);
    expect(pactsAwaitingOthers(viewerOf("xh.pl")).map((p) => p.id)).not.toContain(pactId);
  });

  it("an invited admin may decline (reason optional); the pact is declined and no one can sign it any more", () => {
    const pactId = proposeAs("xh.pl", ["YP", "ZJ"]);
    expect(declinePact(viewerOf("yp.pl"), pactId, { reason: "不同意" })).toEqual({ ok: false, reason: "forbidden" });
    expect(declinePact(viewerOf("yp.admin"), pactId, { reason: "条款需再协商" })).toEqual({ ok: true, status: "declined" });
    expect(statusOf(pactId)).toBe("declined");
    expect(membersOf(pactId).find((m) => m.countyId === countyIdOf("YP"))!.signature).toBe("declined");
    expect(countersignPact(viewerOf("zj.admin"), pactId, { liaisonIds: [userIdOf("zj.pl")] })).toEqual({ ok: false, reason: "conflict" });
    const events = eventsOf(pactId);
    expect(events.at(-1)).toMatchObject({ action: "decline", reason: "条款需再协商", userId: userIdOf("yp.admin"), countyId: countyIdOf("YP") });
    const audit = auditOf("pact", pactId).find((a) => a.action === "pact.decline")!;
    expect(JSON.parse(audit.before!)).toEqual({ status: "proposed", signature: "pending" });
    expect(JSON.parse(audit.after!)).toMatchObject({ status: "declined", signature: "declined", reason: "条款需再协商" });

    const other = proposeAs("xh.pl", ["ZJ"]);
    expect(declinePact(viewerOf("zj.admin"), other)).toEqual({ ok: true, status: "declined" });
    expect(eventsOf(other).at(-1)).toMatchObject({ action: "decline", reason: null });
  });

  it("the proposer may withdraw a proposal (a termination with a reason); an invited county may not", () => {
    const pactId = proposeAs("xh.pl", ["ZJ"]);
    expect(terminatePact(viewerOf("zj.admin"), pactId, { reason: "想撤回" })).toEqual({ ok: false, reason: "forbidden" });
    expect(terminatePact(viewerOf("xh.admin"), pactId, { reason: "  " })).toMatchObject({ reason: "invalid", errors: { reason: "form.required" } });
    expect(terminatePact(viewerOf("xh.admin"), pactId, { reason: "条款有误，重新起草" })).toEqual({ ok: true, status: "terminated" });
    expect(eventsOf(pactId).map((e) => e.action)).toEqual(["propose", "terminate"]);
    // ZJ's refused attempt is in the audit log as a denial, between the two steps.
    expect(auditOf("pact", pactId).map((a) => a.action)).toEqual(["pact.propose", "access.denied", "pact.terminate"]);
    expect(denialsOf("zj.admin", "pact", pactId)).toHaveLength(1);
    expect(countersignPact(viewerOf("zj.admin"), pactId, { liaisonIds: [userIdOf("zj.pl")] })).toEqual({ ok: false, reason: "conflict" });
  });
});

describe("suspending, resuming, terminating", () => {
  it("any member's pl_staff or admin suspends with a reason, the suspending county resumes; every step in pact_events and audit_log", () => {
    const pactId = activePactOf("xh.pl", ["ZJ"]);

    expect(suspendPact(viewerOf("zj.pl"), pactId, { reason: "" })).toMatchObject({ reason: "invalid", errors: { reason: "form.required" } });
    expect(suspendPact(viewerOf("zj.grid"), pactId, { reason: "汛期" })).toEqual({ ok: false, reason: "forbidden" });
    expect(suspendPact(viewerOf("tz.pl"), pactId, { reason: "汛期" })).toEqual({ ok: false, reason: "not_found" });
    expect(resumePact(viewerOf("zj.pl"), pactId)).toEqual({ ok: false, reason: "conflict" });
    expect(statusOf(pactId)).toBe("active");

    expect(suspendPact(viewerOf("zj.pl"), pactId, { reason: "换届调整联络人" })).toEqual({ ok: true, status: "suspended" });
    expect(suspendPact(viewerOf("xh.pl"), pactId, { reason: "再次暂停" })).toEqual({ ok: false, reason: "conflict" });
    expect(resumePact(viewerOf("zj.admin"), pactId)).toEqual({ ok: true, status: "active" });
    expect(terminatePact(viewerOf("xh.pl"), pactId, { reason: "" })).toMatchObject({ reason: "invalid", errors: { reason: "form.required" } });
    expect(terminatePact(viewerOf("zj.admin"), pactId, { reason: "行政区划调整" })).toEqual({ ok: true, status: "terminated" });
    expect(resumePact(viewerOf("zj.admin"), pactId)).toEqual({ ok: false, reason: "conflict" });
    expect(statusOf(pactId)).toBe("terminated");

    const events = eventsOf(pactId).map((e) => [e.action, e.reason]);
    expect(events).toEqual([
      ["propose", null],
      ["countersign", null],
      ["activate", null],
      ["suspend", "换届调整联络人"],
      ["resume", null],
      ["terminate", "行政区划调整"],
    ]);
    const steps = auditOf("pact", pactId).filter((a) => a.action !== "access.denied");
    expect(steps.map((a) => [a.action, JSON.parse(a.before ?? "null")?.status, JSON.parse(a.after!).status])).toEqual([
      ["pact.propose", undefined, "proposed"],
      ["pact.countersign", "proposed", "active"],
      ["pact.suspend", "active", "suspended"],
      ["pact.resume", "suspended", "active"],
      ["pact.terminate", "active", "terminated"],
    ]);
    expect(JSON.parse(steps[2].after!).reason).toBe("换届调整联络人");

    // The history on the detail shows who, for which county, and why.
    const detail = getPactFor(viewerOf("xh.pl"), pactId)!;
    expect(detail.history.map((h) => [h.action, h.userName, h.countyName])).toContainEqual(["suspend", "周春燕", "芷江侗族自治县"]);
  });

  it("a suspended pact can be terminated directly", () => {
    const pactId = activePactOf("xh.pl", ["ZJ"]);
    expect(suspendPact(viewerOf("xh.pl"), pactId, { reason: "核查" }).ok).toBe(true);
    expect(terminatePact(viewerOf("zj.pl"), pactId, { reason: "终止合作" })).toEqual({ ok: true, status: "terminated" });
  });
});
