import { and, asc, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, jointBodies, regions } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import { sqliteErrorCode } from "~/modules/db/errors";
import { findUserByUsername } from "~/modules/tenancy/users.server";
import { action as regionAction, loader as regionLoader } from "~/routes/admin.regions.$regionId";
import { action as treeAction, loader as treeLoader } from "~/routes/admin.regions._index";
import { countyIdOf, useDemoData } from "../setup/demo";
import { expectData, expectRedirect, expectStatus, getAs, postAs, routeArgs } from "./helpers/requests";

useDemoData();

const db = () => getDb();
const regionNamed = (county: string, name: string) =>
  db()
    .select()
    .from(regions)
    .where(and(eq(regions.countyId, countyIdOf(county)), eq(regions.name, name)))
    .orderBy(asc(regions.id))
    .get();
const regionCount = () => db().select().from(regions).all().length;
const lastAudit = (action: string, entityId: number) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, String(entityId))))
    .orderBy(desc(auditLog.id))
    .get();

const addRegion = async (admin: string, fields: Record<string, string>) =>
  treeAction(routeArgs(await postAs(admin, "/admin/regions", { intent: "create", ...fields })));
const changeRegion = async (admin: string, id: number, fields: Record<string, string>) =>
  regionAction(routeArgs(await postAs(admin, `/admin/regions/${id}`, fields), { regionId: String(id) }));

describe("/admin/regions", () => {
  it("shows the county's own tree in order, each node followed by its children", async () => {
    const data = await expectData(treeLoader(routeArgs(await getAs("xh.admin", "/admin/regions"))));
    const rows = data.nodes.map((n) => [n.name, n.level, n.depth, n.isBorder]);
    expect(rows.slice(0, 6)).toEqual([
      ["凉伞镇", "township", 0, true],
      ["街上村", "village", 1, true],
      ["街上村第一微网格", "micro_grid", 2, true],
      ["街上村第二微网格", "micro_grid", 2, false],
      ["花园村", "village", 1, true],
      ["花园村第一微网格", "micro_grid", 2, true],
    ]);
    expect(data.nodes.find((n) => n.name === "凉伞镇")!.childCount).toBe(2);
    expect(data.nodes.map((n) => n.name)).not.toContain("坪地镇");
  });

  it("shows an empty tree to a county without regions", async () => {
    const data = await expectData(treeLoader(routeArgs(await getAs("zj.admin", "/admin/regions"))));
    expect(data.nodes).toEqual([]);
  });

  it("preselects only the county's own township or village as parent", async () => {
    const own = regionNamed("XH", "街上村")!;
    const foreign = regionNamed("TZ", "坪地镇")!;
    const grid = regionNamed("XH", "街上村第一微网格")!;
    const parentFor = async (id: number) =>
      (await expectData(treeLoader(routeArgs(await getAs("xh.admin", `/admin/regions?parent=${id}`))))).parentId;
    expect(await parentFor(own.id)).toBe(String(own.id));
    expect(await parentFor(foreign.id)).toBe("");
    expect(await parentFor(grid.id)).toBe("");
  });

  it("refuses a user without the county_admin role", async () => {
    const count = regionCount();
    await expectStatus(treeLoader(routeArgs(await getAs("xh.pl", "/admin/regions"))), 403);
    await expectStatus(addRegion("xh.pl", { name: "新镇" }), 403);
    const id = regionNamed("XH", "林冲镇")!.id;
    await expectStatus(regionLoader(routeArgs(await getAs("xh.grid", `/admin/regions/${id}`), { regionId: String(id) })), 403);
    await expectStatus(changeRegion("xh.grid", id, { intent: "delete" }), 403);
    expect(regionCount()).toBe(count);
  });
});

