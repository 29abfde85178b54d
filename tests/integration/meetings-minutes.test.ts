/**
 * Recording the minutes: every decision becomes an action item in the same transaction as the
 * step — its own record and reference number under the meeting's pact, addressed to the partner,
 * due at the end of its deadline day in Beijing, linked to the meeting — and one bad decision
 * (or a failure inside the transaction) refuses the whole post with nothing written.
 */
import { count, eq, ne } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actionItems, auditLog, meetingDetails, pacts, recordAddressees, recordLinks, records, threadEntries } from "~db/schema";
import { todayInChina } from "~/i18n";
import { getDb } from "~/modules/db/connection.server";
import { endOfChinaDay } from "~/modules/hazards/deadlines";
import { holdMeeting } from "~/modules/meetings/steps.server";
import * as meetingPage from "~/routes/meetings.$meetingId";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { expectRedirect, expectStatus, postAs, routeArgs, settle } from "./helpers/requests";
import { actionItemsOf, decision, recordOf, scheduleAs, userIdOf } from "./helpers/meeting-fixtures";

useDemoData();

const tally = () => ({
  records: getDb().select({ n: count() }).from(records).get()!.n,
  items: getDb().select({ n: count() }).from(actionItems).get()!.n,
  entries: getDb().select({ n: count() }).from(threadEntries).get()!.n,
  links: getDb().select({ n: count() }).from(recordLinks).get()!.n,
  audit: getDb().select({ n: count() }).from(auditLog).where(ne(auditLog.action, "access.denied")).get()!.n,
});

function decisionFields(rows: { text: string; county: string; owner: string; deadline: string }[]) {
  return Object.fromEntries(
    rows.flatMap((r, i) => [[`decision-${i}-text`, r.text], [`decision-${i}-county`, r.county], [`decision-${i}-owner`, r.owner], [`decision-${i}-deadline`, r.deadline]]),
  );
}

describe("holding a meeting", () => {
  it("writes the minutes and opens one action item per decision, each its own record", () => {
    const id = scheduleAs("xh.pl");
    const soon = todayInChina(Date.now() + 10 * 86_400_000);
    const result = holdMeeting(viewerOf("xh.pl"), recordOf(id), {
      minutes: "双方商定两项督办事项。",
      decisions: [decision("TZ", "tz.police", { text: "天柱方复查储存点", deadline: soon }), decision("XH", "xh.mediator", { text: "新晃方修订手册" })],
    });
    expect(result).toEqual({ ok: true, status: "held" });
    const details = getDb().select().from(meetingDetails).where(eq(meetingDetails.recordId, id)).get()!;
    expect(details.minutes).toBe("双方商定两项督办事项。");
    expect(details.heldAt).not.toBeNull();
    const [first, second] = actionItemsOf(id);
    const a = recordOf(first);
    expect([a.workflow, a.status, a.title, a.pactId, a.dueAt]).toEqual(["meeting", "open", "天柱方复查储存点", pactIdBetween("XH", "TZ"), endOfChinaDay(soon)]);
    expect(a.refNo).toMatch(/^XH-LX-\d{4}-\d{4}$/);
    expect(recordOf(second).refNo).not.toBe(a.refNo);
    const row = getDb().select().from(actionItems).where(eq(actionItems.recordId, first)).get()!;
    expect(row).toMatchObject({ meetingRecordId: id, position: 0, responsibleCountyId: countyIdOf("TZ"), ownerUserId: userIdOf("tz.police"), deadline: soon });
    expect(getDb().select().from(recordAddressees).where(eq(recordAddressees.recordId, first)).all().map((x) => x.countyId)).toEqual([countyIdOf("TZ")]);
    expect(getDb().select().from(recordLinks).where(eq(recordLinks.toRecordId, first)).all().map((l) => l.fromRecordId)).toEqual([id]);
    const hold = getDb().select().from(threadEntries).where(eq(threadEntries.recordId, id)).all().find((e) => e.eventAction === "hold")!;
    expect(JSON.parse(hold.payload!)).toEqual({ decisions: 2, actionItemIds: [first, second] });
  });

  it("a decision whose owner is not of the responsible county refuses everything", () => {
    const id = scheduleAs("xh.pl");
    const before = tally();
    const result = holdMeeting(viewerOf("xh.pl"), recordOf(id), {
      minutes: "纪要",
      decisions: [decision("TZ", "tz.pl"), decision("TZ", "xh.pl")],
    });
    expect(result).toEqual({ ok: false, reason: "invalid", errors: { "decision-1-owner": "meetings.error.ownerNotOfCounty" } });
    expect(tally()).toEqual(before);
    expect(recordOf(id).status).toBe("scheduled");
  });

  it("a failure inside the transaction (the pact suspended meanwhile) rolls back the step and every action item", () => {
    const id = scheduleAs("xh.pl");
    const meeting = recordOf(id);
    const pactId = pactIdBetween("XH", "TZ");
    const before = tally();
    getDb().update(pacts).set({ status: "suspended" }).where(eq(pacts.id, pactId)).run();
    try {
      const result = holdMeeting(viewerOf("xh.pl"), meeting, { minutes: "纪要", decisions: [decision("XH", "xh.pl"), decision("TZ", "tz.pl")] });
      expect(result).toEqual({ ok: false, reason: "conflict" });
    } finally {
      getDb().update(pacts).set({ status: "active" }).where(eq(pacts.id, pactId)).run();
    }
    expect(tally()).toEqual(before);
    expect(recordOf(id).status).toBe("scheduled");
    expect(getDb().select().from(meetingDetails).where(eq(meetingDetails.recordId, id)).get()!.heldAt).toBeNull();
  });
});

