import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "~db/schema";
import { todayInChina } from "~/i18n";
import { AUDIT_PAGE_SIZE } from "~/modules/audit/county-log.server";
import { recordAuditEvent } from "~/modules/audit/log.server";
import { getDb } from "~/modules/db/connection.server";
import { chinaDayRange } from "~/modules/tenancy/schemas";
import { actorOf } from "~/modules/tenancy/users.server";
import { loader as auditLoader } from "~/routes/admin.audit";
import { action as treeAction } from "~/routes/admin.regions._index";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { expectData, expectRedirect, expectStatus, getAs, postAs, routeArgs } from "./helpers/requests";

useDemoData();

const db = () => getDb();
const countiesOf = (ids: number[]) =>
  db().select({ countyId: auditLog.countyId }).from(auditLog).where(inArray(auditLog.id, ids)).all().map((r) => r.countyId);
const audit = async (admin: string, query = "") =>
  expectData(auditLoader(routeArgs(await getAs(admin, `/admin/audit${query}`))));

beforeAll(async () => {
  // Some activity on both sides of the border.
  await expectRedirect(treeAction(routeArgs(await postAs("xh.admin", "/admin/regions", { intent: "create", name: "审计镇" }))));
  await expectRedirect(treeAction(routeArgs(await postAs("tz.admin", "/admin/regions", { intent: "create", name: "天柱审计镇" }))));
});

describe("/admin/audit", () => {
  it("lists only the admin's own county's entries, newest first", async () => {
    const data = await audit("xh.admin");
    expect(data.entries.length).toBeGreaterThan(0);
    expect(new Set(countiesOf(data.entries.map((e) => e.id)))).toEqual(new Set([countyIdOf("XH")]));
    const ids = data.entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const created = data.entries.find((e) => e.action === "region.create")!;
    expect(JSON.parse(created.after!)).toMatchObject({ name: "审计镇", level: "township" });
    expect(JSON.stringify(data)).not.toContain("天柱审计镇");
    expect(data.actions).toContain("region.create");
    expect(data.actions).not.toContain("system.seed_demo");

    const tz = await audit("tz.admin");
    expect(JSON.stringify(tz.entries)).toContain("天柱审计镇");
    expect(new Set(countiesOf(tz.entries.map((e) => e.id)))).toEqual(new Set([countyIdOf("TZ")]));
  });

  it("verifies the whole chain when asked", async () => {
    expect((await audit("xh.admin")).chain).toBeNull();
    const data = await audit("xh.admin", "?verify=1");
    expect(data.chain).toEqual({ ok: true, brokenAt: null });
  });

  it("matches typed % and _ literally, not as wildcards", async () => {
    expect((await audit("xh.admin", "?q=%25")).entries).toEqual([]);
    expect((await audit("xh.admin", "?q=_")).entries).toEqual([]);
  });

  it("filters by action", async () => {
    const data = await audit("xh.admin", "?action=region.create");
    expect(data.entries.length).toBeGreaterThan(0);
    expect(data.entries.every((e) => e.action === "region.create")).toBe(true);
    expect(data.filterValues.action).toBe("region.create");
  });

  it("filters by actor name or object id", async () => {
    const byName = await audit("xh.admin", `?q=${encodeURIComponent("杨志明")}`);
    expect(byName.entries.length).toBeGreaterThan(0);
    expect(byName.entries.every((e) => e.actorName.includes("杨志明"))).toBe(true);

    const region = byName.entries.find((e) => e.action === "region.create")!;
    const byEntity = await audit("xh.admin", `?q=${region.entityId}&action=region.create`);
    expect(byEntity.entries.map((e) => e.id)).toContain(region.id);
    expect(byEntity.entries.every((e) => e.entityId?.includes(region.entityId!) || e.actorName.includes(region.entityId!))).toBe(true);

    expect((await audit("xh.admin", "?q=nobody-at-all")).entries).toEqual([]);
  });

  it("filters by calendar days in Beijing time", async () => {
    const today = todayInChina();
    const tomorrow = new Date(Date.parse(`${today}T12:00:00+08:00`) + 86_400_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.parse(`${today}T12:00:00+08:00`) - 86_400_000).toISOString().slice(0, 10);

    const todays = await audit("xh.admin", `?from=${today}&to=${today}`);
    expect(todays.entries.some((e) => e.action === "region.create")).toBe(true);
    expect((await audit("xh.admin", `?from=${tomorrow}`)).entries).toEqual([]);
    expect((await audit("xh.admin", `?to=${yesterday}`)).entries).toEqual([]);

    // 2 January in Beijing runs from 1 January 16:00 UTC to 2 January 16:00 UTC.
    expect(chinaDayRange("2026-01-02", "2026-01-02")).toEqual({
      from: Date.UTC(2026, 0, 1, 16),
      to: Date.UTC(2026, 0, 2, 16),
    });
  });

  it("explains an invalid date in Chinese and leaves it out of the query", async () => {
    const bad = await audit("xh.admin", "?from=2026-02-30&action=region.create");
    expect(bad.errors).toEqual({ from: "请输入有效日期（年-月-日）" });
    expect(bad.filterValues.from).toBe("2026-02-30");
    expect(bad.entries.length).toBeGreaterThan(0);
    expect(bad.entries.every((e) => e.action === "region.create")).toBe(true);

    const reversed = await audit("xh.admin", "?from=2026-03-02&to=2026-03-01");
    expect(reversed.errors).toEqual({ to: "结束日期不能早于开始日期" });
  });

  it("pages through long logs", async () => {
    const viewer = viewerOf("yp.admin");
    for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++) {
      recordAuditEvent(actorOf(viewer), { action: "test.event", entityType: "test", entityId: i });
    }
    const first = await audit("yp.admin", "?action=test.event");
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: AUDIT_PAGE_SIZE + 5 });
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.entries[0].entityId).toBe(String(AUDIT_PAGE_SIZE + 4));

    const second = await audit("yp.admin", "?action=test.event&page=2");
    expect(second.page).toBe(2);
    expect(second.entries.map((e) => e.entityId)).toEqual(["4", "3", "2", "1", "0"]);
  });

  it("refuses a user without the county_admin role, and records the refusal", async () => {
    await expectStatus(auditLoader(routeArgs(await getAs("xh.pl", "/admin/audit"))), 403);
    const denial = db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "access.denied"))
      .all()
      .at(-1)!;
    expect(denial).toMatchObject({ entityType: "page", entityId: "/admin/audit", countyId: countyIdOf("XH") });
  });
});