describe("adding regions", () => {
  it("derives the level from the parent and audits each node", async () => {
    const to = await expectRedirect(addRegion("xh.admin", { name: "兴隆镇", isBorder: "on", parentId: "" }));
    const town = regionNamed("XH", "兴隆镇")!;
    expect(to).toBe(`/admin/regions?notice=created#region-${town.id}`);
    expect(town).toMatchObject({ level: "township", parentId: null, isBorder: true });
    expect(JSON.parse(lastAudit("region.create", town.id)!.after!)).toEqual({
      name: "兴隆镇", level: "township", parentId: null, isBorder: true,
    });
    expect(lastAudit("region.create", town.id)).toMatchObject({
      actorUserId: findUserByUsername("xh.admin")!.id,
      countyId: countyIdOf("XH"),
    });

    await expectRedirect(addRegion("xh.admin", { name: "兴隆村", parentId: String(town.id) }));
    const village = regionNamed("XH", "兴隆村")!;
    expect(village).toMatchObject({ level: "village", parentId: town.id, isBorder: false });

    await expectRedirect(addRegion("xh.admin", { name: "兴隆村第一微网格", parentId: String(village.id) }));
    const grid = regionNamed("XH", "兴隆村第一微网格")!;
    expect(grid).toMatchObject({ level: "micro_grid", parentId: village.id });

    const count = regionCount();
    const refused = await expectData(addRegion("xh.admin", { name: "再下一级", parentId: String(grid.id) }));
    expect(refused.errors).toEqual({ parentId: "微网格下不能再设下级区划" });
    expect(regionCount()).toBe(count);
  });

  it("says clearly when a sibling already has the name, but allows it under another parent", async () => {
    const count = regionCount();
    const top = await expectData(addRegion("xh.admin", { name: "凉伞镇" }));
    expect(top.errors).toEqual({ name: "同一上级下已有名为“凉伞镇”的区划，请换一个名称" });
    expect(top.values).toMatchObject({ name: "凉伞镇" });
    const liangsan = regionNamed("XH", "凉伞镇")!;
    const sibling = await expectData(addRegion("xh.admin", { name: "花园村", parentId: String(liangsan.id) }));
    expect(sibling.errors.name).toBe("同一上级下已有名为“花园村”的区划，请换一个名称");
    expect(regionCount()).toBe(count);

    // Another county, or another parent, may use the same name.
    await expectRedirect(addRegion("tz.admin", { name: "凉伞镇" }));
    const linchong = regionNamed("XH", "林冲镇")!;
    await expectRedirect(addRegion("xh.admin", { name: "花园村", parentId: String(linchong.id) }));
    expect(regionCount()).toBe(count + 2);
  });

  it("reports the unique index as a constraint error the services turn into a message", () => {
    const liangsan = regionNamed("XH", "凉伞镇")!;
    let code: string | undefined;
    try {
      db().insert(regions).values({ ...liangsan, id: undefined }).run();
    } catch (error) {
      code = sqliteErrorCode(error);
    }
    expect(code).toBe("SQLITE_CONSTRAINT_UNIQUE");
  });

  it("validates the form in Chinese", async () => {
    const empty = await expectData(addRegion("xh.admin", { name: "  " }));
    expect(empty.errors).toEqual({ name: "此项为必填项" });
    const long = await expectData(addRegion("xh.admin", { name: "村".repeat(65), parentId: "abc" }));
    expect(long.errors).toEqual({ name: "不能超过 64 个字", parentId: "请选择有效的选项" });
  });
});

