/**
 * The county view of the statistics (pact=county) and its export through the real loaders with
 * the demo data: the county across all its pacts and internal records, the trend and breakdown
 * sheets read back from the workbook, and the demo's three years reproducing the magnitudes one
 * county reported (DOMAIN: 181 disputes mediated, 28 stabilised, 500+ joint patrols, 260+
 * legal-education events, 12,000+ consultations, 50+ legal-aid cases, 200+ requests resolved).
 */
import { and, desc, eq, gt } from "drizzle-orm";
import readXlsxFile from "read-excel-file/node";
import { describe, expect, it } from "vitest";
import { auditLog, disputeParties } from "~db/schema";
import { todayInChina } from "~/i18n";
import { getDb } from "~/modules/db/connection.server";
import { countyFigures, pactFigures } from "~/modules/stats/figures.server";
import * as page from "~/routes/stats._index";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { callRoute, pactGet as get } from "./helpers/pact-requests";
import { downloadStats as download } from "./helpers/stats-requests";

useDemoData();

const today = todayInChina();
const yearsBack = (years: number) => {
  const [y, m, d] = today.split("-").map(Number);
  return { from: new Date(Date.UTC(y - years, m - 1, d + 1)).toISOString().slice(0, 10), to: today };
};
const query = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const total = (figures: { figures: { name: string; total: number | null }[] }, name: string) => figures.figures.find((f) => f.name === name)?.total;
const lastAuditId = () => getDb().select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()?.id ?? 0;

describe("/stats?pact=county", () => {
  it("shows the county first, then its partners, with the figures of countyFigures, trends and breakdowns", async () => {
    const range = yearsBack(5);
    const answer = await callRoute(page.loader, await get("xh.pl", `/stats?${query({ pact: "county", ...range })}`));
    expect(answer.status).toBe(200);
    const { figures, trends, breakdowns, scope } = answer.data;
    expect(scope).toBe("county");
    expect(figures).toMatchObject({ scope: "county", pactId: null, title: "新晃侗族自治县", period: range });
    expect(figures.counties[0].id).toBe(countyIdOf("XH"));
    expect(figures.counties.map((c: { id: number }) => c.id)).toEqual(expect.arrayContaining([countyIdOf("TZ"), countyIdOf("YP")]));
    expect(figures.counties.map((c: { id: number }) => c.id)).not.toContain(countyIdOf("ZJ"));
    expect(figures.figures).toEqual(countyFigures(viewerOf("xh.pl"), "新晃侗族自治县", range).figures);
    expect(trends.unit).toBe("quarter");
    expect(trends.series.map((s: { workflow: string }) => s.workflow)).toEqual(["hazard", "dispute", "notice", "patrol", "meeting"]);
    expect(breakdowns.map((b: { kind: string; workflow: string }) => `${b.kind}:${b.workflow}`)).toEqual([
      "category:hazard", "category:dispute", "category:notice", "category:project", "township:hazard", "township:dispute",
    ]);
  });

  it("adds up the pacts and the county's internal records: the county view is never smaller than a pact's", () => {
    const range = yearsBack(3);
    const county = countyFigures(viewerOf("xh.pl"), "新晃侗族自治县", range);
    const pacts = [pactFigures(viewerOf("xh.pl"), pactIdBetween("XH", "TZ"), range)!, pactFigures(viewerOf("xh.pl"), pactIdBetween("XH", "YP"), range)!];
    for (const name of ["hazardsFound", "disputesAccepted", "patrolsCompleted", "meetingsHeld", "legalConsultations"]) {
      const byPacts = pacts.reduce((sum, p) => sum + (total(p, name) ?? 0), 0);
      expect(total(county, name), name).toBeGreaterThanOrEqual(byPacts);
    }
    // TZ sees XH's work only where it is shared with TZ.
    const tz = countyFigures(viewerOf("tz.pl"), "天柱县", range);
    const xhTz = pactFigures(viewerOf("tz.pl"), pactIdBetween("XH", "TZ"), range)!;
    const xh = countyIdOf("XH");
    expect(tz.figures.find((f) => f.name === "patrolsCompleted")!.byCounty[xh]).toBe(xhTz.figures.find((f) => f.name === "patrolsCompleted")!.byCounty[xh]);
  });

  it("reproduces the reported magnitudes over the demo's three years", async () => {
    const answer = await callRoute(page.loader, await get("xh.leader", `/stats?${query({ pact: "county", ...yearsBack(3) })}`));
    const figures = answer.data.figures;
    expect(total(figures, "disputesResolved")).toBeGreaterThanOrEqual(175);
    expect(total(figures, "disputesResolved")).toBeLessThanOrEqual(190);
    expect(total(figures, "disputesStabilised")).toBeGreaterThanOrEqual(25);
    expect(total(figures, "disputeSuccessRate")).toBeGreaterThan(0.8);
    expect(total(figures, "patrolsCompleted")).toBeGreaterThanOrEqual(480);
    expect(total(figures, "legalEducationEvents")).toBeGreaterThanOrEqual(260);
    expect(total(figures, "legalConsultations")).toBeGreaterThanOrEqual(12_000);
    expect(total(figures, "legalAidCases")).toBeGreaterThanOrEqual(50);
    expect(total(figures, "publicRequestsResolved")).toBeGreaterThanOrEqual(200);
    // The leader reads figures, never personal data: no party's name or phone number in the answer.
    const parties = getDb().select({ name: disputeParties.name, phone: disputeParties.phone }).from(disputeParties).all();
    expect(parties.length).toBeGreaterThan(100);
    const text = JSON.stringify(answer.data);
    expect(parties.filter((p) => text.includes(p.name) || (p.phone && text.includes(p.phone)))).toEqual([]);
  });
});

