/**
 * The demo joint meetings are present and consistent: three past XH–TZ meetings hosted in turn
 * with minutes and action items (some done, one of TZ's overdue), an upcoming XH–TZ meeting, the
 * XH–YP meetings YP sees while it sees nothing of XH–TZ; every thread step follows the machine,
 * and the seed's part stays fast.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actionItems, meetingAgendaItems, meetingAttendees, meetingDetails, records, threadEntries } from "~db/schema";
import { seedMeetingDemo } from "~db/seed/meetings-demo";
import { DEMO_MEETINGS } from "~db/seed/meetings-demo-data";
import { findVisibleRecord } from "~/modules/access/policy.server";
import { getDb } from "~/modules/db/connection.server";
import { listActionItems, listMeetings } from "~/modules/meetings/list.server";
import { MEETING_MACHINE } from "~/modules/meetings/machine";
import { transitionFor } from "~/modules/records/state-machine";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";

useDemoData();

const meetingsOf = (pact: [string, string]) =>
  getDb()
    .select({ id: records.id, status: records.status, owner: records.ownerCountyId, host: meetingDetails.hostCountyId, startsAt: meetingDetails.startsAt, refNo: records.refNo })
    .from(records)
    .innerJoin(meetingDetails, eq(meetingDetails.recordId, records.id))
    .where(eq(records.pactId, pactIdBetween(...pact)))
    .orderBy(asc(meetingDetails.startsAt))
    .all();

describe("the XH–TZ joint meetings", () => {
  it("three held meetings hosted in turn (XH, TZ, XH), then an upcoming one hosted by TZ", () => {
    const list = meetingsOf(["XH", "TZ"]);
    expect(list.map((m) => m.status)).toEqual(["held", "held", "held", "scheduled"]);
    expect(list.map((m) => m.host)).toEqual(["XH", "TZ", "XH", "TZ"].map(countyIdOf));
    expect(list.at(-1)!.startsAt).toBeGreaterThan(Date.now());
    for (const m of list.slice(0, 3)) expect(m.startsAt).toBeLessThan(Date.now());
  });

  it("each has attendees of both sides and an agenda linking records of the pact", () => {
    for (const m of meetingsOf(["XH", "TZ"])) {
      const counties = new Set(getDb().select().from(meetingAttendees).where(eq(meetingAttendees.recordId, m.id)).all().map((a) => a.countyId));
      expect(counties).toEqual(new Set([countyIdOf("XH"), countyIdOf("TZ")]));
      const linked = getDb().select().from(meetingAgendaItems).where(eq(meetingAgendaItems.recordId, m.id)).all().filter((a) => a.linkedRecordId !== null);
      expect(linked.length).toBeGreaterThan(0);
      for (const a of linked) {
        const r = getDb().select().from(records).where(eq(records.id, a.linkedRecordId!)).get()!;
        expect(r.pactId).toBe(pactIdBetween("XH", "TZ"));
        expect(findVisibleRecord(viewerOf("tz.pl"), r.id)).not.toBeNull();
      }
    }
  });

  it("action items: some done, one of TZ's overdue, one of XH's still within its deadline", () => {
    const items = getDb()
      .select({ status: records.status, dueAt: records.dueAt, county: actionItems.responsibleCountyId, doneAt: actionItems.doneAt })
      .from(actionItems)
      .innerJoin(records, eq(records.id, actionItems.recordId))
      .where(eq(records.pactId, pactIdBetween("XH", "TZ")))
      .all();
    const now = Date.now();
    expect(items.filter((i) => i.status === "done").length).toBeGreaterThanOrEqual(4);
    for (const i of items.filter((x) => x.status === "done")) expect([i.dueAt, typeof i.doneAt]).toEqual([null, "number"]);
    const overdue = items.filter((i) => i.status === "open" && i.dueAt! < now);
    expect(overdue.map((i) => i.county)).toEqual([countyIdOf("TZ")]);
    expect(items.some((i) => i.status === "open" && i.dueAt! > now && i.county === countyIdOf("XH"))).toBe(true);
  });

  it("every thread step is one the machine allows, in time order, none in the future", () => {
    const meetingRecords = getDb().select().from(records).where(eq(records.workflow, "meeting")).all();
    for (const r of meetingRecords) {
      const events = getDb().select().from(threadEntries)
        .where(and(eq(threadEntries.recordId, r.id), eq(threadEntries.kind, "event")))
        .orderBy(asc(threadEntries.createdAt), asc(threadEntries.id)).all()
        .filter((e) => e.fromStatus !== null);
      let status: string = getDb().select().from(threadEntries).where(and(eq(threadEntries.recordId, r.id), eq(threadEntries.eventAction, "create"))).get()!.toStatus!;
      for (const e of events) {
        expect(e.fromStatus).toBe(status);
        expect(transitionFor(MEETING_MACHINE, status, e.eventAction!)?.to).toBe(e.toStatus);
        status = e.toStatus!;
      }
      expect(status).toBe(r.status);
      const last = getDb().select().from(threadEntries).where(eq(threadEntries.recordId, r.id)).all().reduce((m, e) => Math.max(m, e.createdAt), 0);
      expect(last).toBeLessThanOrEqual(Date.now());
    }
  });
});

describe("who sees which meetings", () => {
  it("YP sees the XH–YP meetings and nothing of XH–TZ; TZ nothing of XH–YP; ZJ none", () => {
    const titles = (u: string) => listMeetings(viewerOf(u)).map((m) => m.title);
    const xhTz = DEMO_MEETINGS.filter((m) => m.pact === "XH-TZ").map((m) => m.title);
    const xhYp = DEMO_MEETINGS.filter((m) => m.pact === "XH-YP").map((m) => m.title);
    expect(titles("yp.pl").sort()).toEqual([...xhYp].sort());
    expect(titles("tz.pl").sort()).toEqual([...xhTz].sort());
    expect(titles("xh.leader").sort()).toEqual([...xhTz, ...xhYp].sort());
    expect(titles("zj.pl")).toEqual([]);
    expect(listActionItems(viewerOf("yp.pl"), "open", false).every((i) => i.countyName !== "天柱县")).toBe(true);
  });

  it("the upcoming meetings are listed first", () => {
    const list = listMeetings(viewerOf("xh.pl"));
    const firstPast = list.findIndex((m) => m.status !== "scheduled");
    expect(list.slice(0, firstPast).every((m) => m.status === "scheduled")).toBe(true);
    expect(list.slice(firstPast).every((m) => m.status !== "scheduled")).toBe(true);
    expect(firstPast).toBe(2);
  });
});

describe("the seed's part", () => {
  it("writes its meetings in one transaction: rolled back, nothing of it stays", () => {
    const db = getDb();
    const meetings = (tx: Pick<typeof db, "all">) => tx.all<{ n: number }>(sql`select count(*) as n from records where workflow = 'meeting'`)[0].n;
    const before = meetings(db);
    let inside = 0;
    try {
      db.transaction((tx) => {
        seedMeetingDemo(tx, Date.now());
        inside = meetings(tx);
        throw new Error("roll back");
      });
    } catch (error) {
      if ((error as Error).message !== "roll back") throw error;
    }
    expect(inside).toBe(before * 2);
    expect(meetings(db)).toBe(before);
  });
});