describe("/admin/regions/$regionId", () => {
  it("shows a node with its path and children", async () => {
    const village = regionNamed("XH", "街上村")!;
    const data = await expectData(
      regionLoader(routeArgs(await getAs("xh.admin", `/admin/regions/${village.id}`), { regionId: String(village.id) })),
    );
    expect(data.region.ancestors.map((a) => a.name)).toEqual(["凉伞镇"]);
    expect(data.region.children.map((c) => c.name)).toEqual(["街上村第一微网格", "街上村第二微网格"]);
  });

  it("renames and toggles the border flag, with before and after audited", async () => {
    const node = regionNamed("XH", "贡溪镇")!;
    expect(node.isBorder).toBe(true);
    const to = await expectRedirect(changeRegion("xh.admin", node.id, { intent: "update", name: "贡溪乡" }));
    expect(to).toBe(`/admin/regions/${node.id}?notice=updated`);
    expect(db().select().from(regions).where(eq(regions.id, node.id)).get()).toMatchObject({ name: "贡溪乡", isBorder: false });
    const entry = lastAudit("region.update", node.id)!;
    expect(JSON.parse(entry.before!)).toEqual({ name: "贡溪镇", isBorder: true });
    expect(JSON.parse(entry.after!)).toEqual({ name: "贡溪乡", isBorder: false });

    const clash = await expectData(changeRegion("xh.admin", node.id, { intent: "update", name: "凉伞镇", isBorder: "on" }));
    expect(clash).toMatchObject({ intent: "update", errors: { name: "同一上级下已有名为“凉伞镇”的区划，请换一个名称" } });
    expect(db().select().from(regions).where(eq(regions.id, node.id)).get()!.name).toBe("贡溪乡");
  });

  it("deletes only a node without children or references", async () => {
    const parent = regionNamed("XH", "花园村")!;
    const withChildren = await expectData(changeRegion("xh.admin", parent.id, { intent: "delete" }));
    expect(withChildren.errors._form).toBe("该区划下还有 1 个下级区划，请先删除下级后再删除本区划。");
    expect(regionNamed("XH", "花园村")).toBeDefined();

    const leaf = regionNamed("XH", "花园村第一微网格")!;
    expect(await expectRedirect(changeRegion("xh.admin", leaf.id, { intent: "delete" }))).toBe("/admin/regions?notice=deleted");
    expect(db().select().from(regions).where(eq(regions.id, leaf.id)).get()).toBeUndefined();
    expect(JSON.parse(lastAudit("region.delete", leaf.id)!.before!)).toMatchObject({
      name: "花园村第一微网格", level: "micro_grid", parentId: parent.id,
    });

    // A joint body sits in a new township: the node stays.
    await expectRedirect(addRegion("xh.admin", { name: "龙溪镇" }));
    const longxi = regionNamed("XH", "龙溪镇")!;
    const body = db().select().from(jointBodies).get()!;
    db().update(jointBodies).set({ regionId: longxi.id }).where(eq(jointBodies.id, body.id)).run();
    const inUse = await expectData(changeRegion("xh.admin", longxi.id, { intent: "delete" }));
    expect(inUse.errors._form).toBe("该区划已被事项或联合组织引用，不能删除。");
    expect(regionNamed("XH", "龙溪镇")).toBeDefined();
    db().update(jointBodies).set({ regionId: null }).where(eq(jointBodies.id, body.id)).run();
  });

  it("answers 404 to another county's admin for GET and POST, and changes nothing", async () => {
    const xhRegion = regionNamed("XH", "街上村第二微网格")!;
    const count = regionCount();
    const get = await expectStatus(
      regionLoader(routeArgs(await getAs("tz.admin", `/admin/regions/${xhRegion.id}`), { regionId: String(xhRegion.id) })),
      404,
    );
    await expectStatus(changeRegion("tz.admin", xhRegion.id, { intent: "update", name: "改名", isBorder: "on" }), 404);
    await expectStatus(changeRegion("tz.admin", xhRegion.id, { intent: "delete" }), 404);
    // Nor may a node be hung under another county's parent.
    await expectStatus(addRegion("tz.admin", { name: "渗透村", parentId: String(regionNamed("XH", "凉伞镇")!.id) }), 404);

    expect(db().select().from(regions).where(eq(regions.id, xhRegion.id)).get()).toEqual(xhRegion);
    expect(regionCount()).toBe(count);

    // A node that exists nowhere, or an id that is no number, answers the same.
    const missing = await expectStatus(
      regionLoader(routeArgs(await getAs("tz.admin", "/admin/regions/999999"), { regionId: "999999" })),
      404,
    );
    expect(await missing.text()).toBe(await get.text());
    await expectStatus(changeRegion("tz.admin", 999999, { intent: "delete" }), 404);
    await expectStatus(
      regionLoader(routeArgs(await getAs("xh.admin", "/admin/regions/abc"), { regionId: "abc" })),
      404,
    );
  });
});
