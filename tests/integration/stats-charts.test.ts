/**
 * Trends, breakdowns and the county view from a known fixture: records written into 2014 (a year
 * the demo leaves empty), counted by hand below. Also: the trend's window for short and long
 * periods, and that the county view counts the county's internal records but never another
 * county's, nor a police-only notice for a role that may not open it.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { hazardDetails, noticeDetails, recordAddressees, records, regions } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import { breakdownsOf } from "~/modules/stats/breakdowns.server";
import { NO_TOWNSHIP } from "~/modules/stats/charts";
import { countyFigures, pactFigures } from "~/modules/stats/figures.server";
import type { StatsScope } from "~/modules/stats/scope.server";
import { trendsOf, trendWindow } from "~/modules/stats/trends.server";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";

useDemoData();

const YEAR = { from: "2014-01-01", to: "2014-12-31" };
const at = (iso: string) => Date.parse(`${iso}+08:00`);
const regionId = (name: string) => getDb().select({ id: regions.id }).from(regions).where(eq(regions.name, name)).get()!.id;
let seq = 0;

function record(owner: string, workflow: "hazard" | "notice", createdAt: number, opts: { shared?: boolean; region?: string; policeOnly?: boolean } = {}) {
  const db = getDb();
  const shared = opts.shared ?? true;
  const { id } = db
    .insert(records)
    .values({
      ownerCountyId: countyIdOf(owner), pactId: shared ? pactIdBetween("XH", "TZ") : null, workflow, status: "reported",
      refNo: `CH-${++seq}`, title: `图表样本 ${seq}`, regionId: opts.region ? regionId(opts.region) : null, policeOnly: !!opts.policeOnly,
      createdBy: viewerOf(`${owner.toLowerCase()}.pl`).userId, createdAt, updatedAt: createdAt,
    })
    .returning({ id: records.id })
    .get();
  if (shared) db.insert(recordAddressees).values({ recordId: id, countyId: countyIdOf(owner === "XH" ? "TZ" : "XH") }).run();
  return id;
}

function hazard(owner: string, category: "fireworks" | "fire" | "water", iso: string, opts: { shared?: boolean; region?: string } = {}) {
  const id = record(owner, "hazard", at(iso), opts);
  getDb().insert(hazardDetails).values({ recordId: id, category, severity: "general", source: "grid_sweep" }).run();
}

function notice(kind: "assistance" | "bulletin" | "operation", iso: string, policeOnly = false) {
  const id = record("XH", "notice", at(iso), { policeOnly });
  getDb().insert(noticeDetails).values({ recordId: id, kind, urgency: "normal", incidentAt: at(iso), crimeCategory: "盗窃", handlingCode: "crime_fighting_only" }).run();
}

beforeAll(() => {
  // Under XH–TZ: January 1, March 2, November 1 (the last minute of the month, Beijing time).
  hazard("XH", "fireworks", "2014-01-10T09:00:00", { region: "街上村第一微网格" }); // micro-grid → 凉伞镇
  hazard("XH", "fireworks", "2014-03-05T09:00:00", { region: "花园村" }); // village → 凉伞镇
  hazard("TZ", "fire", "2014-03-20T09:00:00", { region: "阳寨村" }); // village → 坪地镇
  hazard("XH", "water", "2014-11-30T23:59:00"); // no place
  // Internal: XH's counts in XH's county view only; TZ's never for XH.
  hazard("XH", "fire", "2014-06-01T09:00:00", { shared: false, region: "林冲镇" });
  hazard("TZ", "fire", "2014-06-02T09:00:00", { shared: false, region: "坪地镇" });
  // Notices in February; the police-only one is seen by police liaisons alone.
  notice("assistance", "2014-02-03T08:00:00");
  notice("bulletin", "2014-02-04T08:00:00");
  notice("operation", "2014-02-05T08:00:00", true);
});

const PACT = (): StatsScope => ({ kind: "pact", pactId: pactIdBetween("XH", "TZ") });
const COUNTY: StatsScope = { kind: "county" };
const series = (username: string, scope: StatsScope, figure: string) =>
  trendsOf(viewerOf(username), scope, YEAR).series.find((s) => s.figure === figure)?.values;
const breakdown = (username: string, scope: StatsScope, kind: string, workflow: string) =>
  breakdownsOf(viewerOf(username), scope, YEAR).find((b) => b.kind === kind && b.workflow === workflow)?.rows;

describe("monthly trends", () => {
  it("counts each month of the pact by hand, and the months add up to the year's figure", () => {
    expect(series("xh.pl", PACT(), "hazardsFound")).toEqual([1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect(series("tz.pl", PACT(), "hazardsFound")).toEqual([1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    const figure = pactFigures(viewerOf("xh.pl"), pactIdBetween("XH", "TZ"), YEAR)!.figures.find((f) => f.name === "hazardsFound")!;
    expect(figure.total).toBe(4);
  });

  it("leaves police-only notices to police liaisons", () => {
    expect(series("xh.pl", PACT(), "noticesSent")).toEqual([0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(series("xh.police", PACT(), "noticesSent")).toEqual([0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(series("xh.mediator", PACT(), "noticesSent")).toBeUndefined();
  });

  it("counts the county's internal records in its county view, never another county's", () => {
    expect(series("xh.pl", COUNTY, "hazardsFound")).toEqual([1, 0, 2, 0, 0, 1, 0, 0, 0, 0, 1, 0]);
    expect(series("tz.pl", COUNTY, "hazardsFound")).toEqual([1, 0, 2, 0, 0, 1, 0, 0, 0, 0, 1, 0]);
    const xh = countyFigures(viewerOf("xh.pl"), "新晃侗族自治县", YEAR).figures.find((f) => f.name === "hazardsFound")!;
    expect(xh.byCounty[countyIdOf("XH")]).toBe(4);
    expect(xh.byCounty[countyIdOf("TZ")]).toBe(1);
    expect(xh.total).toBe(5);
    // YP shares no pact covering these with TZ: only its own (none in 2014).
    expect(series("yp.pl", COUNTY, "hazardsFound")).toEqual(Array(12).fill(0));
  });

  it("shows twelve months up to a short period's end, the period's months, or its quarters past two years", () => {
    expect(trendWindow({ from: "2014-03-01", to: "2014-03-31" })).toMatchObject({ unit: "month", fromDay: "2013-04-01", toDay: "2014-03-31" });
    expect(trendWindow({ from: "2014-03-01", to: "2014-03-31" }).months).toHaveLength(12);
    expect(trendWindow({ from: "2013-01-15", to: "2014-12-31" }).months).toHaveLength(24);
    expect(trendWindow({ from: "2013-01-15", to: "2014-12-31" })).toMatchObject({ unit: "month", fromDay: "2013-01-15" });
    const long = trendsOf(viewerOf("xh.pl"), PACT(), { from: "2012-01-01", to: "2014-12-31" });
    expect(long.unit).toBe("quarter");
    expect(long.buckets).toHaveLength(12);
    expect(long.buckets.slice(-4)).toEqual(["2014-Q1", "2014-Q2", "2014-Q3", "2014-Q4"]);
    expect(long.series.find((s) => s.figure === "hazardsFound")!.values.slice(-4)).toEqual([3, 0, 0, 1]);
  });
});

describe("breakdowns", () => {
  it("splits the pact's hazards by category and by township, walking up from villages and micro-grids", () => {
    expect(breakdown("xh.pl", PACT(), "category", "hazard")).toEqual([
      { key: "fireworks", value: 2 },
      { key: "fire", value: 1 },
      { key: "water", value: 1 },
    ]);
    expect(breakdown("xh.pl", PACT(), "township", "hazard")).toEqual([
      { key: "凉伞镇", county: "新晃侗族自治县", value: 2 },
      { key: "坪地镇", county: "天柱县", value: 1 },
      { key: NO_TOWNSHIP, value: 1 },
    ]);
  });

  it("adds the county's own internal records in the county view", () => {
    const rows = breakdown("xh.pl", COUNTY, "township", "hazard")!;
    expect(rows).toContainEqual({ key: "林冲镇", county: "新晃侗族自治县", value: 1 });
    expect(rows).toContainEqual({ key: "坪地镇", county: "天柱县", value: 1 });
    const tz = breakdown("tz.pl", COUNTY, "township", "hazard")!;
    expect(tz).toContainEqual({ key: "坪地镇", county: "天柱县", value: 2 });
    expect(tz.some((r) => r.key === "林冲镇")).toBe(false);
  });

  it("splits notices by kind within what the role may open", () => {
    expect(breakdown("xh.pl", PACT(), "category", "notice")).toEqual([
      { key: "assistance", value: 1 },
      { key: "bulletin", value: 1 },
    ]);
    expect(breakdown("xh.police", PACT(), "category", "notice")).toHaveLength(3);
    expect(breakdown("xh.mediator", PACT(), "category", "notice")).toBeUndefined();
  });
});
