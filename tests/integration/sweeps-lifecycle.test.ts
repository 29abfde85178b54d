/**
 * Joint sweeps through their services: planned under a pact in force with the planner's own
 * people, staffed by each side, completed or cancelled, audited; seen by member counties only.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, jointSweepParticipants, jointSweeps } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import { getSweepDetail, listSweeps, requireSweep } from "~/modules/hazards/sweeps-read.server";
import { addSweepParticipant, cancelSweep, completeSweep, planSweep, removeSweepParticipant } from "~/modules/hazards/sweeps.server";
import type { PlanSweepInput } from "~/modules/hazards/sweep-schemas";
import { useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween, setPactStatus } from "../setup/records";
import { auditCount, dayFromToday, reportAs } from "./helpers/hazard-fixtures";

useDemoData();

const idOf = (username: string) => viewerOf(username).userId;
const plan = (username: string, input: Partial<PlanSweepInput> = {}) =>
  planSweep(viewerOf(username), {
    pactId: pactIdBetween("XH", "TZ"), kind: "periodic", title: "边界隐患月度联合排查", scope: "花园村、阳寨村交界区域",
    plannedOn: dayFromToday(5), participantIds: [idOf("xh.grid")], ...input,
  });
const planned = (username = "xh.police") => {
  const result = plan(username);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.sweepId;
};
const participants = (sweepId: number) =>
  getDb().select().from(jointSweepParticipants).where(eq(jointSweepParticipants.sweepId, sweepId)).all().map((p) => p.userId).sort();
const statusOf = (sweepId: number) => getDb().select().from(jointSweeps).where(eq(jointSweeps.id, sweepId)).get()!.status;
const thrownStatus = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
  return 200;
};

describe("planning", () => {
  it("a handler plans under a pact in force with people of their own county; audited", () => {
    const sweepId = planned();
    expect(getDb().select().from(jointSweeps).where(eq(jointSweeps.id, sweepId)).get()).toMatchObject({
      status: "planned", kind: "periodic", organiserCountyId: viewerOf("xh.police").countyId,
    });
    expect(participants(sweepId)).toEqual([idOf("xh.grid")]);
    const entry = getDb().select().from(auditLog).where(and(eq(auditLog.action, "joint_sweep.plan"), eq(auditLog.entityId, String(sweepId)))).get()!;
    expect(entry.actorUserId).toBe(idOf("xh.police"));
  });

  it("refuses another county's people, a pact the county is not in, and roles that do not handle hazards", () => {
    const audits = auditCount();
    expect(plan("xh.police", { participantIds: [idOf("tz.grid")] })).toEqual({ ok: false, reason: "invalid", errors: { participantIds: "form.invalidChoice" } });
    expect(plan("yp.police", { participantIds: [idOf("yp.grid")] })).toEqual({ ok: false, reason: "invalid", errors: { pactId: "records.error.pactNotUsable" } });
    expect(auditCount()).toBe(audits);
    for (const username of ["xh.grid", "xh.leader", "xh.admin"]) expect(thrownStatus(() => plan(username))).toBe(403);
  });

  it("a suspended pact takes no new sweeps and its planned sweeps can no longer change", () => {
    const sweepId = planned();
    setPactStatus(pactIdBetween("XH", "TZ"), "suspended");
    try {
      expect(plan("xh.police")).toMatchObject({ ok: false, reason: "invalid" });
      expect(completeSweep(viewerOf("tz.police"), sweepId, "完成")).toEqual({ ok: false, reason: "conflict" });
    } finally {
      setPactStatus(pactIdBetween("XH", "TZ"), "active");
    }
  });
});

describe("people from each side", () => {
  it("the partner county adds its own people; each county removes only its own", () => {
    const sweepId = planned();
    expect(addSweepParticipant(viewerOf("tz.police"), sweepId, idOf("tz.grid"))).toEqual({ ok: true });
    expect(addSweepParticipant(viewerOf("tz.pl"), sweepId, idOf("tz.police"))).toEqual({ ok: true });
    expect(addSweepParticipant(viewerOf("tz.police"), sweepId, idOf("tz.grid"))).toEqual({ ok: false, reason: "invalid", errors: { userId: "hazards.sweep.form.alreadyIn" } });
    expect(addSweepParticipant(viewerOf("tz.police"), sweepId, idOf("xh.pl"))).toEqual({ ok: false, reason: "invalid", errors: { userId: "form.invalidChoice" } });
    expect(participants(sweepId)).toEqual([idOf("xh.grid"), idOf("tz.grid"), idOf("tz.police")].sort());
    expect(removeSweepParticipant(viewerOf("tz.police"), sweepId, idOf("xh.grid"))).toMatchObject({ ok: false, reason: "invalid" });
    expect(removeSweepParticipant(viewerOf("tz.police"), sweepId, idOf("tz.grid"))).toEqual({ ok: true });
    expect(participants(sweepId)).toEqual([idOf("xh.grid"), idOf("tz.police")].sort());
    const detail = getSweepDetail(viewerOf("tz.pl"), requireSweep(viewerOf("tz.pl"), String(sweepId)));
    expect(detail.members.map((m) => m.countyName)).toEqual(["新晃侗族自治县", "天柱县"]);
    expect(detail.participants.map((p) => p.countyName)).toEqual(["新晃侗族自治县", "天柱县"]);
  });

  it("YP may not add its people to an XH–TZ sweep: it is not there for YP at all", () => {
    const sweepId = planned();
    expect(addSweepParticipant(viewerOf("yp.police"), sweepId, idOf("yp.grid"))).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("completing and cancelling", () => {
  it("records the outcome once; a finished sweep no longer changes", () => {
    const sweepId = planned();
    expect(completeSweep(viewerOf("tz.police"), sweepId, "排查民房20处，发现隐患1处。")).toEqual({ ok: true });
    expect(getDb().select().from(jointSweeps).where(eq(jointSweeps.id, sweepId)).get()).toMatchObject({ status: "completed", outcome: "排查民房20处，发现隐患1处。" });
    expect(completeSweep(viewerOf("xh.police"), sweepId, "again")).toEqual({ ok: false, reason: "conflict" });
    expect(addSweepParticipant(viewerOf("xh.police"), sweepId, idOf("xh.pl"))).toEqual({ ok: false, reason: "conflict" });
    expect(cancelSweep(viewerOf("xh.police"), sweepId, "取消")).toEqual({ ok: false, reason: "conflict" });
    const entry = getDb().select().from(auditLog).where(and(eq(auditLog.action, "joint_sweep.complete"), eq(auditLog.entityId, String(sweepId)))).get()!;
    expect(JSON.parse(entry.before!)).toEqual({ status: "planned" });
  });

  it("a cancelled sweep keeps its reason", () => {
    const sweepId = planned();
    expect(cancelSweep(viewerOf("xh.pl"), sweepId, "汛期道路中断")).toEqual({ ok: true });
    expect(statusOf(sweepId)).toBe("cancelled");
  });

  it("the hazards a sweep found are listed through the records' policy", () => {
    const sweepId = planned();
    const found = reportAs("tz.grid", { sweepId });
    const detail = getSweepDetail(viewerOf("xh.pl"), requireSweep(viewerOf("xh.pl"), String(sweepId)));
    expect(detail.found.map((h) => h.id)).toEqual([found]);
    expect(listSweeps(viewerOf("xh.pl")).find((s) => s.id === sweepId)!.foundCount).toBe(1);
  });
});

describe("visibility", () => {
  it("YP never sees an XH–TZ sweep; ZJ sees none; roles without hazards are refused", () => {
    const sweepId = planned();
    const ypTitles = listSweeps(viewerOf("yp.pl")).map((s) => s.title);
    expect(ypTitles).toEqual(["贡溪—皂角坪烟花爆竹与危险品重点排查"]);
    expect(listSweeps(viewerOf("yp.police")).some((s) => s.pactId === pactIdBetween("XH", "TZ"))).toBe(false);
    expect(thrownStatus(() => requireSweep(viewerOf("yp.pl"), String(sweepId)))).toBe(404);
    expect(thrownStatus(() => requireSweep(viewerOf("yp.pl"), "999999"))).toBe(404);
    expect(listSweeps(viewerOf("zj.pl"))).toEqual([]);
    expect(thrownStatus(() => requireSweep(viewerOf("zj.pl"), String(sweepId)))).toBe(404);
    expect(thrownStatus(() => listSweeps(viewerOf("xh.mediator")))).toBe(403);
    expect(thrownStatus(() => requireSweep(viewerOf("tz.admin"), String(sweepId)))).toBe(403);
    expect(listSweeps(viewerOf("tz.grid")).map((s) => s.id)).toContain(sweepId);
  });
});