describe("the minutes form on the meeting page", () => {
  const post = async (username: string, id: number, fields: Record<string, string>) =>
    meetingPage.action(routeArgs(await postAs(username, `/meetings/${id}`, { intent: "hold", status: "scheduled", ...fields }), { meetingId: String(id) }));

  it("two decisions (one for TZ) are saved and the page is reloaded with a notice", async () => {
    const id = scheduleAs("xh.pl");
    const today = todayInChina();
    const location = await expectRedirect(post("xh.pl", id, {
      minutes: "会议纪要正文",
      ...decisionFields([
        { text: "天柱方牵头复查", county: String(countyIdOf("TZ")), owner: userIdOf("tz.pl"), deadline: today },
        { text: "新晃方印发手册", county: String(countyIdOf("XH")), owner: userIdOf("xh.pl"), deadline: today },
      ]),
    }));
    expect(location).toBe(`/meetings/${id}?notice=hold`);
    expect(actionItemsOf(id)).toHaveLength(2);
  });

  it("a bad row comes back next to its field in Chinese, with nothing written", async () => {
    const id = scheduleAs("xh.pl");
    const before = tally();
    const answer = await settle(post("xh.pl", id, {
      minutes: "会议纪要正文",
      ...decisionFields([
        { text: "天柱方牵头复查", county: String(countyIdOf("TZ")), owner: userIdOf("tz.pl"), deadline: todayInChina() },
        { text: "新晃方印发手册", county: String(countyIdOf("XH")), owner: userIdOf("tz.pl"), deadline: todayInChina() },
      ]),
    }));
    expect(answer).toMatchObject({ init: { status: 400 }, data: { intent: "hold", errors: { "decision-1-owner": "责任人须为责任县的人员" } } });
    expect(tally()).toEqual(before);
  });

  it("a past deadline is refused by the form; a stale page gets 409; a leader gets 403", async () => {
    const id = scheduleAs("xh.pl");
    const before = tally();
    const past = await settle(post("xh.pl", id, {
      minutes: "纪要",
      ...decisionFields([{ text: "甲", county: String(countyIdOf("XH")), owner: userIdOf("xh.pl"), deadline: "2020-01-01" }]),
    }));
    expect(past).toMatchObject({ init: { status: 400 }, data: { errors: { "decision-0-deadline": "办结期限不能早于今天" } } });
    const stale = await settle(meetingPage.action(routeArgs(await postAs("tz.pl", `/meetings/${id}`, { intent: "hold", status: "held", minutes: "纪要" }), { meetingId: String(id) })));
    expect(stale).toMatchObject({ init: { status: 409 } });
    await expectStatus(post("tz.leader", id, { minutes: "纪要" }), 403);
    expect(tally()).toEqual(before);
  });
});