describe("/stats/export?pact=county", () => {
  it("writes the trend and breakdown sheets with the page's numbers, audited as a county export", async () => {
    const range = yearsBack(1);
    const before = lastAuditId();
    const response = await download("xh.leader", { pact: "county", ...range, format: "xlsx" });
    expect(response.status).toBe(200);
    const page_ = (await callRoute(page.loader, await get("xh.leader", `/stats?${query({ pact: "county", ...range })}`))).data;
    const sheets = await readXlsxFile(Buffer.from(await response.arrayBuffer()));
    const [figuresSheet, trendSheet, breakdownSheet] = sheets.map((s) => s.data);
    expect(String(figuresSheet[0][0])).toContain("新晃侗族自治县");

    expect(trendSheet[1].slice(0, 2)).toEqual(["业务", "指标"]);
    expect(trendSheet[1].at(-1)).toBe("合计");
    expect(trendSheet.length - 2).toBe(page_.trends.series.length);
    for (const [i, s] of page_.trends.series.entries()) {
      const row = trendSheet[i + 2];
      expect(row.slice(2, -1)).toEqual(s.values);
      expect(row.at(-1)).toBe(s.values.reduce((a: number, b: number) => a + b, 0));
    }
    const hazardTrend = trendSheet.find((r) => r[1] === "发现隐患（件）")!;
    expect(hazardTrend.at(-1)).toBeGreaterThan(0);

    expect(breakdownSheet[1]).toEqual(["业务", "指标", "分布方式", "类别或乡镇", "所属县", "数量"]);
    const rows = page_.breakdowns.flatMap((b: { rows: unknown[] }) => b.rows);
    expect(breakdownSheet.length - 2).toBe(rows.length);
    const liangsan = breakdownSheet.find((r) => r[2] === "按乡镇" && r[3] === "凉伞镇" && r[0] === "问题隐患联防");
    expect(liangsan?.[4]).toBe("新晃侗族自治县");

    const entries = getDb().select().from(auditLog).where(and(gt(auditLog.id, before), eq(auditLog.action, "stats.export"))).all();
    expect(entries).toMatchObject([{ entityType: "county", entityId: String(countyIdOf("XH")) }]);
    expect(JSON.parse(entries[0].after!)).toMatchObject({ scope: "county", period: range, format: "xlsx" });
  });

  it("writes the three tables into one CSV and leaves out what a mediator may not export", async () => {
    const response = await download("xh.mediator", { pact: "county", ...yearsBack(1), format: "csv" });
    expect(response.status).toBe(200);
    const text = await response.text();
    const blocks = text.replace(/^\uFEFF/, "").split("\r\n\r\n");
    expect(blocks).toHaveLength(3);
    expect(blocks[1]).toContain("矛盾纠纷联调");
    for (const block of blocks) {
      expect(block).not.toContain("问题隐患联防");
      expect(block).not.toContain("刑事犯罪联打");
    }
  });
});
