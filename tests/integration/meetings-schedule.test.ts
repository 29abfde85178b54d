/**
 * Scheduling joint meetings: the host the rotation proposes, who may be named as attendees, agenda
 * reference numbers resolved through the access policy (hidden = missing), and nothing written
 * when anything is refused.
 */
import { and, count, eq, ne } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, meetingAgendaItems, meetingAttendees, meetingDetails, pacts, recordAddressees, records } from "~db/schema";
import { translator } from "~/i18n";
import { findVisibleRecord } from "~/modules/access/policy.server";
import { getDb } from "~/modules/db/connection.server";
import { translateIssue } from "~/modules/forms/validation";
import { meetingPeopleOf, proposedHostOf } from "~/modules/meetings/people.server";
import { scheduleMeeting } from "~/modules/meetings/schedule.server";
import { cancelMeeting } from "~/modules/meetings/steps.server";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { recordOf, scheduleAs, scheduleInput, userIdOf } from "./helpers/meeting-fixtures";

useDemoData();

const t = translator("zh-CN");
const XH_TZ = () => pactIdBetween("XH", "TZ");
const tally = () => ({
  records: getDb().select({ n: count() }).from(records).get()!.n,
  details: getDb().select({ n: count() }).from(meetingDetails).get()!.n,
  attendees: getDb().select({ n: count() }).from(meetingAttendees).get()!.n,
  agenda: getDb().select({ n: count() }).from(meetingAgendaItems).get()!.n,
  audit: getDb().select({ n: count() }).from(auditLog).where(ne(auditLog.action, "access.denied")).get()!.n,
});
const refOf = (pactId: number, workflow: "hazard" | "dispute") =>
  getDb().select({ refNo: records.refNo, id: records.id }).from(records).where(and(eq(records.pactId, pactId), eq(records.workflow, workflow))).get()!;

describe("hosting in turn", () => {
  it("proposes the member after the host of the pact's latest meeting, for either side", () => {
    // The demo's latest XH–TZ meeting (upcoming) is hosted by TZ; XH–YP's by YP.
    expect(proposedHostOf(viewerOf("xh.pl"), XH_TZ())).toBe(countyIdOf("XH"));
    expect(proposedHostOf(viewerOf("tz.pl"), XH_TZ())).toBe(countyIdOf("XH"));
    expect(proposedHostOf(viewerOf("yp.pl"), pactIdBetween("XH", "YP"))).toBe(countyIdOf("XH"));
  });

  it("moves on once the next meeting is scheduled, and a cancelled meeting does not count", () => {
    const later = Date.now() + 40 * 86_400_000;
    const id = scheduleAs("xh.pl", { hostCountyId: countyIdOf("XH"), startsAt: later });
    expect(proposedHostOf(viewerOf("tz.pl"), XH_TZ())).toBe(countyIdOf("TZ"));
    const cancelled = scheduleAs("tz.pl", { hostCountyId: countyIdOf("TZ"), startsAt: later + 86_400_000 });
    expect(proposedHostOf(viewerOf("xh.pl"), XH_TZ())).toBe(countyIdOf("XH"));
    expect(cancelMeeting(viewerOf("xh.pl"), recordOf(cancelled), { note: "改期" }).ok).toBe(true);
    expect(proposedHostOf(viewerOf("xh.pl"), XH_TZ())).toBe(countyIdOf("TZ"));
    expect(cancelMeeting(viewerOf("xh.pl"), recordOf(id), { note: "改期" }).ok).toBe(true);
    expect(proposedHostOf(viewerOf("xh.pl"), XH_TZ())).toBe(countyIdOf("XH"));
  });

  it("without any meeting the viewer's own county is proposed", () => {
    const fresh = getDb().insert(pacts).values({
      title: "测试协议（无会议）", proposerCountyId: countyIdOf("XH"), status: "active", startsOn: "2024-01-01", endsOn: null, articles: "",
      createdBy: userIdOf("xh.pl"), createdAt: Date.now(), updatedAt: Date.now(),
    }).returning({ id: pacts.id }).get().id;
    expect(proposedHostOf(viewerOf("tz.pl"), fresh)).toBe(countyIdOf("TZ"));
  });
});

