/**
 * The briefing pack: its period runs from the day after the pact's previous held meeting; every
 * section holds only records of the meeting's pact that the viewer may see (never another pact's,
 * never a police-only notice for political-legal staff); and the page answers like the meeting.
 */
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { meetingDetails, records } from "~db/schema";
import { findVisibleRecord } from "~/modules/access/policy.server";
import { getDb } from "~/modules/db/connection.server";
import { chinaDateOf, DAY_MS } from "~/modules/hazards/deadlines";
import { briefingSections } from "~/modules/meetings/briefing.server";
import * as briefingPage from "~/routes/meetings.$meetingId_.briefing";
import { useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { expectData, expectStatus, getAs, routeArgs } from "./helpers/requests";
import { sendAs } from "./helpers/notice-fixtures";
import { recordOf } from "./helpers/meeting-fixtures";

useDemoData();

const meetingsOf = (a: string, b: string) =>
  getDb()
    .select({ id: records.id, status: records.status, startsAt: meetingDetails.startsAt })
    .from(records)
    .innerJoin(meetingDetails, eq(meetingDetails.recordId, records.id))
    .where(and(eq(records.pactId, pactIdBetween(a, b))))
    .orderBy(asc(meetingDetails.startsAt))
    .all();

const idsIn = (s: ReturnType<typeof briefingSections>) => [...s.actionItems, ...s.disputes, ...s.notices, ...s.hazards].map((r) => r.id);

describe("the briefing pack of the upcoming XH–TZ meeting", () => {
  const upcoming = () => meetingsOf("XH", "TZ").find((m) => m.status === "scheduled")!;

  it("counts from the day after the third meeting to today", () => {
    const held = meetingsOf("XH", "TZ").filter((m) => m.status === "held");
    const s = briefingSections(viewerOf("xh.pl"), recordOf(upcoming().id), upcoming().startsAt);
    expect(s.period.previousMeeting?.id).toBe(held.at(-1)!.id);
    expect(s.period.from).toBe(chinaDateOf(held.at(-1)!.startsAt + DAY_MS));
    expect(s.period.to).toBe(chinaDateOf(Date.now()));
  });

  it("lists the open action items, TZ's overdue one first, and nothing of the XH–YP pact", () => {
    const s = briefingSections(viewerOf("xh.pl"), recordOf(upcoming().id), upcoming().startsAt);
    expect(s.actionItems.length).toBeGreaterThanOrEqual(2);
    expect(s.actionItems[0]).toMatchObject({ overdue: true, countyName: "天柱县" });
    for (const id of idsIn(s)) expect(recordOf(id).pactId).toBe(pactIdBetween("XH", "TZ"));
    expect(s.actionItems.some((a) => a.countyName === "玉屏侗族自治县")).toBe(false);
  });

  it("holds only what each viewer may see: a police-only late notice stays out for political-legal staff", () => {
    const shared = sendAs("xh.police", { policeOnly: false });
    const policeOnly = sendAs("xh.police", { policeOnly: true });
    const later = Date.now() + 3 * DAY_MS;
    const forPl = briefingSections(viewerOf("tz.pl"), recordOf(upcoming().id), upcoming().startsAt, later);
    expect(forPl.notices.map((n) => n.id)).toContain(shared);
    expect(forPl.notices.map((n) => n.id)).not.toContain(policeOnly);
    for (const u of ["xh.pl", "tz.pl", "xh.leader", "tz.leader"]) {
      const s = briefingSections(viewerOf(u), recordOf(upcoming().id), upcoming().startsAt, later);
      for (const id of idsIn(s)) {
        expect(findVisibleRecord(viewerOf(u), id), `${u} · ${id}`).not.toBeNull();
        expect(recordOf(id).pactId).toBe(pactIdBetween("XH", "TZ"));
      }
    }
  });

  it("an overdue hazard of the pact appears once its deadline has passed", () => {
    const s = briefingSections(viewerOf("xh.pl"), recordOf(upcoming().id), upcoming().startsAt, Date.now() + 400 * DAY_MS);
    const open = getDb().select().from(records)
      .where(and(eq(records.pactId, pactIdBetween("XH", "TZ")), eq(records.workflow, "hazard"), eq(records.status, "rectifying"))).all();
    expect(s.hazards.map((h) => h.id).sort()).toEqual(open.filter((h) => h.dueAt !== null).map((h) => h.id).sort());
  });
});

describe("the XH–YP meeting's pack, seen by YP", () => {
  it("looks back 90 days without an earlier meeting and shows nothing of XH–TZ", () => {
    const first = meetingsOf("XH", "YP")[0];
    const s = briefingSections(viewerOf("yp.pl"), recordOf(first.id), first.startsAt);
    expect(s.period.previousMeeting).toBeNull();
    expect(s.period.from).toBe(chinaDateOf(Date.now() - 90 * DAY_MS));
    for (const id of idsIn(s)) expect(recordOf(id).pactId).toBe(pactIdBetween("XH", "YP"));
    expect(s.actionItems.map((a) => a.countyName)).toEqual(["玉屏侗族自治县"]);
  });
});

describe("the briefing page", () => {
  const load = async (u: string, id: number) => briefingPage.loader(routeArgs(await getAs(u, `/meetings/${id}/briefing`), { meetingId: String(id) }));

  it("opens for both sides' political-legal staff and leaders, 404 for everyone else", async () => {
    const id = meetingsOf("XH", "TZ").find((m) => m.status === "scheduled")!.id;
    for (const u of ["xh.pl", "tz.pl", "tz.leader"]) {
      const doc = await expectData(load(u, id));
      expect(doc.meeting.id).toBe(id);
    }
    for (const u of ["yp.pl", "zj.pl", "tz.police", "xh.admin"]) await expectStatus(load(u, id), 404);
  });
});
