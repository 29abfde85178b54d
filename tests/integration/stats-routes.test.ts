/**
 * The statistics page and its exports as Remix calls them: real signed-in Requests against the
 * loaders, real SQLite with the demo data. The exports are parsed back (read-excel-file for the
 * workbook) and compared with pactFigures.
 */
import { and, desc, eq, gt } from "drizzle-orm";
import readXlsxFile from "read-excel-file/node";
import { describe, expect, it } from "vitest";
import { auditLog } from "~db/schema";
import { todayInChina } from "~/i18n";
import { getDb } from "~/modules/db/connection.server";
import { countyFigures, pactFigures, previousPeriodOf } from "~/modules/stats/figures.server";
import { presetPeriod } from "~/modules/stats/period";
import * as page from "~/routes/stats._index";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { callRoute, pactGet as get } from "./helpers/pact-requests";
import { downloadStats as download } from "./helpers/stats-requests";

useDemoData();

const today = todayInChina();
/** Five years up to today: wide enough to hold the demo's records. */
const wide = () => {
  const [y, m, d] = today.split("-").map(Number);
  const from = new Date(Date.UTC(y - 5, m - 1, d + 1)).toISOString().slice(0, 10);
  return { from, to: today };
};
const query = (fields: Record<string, string>) => new URLSearchParams(fields).toString();


const lastAuditId = () => getDb().select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()?.id ?? 0;

describe("/stats", () => {
  it("shows xh.leader the figures of the first pact, both counties, this month by default", async () => {
    const answer = await callRoute(page.loader, await get("xh.leader", "/stats"));
    expect(answer.status).toBe(200);
    const { pacts, scope, figures, choice, mayExport } = answer.data;
    expect(pacts.map((p: { id: number }) => p.id)).toEqual(expect.arrayContaining([pactIdBetween("XH", "TZ"), pactIdBetween("XH", "YP")]));
    expect(scope).toBe(String(pacts[0].id));
    expect(figures.pactId).toBe(pacts[0].id);
    expect(choice.preset).toBe("month");
    expect(figures.period).toEqual(presetPeriod("month", today));
    expect(figures.counties).toHaveLength(2);
    expect(mayExport).toBe(true);
  });

  it("shows the chosen pact for a preset and for a custom range, the same numbers as pactFigures", async () => {
    const pact = pactIdBetween("XH", "TZ");
    const year = await callRoute(page.loader, await get("xh.leader", `/stats?${query({ pact: String(pact), period: "year" })}`));
    expect(year.data.figures.pactId).toBe(pact);
    expect(year.data.figures.period).toEqual(presetPeriod("year", today));
    const quarter = await callRoute(page.loader, await get("xh.leader", `/stats?${query({ pact: String(pact), period: "quarter" })}`));
    expect(quarter.data.figures.period).toEqual(presetPeriod("quarter", today));

    const range = wide();
    const custom = await callRoute(page.loader, await get("xh.leader", `/stats?${query({ pact: String(pact), period: "custom", ...range })}`));
    expect(custom.data.figures.period).toEqual(range);
    const expected = pactFigures(viewerOf("xh.leader"), pact, range)!;
    expect(custom.data.figures.figures).toEqual(expected.figures);
    expect(expected.figures.find((f) => f.name === "hazardsFound")!.total).toBeGreaterThan(0);
    expect(new Set(custom.data.figures.counties.map((c: { id: number }) => c.id))).toEqual(new Set([countyIdOf("XH"), countyIdOf("TZ")]));
  });

  it("counts the presets from the first day of the calendar period up to today", () => {
    expect(presetPeriod("month", "2024-02-10")).toEqual({ from: "2024-02-01", to: "2024-02-10" });
    expect(presetPeriod("quarter", "2026-11-23")).toEqual({ from: "2026-10-01", to: "2026-11-23" });
    expect(presetPeriod("year", "2026-05-01")).toEqual({ from: "2026-01-01", to: "2026-05-01" });
    // The period before has as many days: 1–10 February against 22–31 January.
    expect(previousPeriodOf(presetPeriod("month", "2024-02-10"))).toEqual({ from: "2024-01-22", to: "2024-01-31" });
  });

  it.each([
    [{ from: "2026-02-30", to: "2026-03-01" }, { from: "请填写有效日期（年-月-日）" }],
    [{ from: "2026-03-10", to: "2026-03-01" }, { to: "结束日期不能早于开始日期" }],
    [{ from: "2020-01-01", to: "2025-01-01" }, { to: "统计期间不能超过5年" }],
    [{ from: "", to: "abc" }, { from: "请填写日期", to: "请填写有效日期（年-月-日）" }],
  ])("answers a custom range %j with messages next to the fields, not a 500", async (range, messages) => {
    const answer = await callRoute(page.loader, await get("xh.leader", `/stats?${query({ period: "custom", ...range })}`));
    expect(answer.status).toBe(200);
    expect(answer.data.figures).toBeNull();
    expect(answer.data.choice.from).toBe(range.from);
    const zh = (await import("~/i18n")).translator("zh-CN");
    const shown = Object.fromEntries(Object.entries(answer.data.choice.errors).map(([k, v]) => [k, zh(v as never)]));
    expect(shown).toEqual(messages);
  });

  it("takes dates without a preset as a custom range", async () => {
    const answer = await callRoute(page.loader, await get("xh.leader", `/stats?${query({ from: "2026-01-01", to: "2026-01-31" })}`));
    expect(answer.data.choice.preset).toBe("custom");
    expect(answer.data.figures.period).toEqual({ from: "2026-01-01", to: "2026-01-31" });
  });

  it("accepts a range of exactly five years", async () => {
    const answer = await callRoute(page.loader, await get("xh.leader", `/stats?${query({ period: "custom", from: "2020-01-01", to: "2024-12-31" })}`));
    expect(answer.data.choice.errors).toEqual({});
    expect(answer.data.figures.period).toEqual({ from: "2020-01-01", to: "2024-12-31" });
  });

  it("shows ZJ, a county without a pact, its own county view and 404 for any pact id (audited)", async () => {
    const own = await callRoute(page.loader, await get("zj.leader", "/stats"));
    expect(own.status).toBe(200);
    expect(own.data).toMatchObject({ pacts: [], scope: "county" });
    expect(own.data.figures).toMatchObject({ scope: "county", pactId: null, title: "芷江侗族自治县" });
    expect(own.data.figures.counties.map((c: { id: number }) => c.id)).toEqual([countyIdOf("ZJ")]);
    const before = lastAuditId();
    const foreign = await callRoute(page.loader, await get("zj.leader", `/stats?pact=${pactIdBetween("XH", "TZ")}`));
    expect(foreign.status).toBe(404);
    const denied = getDb().select().from(auditLog).where(and(gt(auditLog.id, before), eq(auditLog.action, "access.denied"))).all();
    expect(denied).toMatchObject([{ entityType: "pact", entityId: String(pactIdBetween("XH", "TZ")), actorUserId: viewerOf("zj.leader").userId }]);
  });

  it("answers YP the same 404 for the XH–TZ pact as for a missing one", async () => {
    expect((await callRoute(page.loader, await get("yp.pl", `/stats?pact=${pactIdBetween("XH", "TZ")}`))).status).toBe(404);
    expect((await callRoute(page.loader, await get("yp.pl", "/stats?pact=999999"))).status).toBe(404);
    expect((await callRoute(page.loader, await get("yp.pl", "/stats?pact=abc"))).status).toBe(404);
    expect((await callRoute(page.loader, await get("yp.pl", `/stats?pact=${pactIdBetween("XH", "YP")}`))).status).toBe(200);
  });

  it("refuses a county admin (no workflow to view) with 403", async () => {
    expect((await callRoute(page.loader, await get("xh.admin", "/stats"))).status).toBe(403);
  });
});