describe("a scheduled meeting", () => {
  it("is addressed to the partner, carries attendees of both sides and agenda links, and both sides see it", () => {
    const dispute = refOf(XH_TZ(), "dispute");
    const id = scheduleAs("xh.pl", {
      attendeeIds: [userIdOf("xh.pl"), userIdOf("xh.leader"), userIdOf("tz.pl"), userIdOf("tz.mediator")],
      agenda: [{ title: "纠纷调处进展", refNo: dispute.refNo }, { title: "其他事项", refNo: "" }],
    });
    const r = recordOf(id);
    expect([r.workflow, r.status, r.ownerCountyId, r.refNo.startsWith("XH-LX-")]).toEqual(["meeting", "scheduled", countyIdOf("XH"), true]);
    expect(getDb().select().from(recordAddressees).where(eq(recordAddressees.recordId, id)).all().map((a) => a.countyId)).toEqual([countyIdOf("TZ")]);
    const attendees = getDb().select().from(meetingAttendees).where(eq(meetingAttendees.recordId, id)).all();
    expect(attendees.filter((a) => a.countyId === countyIdOf("TZ"))).toHaveLength(2);
    const agenda = getDb().select().from(meetingAgendaItems).where(eq(meetingAgendaItems.recordId, id)).orderBy(meetingAgendaItems.position).all();
    expect(agenda.map((a) => a.linkedRecordId)).toEqual([dispute.id, null]);
    expect(findVisibleRecord(viewerOf("tz.pl"), id)).not.toBeNull();
    expect(findVisibleRecord(viewerOf("tz.leader"), id)).not.toBeNull();
    expect(findVisibleRecord(viewerOf("yp.pl"), id)).toBeNull();
  });

  it("offers a partner's people only as far as the pact names them", () => {
    const people = meetingPeopleOf(getDb(), viewerOf("tz.pl"), XH_TZ());
    expect(people.map((c) => c.id)).toEqual([countyIdOf("TZ"), countyIdOf("XH")]);
    const xh = people[1].people.map((p) => p.id);
    expect(xh).toContain(userIdOf("xh.pl"));
    expect(xh).not.toContain(userIdOf("xh.leader"));
    expect(people[0].people.map((p) => p.id)).toContain(userIdOf("tz.leader"));
    expect(meetingPeopleOf(getDb(), viewerOf("yp.pl"), XH_TZ())).toEqual([]);
  });
});

describe("refused schedules write nothing", () => {
  const refusals: [string, string, () => ReturnType<typeof scheduleInput>, Record<string, string>][] = [
    ["an agenda number of a record TZ may not see answers like a missing one", "tz.pl",
      () => scheduleInput({ agenda: [{ title: "甲", refNo: refOf(pactIdBetween("XH", "YP"), "hazard").refNo }, { title: "乙", refNo: "XH-YH-2099-9999" }] }),
      { "agenda-0-ref": "找不到编号为 {ref0} 的记录", "agenda-1-ref": "找不到编号为 XH-YH-2099-9999 的记录" }],
    ["a partner's person the pact does not name", "tz.pl", () => scheduleInput({ attendeeIds: [userIdOf("xh.leader")] }), { attendeeIds: "请选择有效的选项" }],
    ["a host outside the pact", "xh.pl", () => scheduleInput({ hostCountyId: countyIdOf("YP") }), { hostCountyId: "请选择有效的选项" }],
    ["a pact the county is not a member of", "yp.pl", () => scheduleInput({ hostCountyId: countyIdOf("YP") }), { pactId: "所选协议未生效或不涵盖联席会议" }],
    ["a pact that does not cover meetings", "zj.pl", () => scheduleInput({ pactId: XH_TZ() }), { pactId: "所选协议未生效或不涵盖联席会议" }],
  ];

  it.each(refusals)("%s", (_name, username, input, want) => {
    const before = tally();
    const given = input();
    const result = scheduleMeeting(viewerOf(username), given);
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== "invalid") throw new Error("expected invalid");
    const shown = Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [k, translateIssue(v, t)]));
    const expected = Object.fromEntries(Object.entries(want).map(([k, v]) => [k, v.replace("{ref0}", given.agenda[0].refNo)]));
    expect(shown).toEqual(expected);
    expect(tally()).toEqual(before);
  });
});
