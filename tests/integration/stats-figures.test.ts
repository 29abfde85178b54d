/**
 * A pact's figures from a known fixture: records written into March 2015 (a month the demo leaves
 * empty) under the XH–TZ pact, counted by hand below. Also: the previous period, the counties a
 * figure belongs to, and that figures only count what the viewer may open.
 */
import { describe, expect, it, beforeAll } from "vitest";
import { hazardDetails, jointActivities, noticeDetails, noticeReceipts, records, recordAddressees, threadEntries } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import { pactFigures, previousPeriodOf } from "~/modules/stats/figures.server";
import type { WorkFigures } from "~/modules/stats/figures";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";

useDemoData();

const MARCH = { from: "2015-03-01", to: "2015-03-31" };
const at = (iso: string) => Date.parse(`${iso}+08:00`);
let seq = 0;

function record(owner: string, workflow: "hazard" | "notice", status: string, createdAt: number, opts: { policeOnly?: boolean } = {}) {
  const db = getDb();
  const pactId = pactIdBetween("XH", "TZ");
  const other = owner === "XH" ? "TZ" : "XH";
  const creator = viewerOf(`${owner.toLowerCase()}.pl`).userId;
  const { id } = db
    .insert(records)
    .values({
      ownerCountyId: countyIdOf(owner), pactId, workflow, status, refNo: `FX-${++seq}`, title: `统计样本 ${seq}`,
      policeOnly: !!opts.policeOnly, createdBy: creator, createdAt, updatedAt: createdAt,
    })
    .returning({ id: records.id })
    .get();
  db.insert(recordAddressees).values({ recordId: id, countyId: countyIdOf(other) }).run();
  return id;
}

function hazard(owner: string, status: string, createdAt: number, eliminatedAt?: number) {
  const id = record(owner, "hazard", status, createdAt);
  getDb().insert(hazardDetails).values({ recordId: id, category: "fire", severity: "general", source: "resident" }).run();
  if (eliminatedAt) {
    getDb().insert(threadEntries).values({ recordId: id, kind: "event", authorCountyId: countyIdOf(owner), eventAction: "eliminate", fromStatus: "rectifying", toStatus: "eliminated", createdAt: eliminatedAt }).run();
  }
}

function notice(createdAt: number, signedAfterMinutes: number | null, opts: { policeOnly?: boolean } = {}) {
  const id = record("XH", "notice", "in_progress", createdAt, opts);
  getDb().insert(noticeDetails).values({ recordId: id, kind: "assistance", urgency: "urgent", incidentAt: createdAt, crimeCategory: "盗窃", handlingCode: "crime_fighting_only" }).run();
  getDb()
    .insert(noticeReceipts)
    .values({ recordId: id, countyId: countyIdOf("TZ"), signDeadline: createdAt + 120 * 60_000, signedAt: signedAfterMinutes === null ? null : createdAt + signedAfterMinutes * 60_000 })
    .run();
}

function activity(organiser: string, heldOn: string, kind: "legal_education" | "public_request", counts: Partial<typeof jointActivities.$inferInsert>) {
  getDb()
    .insert(jointActivities)
    .values({ pactId: pactIdBetween("XH", "TZ"), organiserCountyId: countyIdOf(organiser), kind, title: "统计样本活动", heldOn, createdBy: viewerOf(`${organiser.toLowerCase()}.pl`).userId, createdAt: at(`${heldOn}T10:00:00`), ...counts })
    .run();
}

beforeAll(() => {
  // Hazards: XH found 2 in March (one eliminated in March), TZ found 1; one of February, eliminated in March.
  hazard("XH", "eliminated", at("2015-03-02T09:00:00"), at("2015-03-20T09:00:00"));
  hazard("XH", "reported", at("2015-03-31T23:59:00"));
  hazard("TZ", "verifying", at("2015-03-15T12:00:00"));
  hazard("TZ", "eliminated", at("2015-02-10T12:00:00"), at("2015-03-05T12:00:00"));
  hazard("XH", "reported", at("2015-02-28T23:59:59")); // February: previous period
  // Notices XH → TZ: signed after 10, 30 and 200 minutes (deadline 120), one never signed; one police-only.
  notice(at("2015-03-03T08:00:00"), 10);
  notice(at("2015-03-04T08:00:00"), 30);
  notice(at("2015-03-05T08:00:00"), 200);
  notice(at("2015-03-06T08:00:00"), null);
  notice(at("2015-03-07T08:00:00"), 5, { policeOnly: true });
  // Activities: two legal-education events (XH 120 + TZ 80 attending, 30 + 20 consultations), one request desk in April.
  activity("XH", "2015-03-08", "legal_education", { attendance: 120, consultations: 30 });
  activity("TZ", "2015-03-18", "legal_education", { attendance: 80, consultations: 20, requestsReceived: 5, requestsResolved: 4 });
  activity("XH", "2015-04-01", "public_request", { requestsReceived: 9, requestsResolved: 9 });
});

