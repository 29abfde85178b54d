/**
 * The hazard list and its counts on the demo data: every filter narrows the list in SQL through
 * the access policy, and the count on each status tab is exactly what the list shows under it.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { records } from "~db/schema";
import { visibleRecordsFilter } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { hazardCounts, listHazards, PAGE_SIZE } from "~/modules/hazards/list.server";
import { HAZARD_STATUSES } from "~/modules/hazards/machine";
import { filtersFromUrl, type HazardFilters } from "~/modules/hazards/schemas";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { dayFromToday } from "./helpers/hazard-fixtures";

useDemoData();

const USERS = ["xh.pl", "xh.grid", "xh.leader", "tz.police", "tz.grid", "yp.pl", "yp.leader", "zj.pl"];

/** Every hazard the list returns for these filters, across all pages. */
function allListed(viewer: Viewer, filters: HazardFilters, now = Date.now()) {
  const first = listHazards(viewer, filters, now);
  const items = [...first.items];
  for (let page = 2; page <= first.pageCount; page++) items.push(...listHazards(viewer, { ...filters, page }, now).items);
  expect(items).toHaveLength(first.total);
  return items;
}

const FILTER_SETS: HazardFilters[] = [
  {},
  { category: "fireworks" },
  { severity: "major" },
  { county: 0 },
  { pact: "none" },
  { overdue: true },
  { q: "村" },
  { from: dayFromToday(-100), to: dayFromToday(-10) },
  { mine: true },
].map((f) => ({ overdue: false, mine: false, ...f }) as HazardFilters);

describe("counts agree with the list", () => {
  it.each(USERS)("%s: for each filter, every status tab's count is the length of the list under it", (username) => {
    const viewer = viewerOf(username);
    const now = Date.now();
    for (const base of FILTER_SETS) {
      const filters = base.county === 0 ? { ...base, county: countyIdOf("TZ") } : base;
      const counts = hazardCounts(viewer, filters, now);
      for (const status of HAZARD_STATUSES) {
        expect(allListed(viewer, { ...filters, status }, now).length, `${JSON.stringify(filters)} ${status}`).toBe(counts.byStatus[status]);
      }
      expect(allListed(viewer, filters, now).length).toBe(filters.overdue ? counts.overdue : counts.all);
      expect(allListed(viewer, { ...filters, overdue: true }, now).length).toBe(counts.overdue);
    }
  });

  it("all hazards a user sees are exactly the visible hazard records", () => {
    for (const username of USERS) {
      const viewer = viewerOf(username);
      const visible = getDb()
        .select({ id: records.id })
        .from(records)
        .where(sql`${records.workflow} = 'hazard' and ${visibleRecordsFilter(viewer)}`)
        .all()
        .map((r) => r.id)
        .sort((a, b) => a - b);
      expect(allListed(viewer, {} as HazardFilters).map((i) => i.id).sort((a, b) => a - b)).toEqual(visible);
    }
  });
});

