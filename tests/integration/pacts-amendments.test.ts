/**
 * A pact's terms (covered workflows, end date, sign-for deadlines of notices) change only as the
 * pact itself came about: one member proposes an amendment, and it takes effect when every other
 * member's county admin has countersigned it. The proposing county may withdraw it, another may
 * decline it with a reason. Every step is in the pact's history and the audit log.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { pactWorkflows } from "~db/schema";
import { findVisibleRecord } from "~/modules/access/policy.server";
import { getDb } from "~/modules/db/connection.server";
import { signMinutesOf } from "~/modules/notices/deadlines.server";
import {
  countersignAmendment, declineAmendment, proposeAmendment, withdrawAmendment,
} from "~/modules/pacts/amendments.server";
import { getPactFor } from "~/modules/pacts/pacts.server";
import * as pactPage from "~/routes/pacts.$pactId._index";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { insertRecord, pactIdBetween } from "../setup/records";
import { activePactOf, auditOf, daysFromToday, denialsOf, eventsOf } from "./helpers/pact-fixtures";
import { callRoute, pactGet, pactPost } from "./helpers/pact-requests";

useDemoData();

const workflowsOf = (pactId: number) =>
  getDb().select().from(pactWorkflows).where(eq(pactWorkflows.pactId, pactId)).all().map((w) => w.workflow).sort();
const page = async (username: string, pactId: number) =>
  (await callRoute(pactPage.loader, await pactGet(username, `/pacts/${pactId}`), { pactId: String(pactId) })).data;
const post = async (username: string, pactId: number, fields: Record<string, string | string[]>) =>
  callRoute(pactPage.action, await pactPost(username, `/pacts/${pactId}`, fields), { pactId: String(pactId) });

describe("changing the sign-for deadlines of the XH–TZ pact", () => {
  it("XH can no longer set them alone: the old form changes nothing", async () => {
    const pactId = pactIdBetween("XH", "TZ");
    const before = signMinutesOf(getDb(), pactId).minutes;
    const answer = await post("xh.pl", pactId, { intent: "notice_deadlines", normal: "60", urgent: "30", critical: "5" });
    expect(answer.status).toBe(400);
    expect(signMinutesOf(getDb(), pactId).minutes).toEqual(before);
  });

  it("XH proposes, TZ's admin countersigns, and only then the deadlines change", async () => {
    const pactId = pactIdBetween("XH", "TZ");
    const before = signMinutesOf(getDb(), pactId).minutes;
    const fields = {
      intent: "amend_propose",
      workflows: workflowsOf(pactId),
      endsOn: getPactFor(viewerOf("xh.pl"), pactId)!.endsOn ?? "",
      normal: "720",
      urgent: "60",
      critical: "15",
      note: "汛期警情多，缩短签收时限",
    };
    expect(await post("xh.pl", pactId, fields)).toMatchObject({ status: 302, location: `/pacts/${pactId}?notice=amendmentProposed` });
    expect(signMinutesOf(getDb(), pactId).minutes).toEqual(before);

    const tzAdmin = await page("tz.admin", pactId);
    const open = tzAdmin.amendments.open;
    expect(open).toMatchObject({ proposerCountyName: "新晃侗族自治县", note: "汛期警情多，缩短签收时限" });
    expect(open.changes.noticeDeadlines).toEqual({ from: before, to: { normal: 720, urgent: 60, critical: 15 } });
    expect(open.changes.workflows).toBeUndefined();
    expect(tzAdmin.amendments.choices).toEqual(["countersign", "decline"]);
    expect((await page("xh.pl", pactId)).amendments.choices).toEqual(["withdraw"]);
    expect((await page("tz.pl", pactId)).amendments.choices).toEqual([]);

    // A second proposal waits until this one is settled.
    expect((await post("tz.pl", pactId, { ...fields, critical: "20" })).status).toBe(409);
    // Neither TZ's staff nor XH itself can countersign for TZ.
    const amendmentId = String(open.id);
    expect((await post("tz.pl", pactId, { intent: "amend_countersign", amendmentId })).status).toBe(403);
    expect((await post("xh.admin", pactId, { intent: "amend_countersign", amendmentId })).status).toBe(403);
    expect(denialsOf("tz.pl", "pact", pactId)).toHaveLength(1);
    expect(signMinutesOf(getDb(), pactId).minutes).toEqual(before);

    expect(await post("tz.admin", pactId, { intent: "amend_countersign", amendmentId })).toMatchObject({
      status: 302,
      location: `/pacts/${pactId}?notice=amendmentAdopted`,
    });
    expect(signMinutesOf(getDb(), pactId).minutes).toEqual({ normal: 720, urgent: 60, critical: 15 });
    expect((await page("tz.admin", pactId)).amendments.open).toBeNull();

    expect(eventsOf(pactId).slice(-3).map((e) => [e.action, e.countyId])).toEqual([
      ["amend_propose", countyIdOf("XH")],
      ["amend_countersign", countyIdOf("TZ")],
      ["amend_adopt", countyIdOf("TZ")],
    ]);
    const steps = auditOf("pact", pactId).filter((a) => a.action.startsWith("pact.amendment."));
    expect(steps.map((a) => [a.action, a.countyId])).toEqual([
      ["pact.amendment.propose", countyIdOf("XH")],
      ["pact.amendment.countersign", countyIdOf("TZ")],
      ["pact.amendment.adopt", countyIdOf("TZ")],
    ]);
    const adopted = steps[2];
    expect(JSON.parse(adopted.before!).noticeDeadlines).toEqual(before);
    expect(JSON.parse(adopted.after!).noticeDeadlines).toEqual({ normal: 720, urgent: 60, critical: 15 });
  });
});

describe("changing the covered workflows", () => {
  it("a workflow stops being shared only when the other side agrees; a decline needs a reason", () => {
    const pactId = activePactOf("yp.pl", ["XH"], { workflows: ["hazard", "dispute"] });
    const ypHazard = insertRecord({ owner: "YP", workflow: "hazard", pactId, addressees: ["XH"] });
    const terms = { workflows: ["dispute" as const], endsOn: daysFromToday(730), noticeDeadlines: null, note: null };

    const proposed = proposeAmendment(viewerOf("yp.pl"), pactId, terms);
    expect(proposed.ok).toBe(true);
    const amendmentId = (proposed as { amendmentId: number }).amendmentId;
    expect(workflowsOf(pactId)).toEqual(["dispute", "hazard"]);
    expect(findVisibleRecord(viewerOf("xh.pl"), ypHazard)).not.toBeNull();

    expect(declineAmendment(viewerOf("xh.admin"), pactId, { amendmentId, reason: " " })).toMatchObject({
      reason: "invalid",
      errors: { reason: "form.required" },
    });
    expect(declineAmendment(viewerOf("yp.admin"), pactId, { amendmentId, reason: "自己拒绝" })).toEqual({ ok: false, reason: "forbidden" });
    expect(declineAmendment(viewerOf("xh.admin"), pactId, { amendmentId, reason: "隐患联防仍需继续" })).toEqual({ ok: true });
    expect(countersignAmendment(viewerOf("xh.admin"), pactId, { amendmentId })).toEqual({ ok: false, reason: "conflict" });
    expect(workflowsOf(pactId)).toEqual(["dispute", "hazard"]);
    expect(eventsOf(pactId).at(-1)).toMatchObject({ action: "amend_decline", reason: "隐患联防仍需继续", countyId: countyIdOf("XH") });

    // Proposed again, withdrawn by the proposing side (not by the other), then proposed and signed.
    const again = proposeAmendment(viewerOf("yp.admin"), pactId, terms) as { ok: true; amendmentId: number };
    expect(withdrawAmendment(viewerOf("xh.pl"), pactId, { amendmentId: again.amendmentId })).toEqual({ ok: false, reason: "forbidden" });
    expect(withdrawAmendment(viewerOf("yp.pl"), pactId, { amendmentId: again.amendmentId, reason: "重新拟定" })).toEqual({ ok: true });
    expect(eventsOf(pactId).at(-1)).toMatchObject({ action: "amend_withdraw", reason: "重新拟定", countyId: countyIdOf("YP") });
    const third = proposeAmendment(viewerOf("yp.pl"), pactId, terms) as { ok: true; amendmentId: number };
    // A stale form naming an amendment that is no longer open signs nothing.
    expect(countersignAmendment(viewerOf("xh.admin"), pactId, { amendmentId: again.amendmentId })).toEqual({ ok: false, reason: "conflict" });
    expect(countersignAmendment(viewerOf("xh.admin"), pactId, { amendmentId: third.amendmentId })).toEqual({ ok: true, adopted: true });
    expect(workflowsOf(pactId)).toEqual(["dispute"]);
    expect(findVisibleRecord(viewerOf("xh.pl"), ypHazard)).toBeNull();
  });

  it("a three-county pact changes with the last countersignature", () => {
    const pactId = activePactOf("xh.pl", ["TZ", "ZJ"]);
    const proposed = proposeAmendment(viewerOf("xh.pl"), pactId, {
      workflows: ["hazard", "dispute", "patrol"], endsOn: daysFromToday(730), noticeDeadlines: null, note: null,
    }) as { ok: true; amendmentId: number };
    expect(countersignAmendment(viewerOf("tz.admin"), pactId, proposed)).toEqual({ ok: true, adopted: false });
    expect(workflowsOf(pactId)).toEqual(["dispute", "hazard"]);
    expect(countersignAmendment(viewerOf("tz.admin"), pactId, proposed)).toEqual({ ok: false, reason: "conflict" });
    expect(countersignAmendment(viewerOf("zj.admin"), pactId, proposed)).toEqual({ ok: true, adopted: true });
    expect(workflowsOf(pactId)).toEqual(["dispute", "hazard", "patrol"]);
  });

  it("refuses a proposal that changes nothing, a bad end date, a role that may not, and a county outside the pact", () => {
    const pactId = activePactOf("xh.pl", ["ZJ"], { endsOn: daysFromToday(365) });
    const same = { workflows: ["hazard" as const, "dispute" as const], endsOn: daysFromToday(365), noticeDeadlines: null, note: "无变化" };
    expect(proposeAmendment(viewerOf("xh.pl"), pactId, same)).toMatchObject({ reason: "invalid", errors: { _form: "pacts.amend.noChange" } });
    expect(proposeAmendment(viewerOf("xh.pl"), pactId, { ...same, endsOn: daysFromToday(-1) })).toMatchObject({
      reason: "invalid",
      errors: { endsOn: "pacts.form.endsBeforeStart" },
    });
    expect(proposeAmendment(viewerOf("xh.pl"), pactId, { ...same, workflows: [] })).toMatchObject({
      reason: "invalid",
      errors: { workflows: "pacts.form.workflowsRequired" },
    });
    expect(proposeAmendment(viewerOf("xh.grid"), pactId, { ...same, endsOn: null })).toEqual({ ok: false, reason: "forbidden" });
    expect(proposeAmendment(viewerOf("tz.pl"), pactId, { ...same, endsOn: null })).toEqual({ ok: false, reason: "not_found" });
    expect(eventsOf(pactId).map((e) => e.action)).toEqual(["propose", "countersign", "activate"]);
  });
});
