/**
 * Mediation sessions: logged by mediators and political-legal staff of a county that sees the
 * dispute, with mediators from each side chosen among the dispute's counties' mediators and
 * pl_staff; audited, with a thread event that carries no personal data.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import { listSessions, logSession, mediatorChoices } from "~/modules/disputes/sessions.server";
import { findUserByUsername } from "~/modules/tenancy/users.server";
import * as detail from "~/routes/disputes.$disputeId";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { disputeRecord, disputeState, disputeThread, moveDisputeTo, reportDisputeAs } from "./helpers/dispute-fixtures";
import { callRoute, pactPost as post } from "./helpers/pact-requests";

useDemoData();

const uid = (username: string) => findUserByUsername(username)!.id;
const session = (mediators: string[]) => ({
  heldOn: "2026-01-05", place: "凉伞镇司法所", mediatorIds: mediators.map(uid), partiesPresent: "杨某甲、吴某乙", notes: "双方同意由村组重新勘界",
});
const shared = () => reportDisputeAs("xh.mediator", { pactId: pactIdBetween("XH", "TZ") });

describe("logging a session", () => {
  it("offers the mediators and pl_staff of the dispute's counties, by county", () => {
    const choices = mediatorChoices(disputeRecord(shared()));
    expect(choices.map((c) => c.countyName)).toEqual(["新晃侗族自治县", "天柱县"]);
    expect(choices[0].people.map((p) => p.userId).sort()).toEqual([uid("xh.mediator"), uid("xh.pl")].sort());
    expect(choices[1].people.map((p) => p.userId).sort()).toEqual([uid("tz.mediator"), uid("tz.pl")].sort());
  });

  it("stores the session with mediators from each side, a thread event and an audit entry", () => {
    const id = shared();
    const result = logSession(viewerOf("tz.mediator"), disputeRecord(id), session(["xh.mediator", "tz.mediator"]));
    expect(result.ok).toBe(true);
    const [stored] = listSessions(id);
    expect(stored).toMatchObject({ place: "凉伞镇司法所", partiesPresent: "杨某甲、吴某乙", notes: "双方同意由村组重新勘界" });
    expect(stored.mediators.map((m) => m.countyId)).toEqual([countyIdOf("XH"), countyIdOf("TZ")]);
    expect(disputeThread(id).at(-1)).toMatchObject({ kind: "event", eventAction: "session" });
    const audit = getDb().select().from(auditLog).where(and(eq(auditLog.action, "dispute.session"), eq(auditLog.entityId, String(id)))).all();
    expect(audit).toHaveLength(1);
    expect(audit[0].countyId).toBe(countyIdOf("TZ"));
  });

  it.each([
    ["a YP mediator (not of this dispute's counties)", ["xh.mediator", "yp.mediator"]],
    ["a police liaison (not a mediator)", ["xh.police"]],
  ])("refuses %s among the mediators, storing nothing", (_label, mediators) => {
    const id = shared();
    const before = disputeState(id);
    expect(logSession(viewerOf("xh.mediator"), disputeRecord(id), session(mediators))).toEqual({
      ok: false, reason: "invalid", errors: { mediatorIds: "disputes.error.mediators" },
    });
    expect(disputeState(id)).toEqual(before);
  });

  it.each(["xh.grid", "xh.leader", "tz.grid"])("%s (sees it, does not mediate) is refused", (username) => {
    const id = shared();
    const before = disputeState(id);
    expect(logSession(viewerOf(username), disputeRecord(id), session(["xh.mediator"]))).toEqual({ ok: false, reason: "forbidden" });
    expect(disputeState(id)).toEqual(before);
  });

  it("a failed or followed-up dispute takes no more sessions", () => {
    const id = shared();
    moveDisputeTo(id, "failed", "xh.mediator");
    expect(logSession(viewerOf("xh.mediator"), disputeRecord(id), session(["xh.mediator"]))).toEqual({ ok: false, reason: "conflict" });
  });

  it("through the page: YP's mediator gets 404; a missing field comes back in Chinese; a good post redirects", async () => {
    const id = shared();
    const at = { disputeId: String(id) };
    const fields = { intent: "session", heldOn: "2026-01-05", place: "村部", notes: "调解", mediatorIds: [uid("xh.mediator"), uid("tz.pl")] };
    expect((await callRoute(detail.action, await post("yp.mediator", `/disputes/${id}`, fields), at)).status).toBe(404);
    const bad = await callRoute(detail.action, await post("xh.mediator", `/disputes/${id}`, { ...fields, mediatorIds: undefined, place: "" }), at);
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toEqual({ place: "请填写调解地点", mediatorIds: "请至少选择一名参加调解的调解员" });
    const ok = await callRoute(detail.action, await post("xh.mediator", `/disputes/${id}`, fields), at);
    expect(ok).toMatchObject({ status: 302, location: `/disputes/${id}?notice=session` });
    expect(listSessions(id)[0].mediators).toHaveLength(2);
  });
});