describe("filters", () => {
  const xh = () => viewerOf("xh.pl");

  it("status, category, severity, owner county and pact", () => {
    expect(allListed(xh(), { status: "rectifying" } as HazardFilters).every((i) => i.status === "rectifying")).toBe(true);
    expect(allListed(xh(), { category: "water" } as HazardFilters).every((i) => i.category === "water")).toBe(true);
    expect(allListed(xh(), { severity: "serious" } as HazardFilters).every((i) => i.severity === "serious")).toBe(true);
    const tzOwned = allListed(xh(), { county: countyIdOf("TZ") } as HazardFilters);
    expect(tzOwned.length).toBeGreaterThan(0);
    expect(tzOwned.every((i) => i.ownerCountyName === "天柱县" && i.pactId === pactIdBetween("XH", "TZ"))).toBe(true);
    const internal = allListed(xh(), { pact: "none" } as HazardFilters);
    expect(internal.every((i) => i.pactId === null && i.ownerCountyId === countyIdOf("XH"))).toBe(true);
    const xhYp = allListed(xh(), { pact: pactIdBetween("XH", "YP") } as HazardFilters);
    expect(new Set(xhYp.map((i) => i.ownerCountyName))).toEqual(new Set(["新晃侗族自治县", "玉屏侗族自治县"]));
  });

  it("overdue: rectifying with the deadline passed; moving the clock past a deadline makes a hazard overdue", () => {
    const now = Date.now();
    const overdue = allListed(xh(), { overdue: true } as HazardFilters, now);
    expect(overdue.map((i) => i.title).sort()).toEqual(["街上村废弃加油站储油罐未清理", "贡溪镇边界加油站与民房安全距离不足", "坪地镇边界路口无信号灯"].sort());
    expect(overdue.every((i) => i.overdue && i.status === "rectifying" && i.dueAt! < now)).toBe(true);
    const later = now + 400 * 86_400_000;
    const rectifying = allListed(xh(), { status: "rectifying" } as HazardFilters, later);
    expect(allListed(xh(), { overdue: true } as HazardFilters, later).length).toBe(rectifying.length);
  });

  it("text matches reference, title, place and description, literally", () => {
    expect(allListed(xh(), { q: "烟花爆竹储存点" } as HazardFilters).map((i) => i.title)).toEqual(["花园村与阳寨村交界处隐蔽烟花爆竹储存点"]);
    expect(allListed(xh(), { q: "XH-YH-" } as HazardFilters).every((i) => i.refNo.startsWith("XH-YH-"))).toBe(true);
    expect(allListed(xh(), { q: "老砖房" } as HazardFilters)).toHaveLength(1);
    expect(allListed(xh(), { q: "%" } as HazardFilters)).toHaveLength(0);
  });

  it("reported between two days (Beijing), and only mine", () => {
    const from = dayFromToday(-60);
    const to = dayFromToday(-20);
    const items = allListed(xh(), { from, to } as HazardFilters);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.createdAt >= Date.parse(`${from}T00:00:00+08:00`) && i.createdAt < Date.parse(`${to}T00:00:00+08:00`) + 86_400_000)).toBe(true);
    const grid = viewerOf("xh.grid");
    const mine = allListed(grid, { mine: true } as HazardFilters);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(allListed(grid, {} as HazardFilters).length);
  });

  it("pages of twenty, newest first", () => {
    const first = listHazards(xh(), {} as HazardFilters);
    expect(first.items).toHaveLength(PAGE_SIZE);
    const created = first.items.map((i) => i.createdAt);
    expect([...created].sort((a, b) => b - a)).toEqual(created);
    expect(listHazards(xh(), { page: 999 } as HazardFilters).page).toBe(first.pageCount);
  });

  it("the query string is read leniently: what cannot be read is left out", () => {
    const f = filtersFromUrl(new URL("http://x/hazards?status=nope&category=water&county=abc&pact=none&overdue=1&from=2026-02-30&q=%20%20&page=-1"));
    expect(f).toEqual({ status: undefined, category: "water", severity: undefined, county: undefined, pact: "none", overdue: true, mine: false, from: undefined, to: undefined, q: undefined, page: undefined });
  });
});

describe("isolation", () => {
  it("YP never sees what XH shares with TZ; TZ never sees XH–YP hazards; ZJ sees none", () => {
    const yp = allListed(viewerOf("yp.pl"), {} as HazardFilters);
    expect(yp.some((i) => i.pactId === pactIdBetween("XH", "TZ"))).toBe(false);
    expect(yp.some((i) => i.title.includes("阳寨村"))).toBe(false);
    const tz = allListed(viewerOf("tz.pl"), {} as HazardFilters);
    expect(tz.some((i) => i.pactId === pactIdBetween("XH", "YP"))).toBe(false);
    expect(allListed(viewerOf("zj.pl"), {} as HazardFilters)).toEqual([]);
    expect(hazardCounts(viewerOf("zj.pl"), {} as HazardFilters)).toMatchObject({ all: 0, overdue: 0 });
    // Naming another county's pact or county in the query does not widen the list.
    expect(allListed(viewerOf("yp.pl"), { pact: pactIdBetween("XH", "TZ") } as HazardFilters)).toEqual([]);
    expect(allListed(viewerOf("yp.pl"), { county: countyIdOf("TZ") } as HazardFilters)).toEqual([]);
  });
});