describe("/stats/export", () => {
  const pact = () => pactIdBetween("XH", "TZ");

  it("writes the table as .xlsx with a Chinese sheet, Chinese headers and the numbers of pactFigures", async () => {
    const range = wide();
    const before = lastAuditId();
    const response = await download("xh.leader", { pact: String(pact()), ...range, format: "xlsx" });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("spreadsheetml");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="[^"]+\.xlsx"; filename\*=UTF-8''%E5%B7%A5%E4%BD%9C%E7%BB%9F%E8%AE%A1_.+\.xlsx$/);
    const sheets = await readXlsxFile(Buffer.from(await response.arrayBuffer()));
    expect(sheets.map((s) => s.sheet)).toEqual(["工作统计", "趋势", "分类与乡镇"]);
    const rows = sheets[0].data;
    const expected = pactFigures(viewerOf("xh.leader"), pact(), range)!;
    expect(String(rows[0][0])).toContain(expected.title);
    expect(String(rows[0][0])).toContain(`${range.from} 至 ${range.to}`);
    const [xh, tz] = [countyIdOf("XH"), countyIdOf("TZ")];
    const header = rows[1].map(String);
    expect(header.slice(0, 2)).toEqual(["业务", "指标"]);
    expect(header).toEqual(expect.arrayContaining(["新晃侗族自治县", "合计", "增减"]));
    const col = (name: string) => header.indexOf(name);
    const xhName = expected.counties.find((c) => c.id === xh)!.name;
    const tzName = expected.counties.find((c) => c.id === tz)!.name;
    const found = rows.find((r) => r[1] === "发现隐患（件）")!;
    const hazardsFound = expected.figures.find((f) => f.name === "hazardsFound")!;
    expect(hazardsFound.total).toBeGreaterThan(0);
    expect(found[0]).toBe("问题隐患联防");
    expect(found[col(xhName)]).toBe(hazardsFound.byCounty[xh]);
    expect(found[col(tzName)]).toBe(hazardsFound.byCounty[tz]);
    expect(found[col("合计")]).toBe(hazardsFound.total);
    // Every figure is there with the same total.
    expect(rows.length - 2).toBe(expected.figures.length);
    for (const [i, f] of expected.figures.entries()) expect(rows[i + 2][col("合计")] ?? null).toBe(f.total);

    const entries = getDb().select().from(auditLog).where(and(gt(auditLog.id, before), eq(auditLog.action, "stats.export"))).all();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entityType: "pact", entityId: String(pact()), actorUserId: viewerOf("xh.leader").userId });
    expect(JSON.parse(entries[0].after!)).toMatchObject({ period: range, format: "xlsx" });
  });

  it("writes CSV with a BOM, CRLF line ends, quoted text and the same numbers", async () => {
    const range = wide();
    const before = lastAuditId();
    const response = await download("xh.pl", { pact: String(pact()), ...range, format: "csv" });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/filename\*=UTF-8''%E5%B7%A5%E4%BD%9C%E7%BB%9F%E8%AE%A1_.+\.csv$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFF\"")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    const lines = text.slice(1).split("\r\n");
    expect(lines[1].startsWith('"业务","指标",')).toBe(true);
    const expected = pactFigures(viewerOf("xh.pl"), pact(), range)!;
    const f = expected.figures.find((x) => x.name === "hazardsFound")!;
    const counties = expected.counties.map((c) => f.byCounty[c.id]);
    expect(lines).toContain(`"问题隐患联防","发现隐患（件）",${counties.join(",")},${f.total},${f.previousTotal},${f.total! - f.previousTotal!}`);
    expect(getDb().select().from(auditLog).where(and(gt(auditLog.id, before), eq(auditLog.action, "stats.export"))).all()).toHaveLength(1);
  });

  it("quotes a pact title with a quote and a comma", async () => {
    const { csvOf } = await import("~/modules/stats/export.server");
    const figures = { scope: "pact" as const, pactId: 1, title: '甲,乙"协议"', period: { from: "2026-01-01", to: "2026-01-31" }, previousPeriod: { from: "2025-12-01", to: "2025-12-31" }, counties: [], figures: [] };
    const csv = csvOf({ figures, trends: { unit: "month", buckets: [], series: [] }, breakdowns: [] });
    expect(csv.split("\r\n")[0]).toBe('\uFEFF"甲,乙""协议"" 工作统计（2026-01-01 至 2026-01-31）"');
  });

  it("writes text a spreadsheet would read as a formula with a leading apostrophe", async () => {
    const { csvOf } = await import("~/modules/stats/export.server");
    const figures = {
      scope: "pact" as const, pactId: 1, title: "=HYPERLINK(\"http://x\")", period: { from: "2026-01-01", to: "2026-01-31" },
      previousPeriod: { from: "2025-12-01", to: "2025-12-31" }, counties: [{ id: 7, name: "-1+1县", shortCode: "X" }], figures: [],
    };
    const breakdowns = [{ kind: "township" as const, workflow: "hazard" as const, figure: "hazardsFound", rows: [{ key: "@SUM(A1)", county: "+县", value: 3 }] }];
    const csv = csvOf({ figures, trends: { unit: "month", buckets: [], series: [] }, breakdowns });
    expect(csv.split("\r\n")[0]).toBe('\uFEFF"\'=HYPERLINK(""http://x"") 工作统计（2026-01-01 至 2026-01-31）"');
    expect(csv).toContain('"\'-1+1县"');
    expect(csv).toContain('"\'@SUM(A1)","\'+县",3');
    expect(csv).not.toMatch(/(^|,)"[=+\-@]/m);
  });

  it("leaves out the workflows the viewer may not export (police: hazard, notice, patrol)", async () => {
    const response = await download("xh.police", { pact: String(pact()), ...wide(), format: "csv" });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain("问题隐患联防");
    expect(text).toContain("刑事犯罪联打");
    expect(text).not.toContain("矛盾纠纷联调");
    expect(text).not.toContain("平安边界联创");
  });

  it("refuses grid workers and county admins with 403 (audited)", async () => {
    for (const username of ["xh.grid", "xh.admin"]) {
      const before = lastAuditId();
      const response = await download(username, { pact: String(pact()), ...wide(), format: "xlsx" });
      expect(response.status).toBe(403);
      const denied = getDb().select().from(auditLog).where(and(gt(auditLog.id, before), eq(auditLog.action, "access.denied"))).all();
      expect(denied).toMatchObject([{ entityType: "stats", actorUserId: viewerOf(username).userId }]);
    }
  });

  it("answers 404 for a pact of another county and 400 for a bad period or format", async () => {
    expect((await download("yp.pl", { pact: String(pact()), ...wide(), format: "xlsx" })).status).toBe(404);
    expect((await download("xh.pl", { ...wide(), format: "xlsx" })).status).toBe(404);
    expect((await download("xh.pl", { pact: String(pact()), from: "2026-02-30", to: "2026-03-01", format: "xlsx" })).status).toBe(400);
    expect((await download("xh.pl", { pact: String(pact()), ...wide(), format: "pdf" })).status).toBe(400);
  });
});
