/**
 * The agreement page: who may write the agreement (mediators/pl_staff of the lead county, committee
 * members who mediate), when (mediating or resolved), the document as others see it (parties
 * masked, also in print), 404 for counties that do not see the dispute, judicial confirmation
 * steps — each write audited with a thread event.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, jointBodies, mediationAgreements, threadEntries } from "~db/schema";
import { todayInChina } from "~/i18n";
import { getDb } from "~/modules/db/connection.server";
import { addDays } from "~/modules/disputes/judicial";
import { action, loader } from "~/routes/disputes.$disputeId_.agreement";
import { disputeRecord, moveDisputeTo, reportDisputeAs, validDisputeFields } from "./helpers/dispute-fixtures";
import { callRoute } from "./helpers/pact-requests";
import { loadDispute } from "~/modules/disputes/detail.server";
import { transitionDispute } from "~/modules/disputes/steps.server";
import { viewerOf } from "../setup/demo";
import { expectData, expectStatus, getAs, postAs, routeArgs } from "./helpers/requests";
import { useDemoData } from "../setup/demo";
import { pactIdBetween } from "../setup/records";

useDemoData();

const committee = (name: string) => getDb().select({ id: jointBodies.id }).from(jointBodies).where(eq(jointBodies.name, name)).get()!.id;
const TODAY = todayInChina();
const fields = (extra: Record<string, string> = {}) => ({
  intent: "agreement",
  facts: "街上村修建便道占用阳寨村山林。",
  issues: "占地如何恢复；用工如何安排。",
  terms: "项目结束后恢复土地；管护优先雇用两村村民。",
  performance: "竣工后三个月内恢复。",
  signedOn: TODAY,
  ...extra,
});
const ids = { mediating: 0, registered: 0, internal: 0 };
const page = (id: number) => `/disputes/${id}/agreement`;
const load = async (username: string, id: number) => loader(routeArgs(await getAs(username, page(id)), { disputeId: String(id) }));
const post = async (username: string, id: number, body: Record<string, string>) =>
  callRoute(action, await postAs(username, page(id), body), { disputeId: String(id) });
const status = async (answer: ReturnType<typeof post>) => (await answer).status;
const agreementOf = (id: number) => getDb().select().from(mediationAgreements).where(eq(mediationAgreements.recordId, id)).get();

beforeAll(() => {
  const shared = { pactId: pactIdBetween("XH", "TZ"), committeeId: committee("凉伞—坪地边界联合调解委员会") };
  ids.mediating = reportDisputeAs("xh.mediator", shared);
  moveDisputeTo(ids.mediating, "mediating", "xh.mediator");
  ids.registered = reportDisputeAs("xh.mediator", shared);
  ids.internal = reportDisputeAs("xh.mediator");
});

describe("who sees the agreement page", () => {
  it("the lead county's mediator and a committee member from the other side may write; parties in full", async () => {
    for (const username of ["xh.mediator", "xh.pl", "tz.mediator"]) {
      const data = await expectData(load(username, ids.mediating));
      expect(data.mayWrite, username).toBe(true);
      expect(data.parties.every((p) => !p.masked)).toBe(true);
    }
  });

  it("others of a county that sees it read it masked and may not write; the printout is the same data", async () => {
    for (const username of ["tz.pl", "tz.leader", "xh.grid", "tz.grid"]) {
      const data = await expectData(load(username, ids.mediating));
      expect(data.mayWrite, username).toBe(false);
    }
    const masked = await expectData(load("tz.pl", ids.mediating));
    expect(masked.parties.every((p) => p.masked && /\*{4}/.test(p.phone))).toBe(true);
  });

  it("404 for counties that do not see it, for missing ids and for other workflows' records", async () => {
    for (const username of ["yp.mediator", "yp.pl", "zj.pl"]) await expectStatus(load(username, ids.mediating), 404);
    await expectStatus(load("tz.mediator", ids.internal), 404);
    await expectStatus(load("xh.mediator", 99_999_999), 404);
    const hazard = getDb().select({ id: threadEntries.recordId }).from(threadEntries).innerJoin(
      (await import("~db/schema")).records, eq((await import("~db/schema")).records.id, threadEntries.recordId),
    ).where(eq((await import("~db/schema")).records.workflow, "hazard")).get()!.id;
    await expectStatus(load("xh.mediator", hazard), 404);
  });
});

describe("writing the agreement", () => {
  it("refuses other roles (403, audited), a dispute not yet mediating (409), missing fields and future dates (400)", async () => {
    expect(await status(post("tz.pl", ids.mediating, fields()))).toBe(403);
    expect(await status(post("xh.grid", ids.mediating, fields()))).toBe(403);
    expect(await status(post("yp.mediator", ids.mediating, fields()))).toBe(404);
    expect(await status(post("xh.mediator", ids.registered, fields()))).toBe(409);
    const missing = await post("xh.mediator", ids.mediating, fields({ terms: "" }));
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.data)).toContain("请填写协议内容");
    expect(await status(post("xh.mediator", ids.mediating, fields({ signedOn: addDays(TODAY, 1) })))).toBe(400);
    expect(agreementOf(ids.mediating)).toBeUndefined();
    const denied = getDb().select().from(auditLog).where(and(eq(auditLog.action, "access.denied"), eq(auditLog.entityId, String(ids.mediating)))).all();
    expect(denied.length).toBeGreaterThanOrEqual(2);
  });

  it("a TZ committee member writes it for the XH-led dispute; audited, with a thread event", async () => {
    expect((await post("tz.mediator", ids.mediating, fields())).location).toBe(`${page(ids.mediating)}?notice=saved`);
    expect(agreementOf(ids.mediating)).toMatchObject({ terms: fields().terms, signedOn: TODAY, judicialStatus: "not_applied" });
    const audit = getDb().select().from(auditLog).where(eq(auditLog.action, "dispute.agreement.create")).all();
    expect(audit.map((a) => a.entityId)).toContain(String(ids.mediating));
    const events = getDb().select().from(threadEntries).where(eq(threadEntries.recordId, ids.mediating)).all();
    expect(events.map((e) => e.eventAction)).toContain("agreement_signed");
    const doc = await expectData(load("tz.pl", ids.mediating));
    expect(doc.agreement?.terms).toContain("优先雇用两村村民");
    expect(doc.committees.map((c) => c.name)).toEqual(["凉伞—坪地边界联合调解委员会"]);
  });

  it("once resolved it may still be corrected", async () => {
    const resolved = transitionDispute(viewerOf("xh.mediator"), loadDispute(viewerOf("xh.mediator"), ids.mediating), "resolve", validDisputeFields("resolve"));
    expect(resolved.ok).toBe(true);
    expect(disputeRecord(ids.mediating).status).toBe("resolved");
    expect((await post("xh.mediator", ids.mediating, fields({ performance: "竣工后两个月内恢复。" }))).status).toBe(302);
    expect(agreementOf(ids.mediating)?.performance).toBe("竣工后两个月内恢复。");
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, "dispute.agreement.update")).all()).toHaveLength(1);
  });
});

describe("judicial confirmation", () => {
  it("applies within the window, then records the court's answer; refuses dates outside, roles without the right; after the return visit the agreement is closed", async () => {
    const late = await post("xh.mediator", ids.mediating, { intent: "judicial_apply", appliedOn: addDays(TODAY, 1), court: "天柱县人民法院" });
    expect(late.status).toBe(400);
    expect(JSON.stringify(late.data)).toContain("日期不能晚于今天");
    expect(await status(post("tz.pl", ids.mediating, { intent: "judicial_apply", appliedOn: TODAY, court: "天柱县人民法院" }))).toBe(403);
    expect(await status(post("xh.mediator", ids.mediating, { intent: "judicial_answer", outcome: "confirmed", answeredOn: TODAY }))).toBe(409);
    expect((await post("xh.mediator", ids.mediating, { intent: "judicial_apply", appliedOn: TODAY, court: "天柱县人民法院" })).status).toBe(302);
    expect(agreementOf(ids.mediating)).toMatchObject({ judicialStatus: "applied", judicialAppliedOn: TODAY, judicialCourt: "天柱县人民法院" });
    expect(await status(post("xh.mediator", ids.mediating, fields({ signedOn: addDays(TODAY, -1) })))).toBe(400);
    expect((await post("tz.mediator", ids.mediating, { intent: "judicial_answer", outcome: "confirmed", answeredOn: TODAY, answer: "裁定确认有效" })).status).toBe(302);
    expect(agreementOf(ids.mediating)).toMatchObject({ judicialStatus: "confirmed", judicialAnsweredOn: TODAY, judicialAnswer: "裁定确认有效" });
    const actions = getDb().select().from(auditLog).all().map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["dispute.judicial.applied", "dispute.judicial.confirmed"]));
    expect(await status(post("xh.mediator", ids.mediating, { intent: "judicial_answer", outcome: "rejected", answeredOn: TODAY }))).toBe(409);
    // After the return visit the agreement itself is closed.
    const visited = transitionDispute(viewerOf("xh.mediator"), loadDispute(viewerOf("xh.mediator"), ids.mediating), "follow_up", validDisputeFields("follow_up"));
    expect(visited.ok).toBe(true);
    expect(await status(post("xh.mediator", ids.mediating, fields()))).toBe(409);
  });
});