const value = (figures: WorkFigures, name: string) => figures.figures.find((f) => f.name === name);

describe("pact figures from a known fixture", () => {
  it("counts hazards found and eliminated in the period, by county, with the previous period", () => {
    const f = pactFigures(viewerOf("xh.pl"), pactIdBetween("XH", "TZ"), MARCH)!;
    const [xh, tz] = [countyIdOf("XH"), countyIdOf("TZ")];
    expect(value(f, "hazardsFound")).toMatchObject({ byCounty: { [xh]: 2, [tz]: 1 }, total: 3, previousTotal: 2 });
    expect(value(f, "hazardsEliminated")).toMatchObject({ byCounty: { [xh]: 1, [tz]: 1 }, total: 2, previousTotal: 0 });
    expect(f.previousPeriod).toEqual({ from: "2015-01-29", to: "2015-02-28" });
  });

  it("counts notices, sign-for time and share in time as the political-legal staff may see them", () => {
    const f = pactFigures(viewerOf("xh.pl"), pactIdBetween("XH", "TZ"), MARCH)!;
    const tz = countyIdOf("TZ");
    expect(value(f, "noticesSent")?.total).toBe(4);
    expect(value(f, "noticesReceived")).toMatchObject({ byCounty: { [tz]: 4 }, total: 4 });
    expect(value(f, "noticeMedianSignMinutes")?.total).toBe(30);
    // 10 and 30 minutes in time, 200 late, one unsigned past its deadline: 2 of 4.
    expect(value(f, "noticeSignedInTime")?.total).toBe(0.5);
  });

  it("lets police liaisons count the police-only notice too, and shows them no dispute or meeting figures", () => {
    const f = pactFigures(viewerOf("xh.police"), pactIdBetween("XH", "TZ"), MARCH)!;
    expect(value(f, "noticesSent")?.total).toBe(5);
    expect(value(f, "noticeMedianSignMinutes")?.total).toBe(20);
    expect(f.figures.some((x) => x.workflow === "dispute" || x.workflow === "meeting" || x.workflow === "project")).toBe(false);
  });

  it("sums joint activities by organising county inside the period", () => {
    const f = pactFigures(viewerOf("tz.pl"), pactIdBetween("XH", "TZ"), MARCH)!;
    const [xh, tz] = [countyIdOf("XH"), countyIdOf("TZ")];
    expect(value(f, "legalEducationEvents")).toMatchObject({ byCounty: { [xh]: 1, [tz]: 1 }, total: 2 });
    expect(value(f, "legalEducationAttendance")?.total).toBe(200);
    expect(value(f, "legalConsultations")?.total).toBe(50);
    expect(value(f, "publicRequestsResolved")).toMatchObject({ byCounty: { [xh]: 0, [tz]: 4 }, total: 4 });
  });

  it("answers nothing for a county outside the pact and leaves out workflows the pact does not cover", () => {
    expect(pactFigures(viewerOf("yp.pl"), pactIdBetween("XH", "TZ"), MARCH)).toBeNull();
    expect(pactFigures(viewerOf("zj.leader"), pactIdBetween("XH", "TZ"), MARCH)).toBeNull();
    const xhYp = pactFigures(viewerOf("yp.pl"), pactIdBetween("XH", "YP"), MARCH)!;
    expect(new Set(xhYp.figures.map((f) => f.workflow))).toEqual(new Set(["hazard", "dispute", "patrol", "meeting"]));
  });

  it("takes the previous period of the same length", () => {
    expect(previousPeriodOf({ from: "2026-01-01", to: "2026-03-31" })).toEqual({ from: "2025-10-03", to: "2025-12-31" });
    expect(previousPeriodOf({ from: "2024-03-01", to: "2024-03-01" })).toEqual({ from: "2024-02-29", to: "2024-02-29" });
  });
});
