/** The joint sweep pages as Remix calls them: list, plan, and one sweep's page with its actions. */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { jointSweeps } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import * as sweepPage from "~/routes/hazards.sweeps.$sweepId";
import * as sweepList from "~/routes/hazards.sweeps._index";
import * as newSweep from "~/routes/hazards.sweeps.new";
import { useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { dayFromToday } from "./helpers/hazard-fixtures";
import { callRoute, pactGet as get, pactPost as post } from "./helpers/pact-requests";

useDemoData();

const idOf = (username: string) => viewerOf(username).userId;
const sweepCount = () => getDb().select({ id: jointSweeps.id }).from(jointSweeps).all().length;
const sweepAt = (id: number) => ({ path: `/hazards/sweeps/${id}`, params: { sweepId: String(id) } });

async function planAs(username: string, fields: Record<string, string | string[]> = {}) {
  return callRoute(
    newSweep.action,
    await post(username, "/hazards/sweeps/new", {
      pactId: String(pactIdBetween("XH", "TZ")), kind: "focused", title: "春节前烟花爆竹重点排查", scope: "两村交界仓库和民房",
      plannedOn: dayFromToday(7), participantIds: [idOf("xh.police"), idOf("xh.grid")], ...fields,
    }),
  );
}

describe("/hazards/sweeps", () => {
  it("lists the sweeps of the viewer's pacts only", async () => {
    const xh = await callRoute(sweepList.loader, await get("xh.grid", "/hazards/sweeps"));
    expect(xh.data.sweeps.map((s: { title: string }) => s.title).sort()).toEqual(["凉伞—坪地边界隐患季度联合排查", "贡溪—皂角坪烟花爆竹与危险品重点排查"].sort());
    expect(xh.data.mayPlan).toBe(false);
    expect((await callRoute(sweepList.loader, await get("xh.police", "/hazards/sweeps"))).data.mayPlan).toBe(true);
    const tz = await callRoute(sweepList.loader, await get("tz.pl", "/hazards/sweeps"));
    expect(tz.data.sweeps.map((s: { title: string }) => s.title)).toEqual(["凉伞—坪地边界隐患季度联合排查"]);
    expect((await callRoute(sweepList.loader, await get("zj.police", "/hazards/sweeps"))).data.sweeps).toEqual([]);
    expect((await callRoute(sweepList.loader, await get("yp.admin", "/hazards/sweeps"))).status).toBe(403);
  });
});

describe("/hazards/sweeps/new", () => {
  it("is for handlers; a good plan redirects to the sweep", async () => {
    expect((await callRoute(newSweep.loader, await get("xh.grid", "/hazards/sweeps/new"))).status).toBe(403);
    const form = await callRoute(newSweep.loader, await get("xh.police", "/hazards/sweeps/new"));
    expect(form.data.people.map((p: { id: string }) => p.id)).toContain(idOf("xh.grid"));
    expect(form.data.people.map((p: { id: string }) => p.id)).not.toContain(idOf("tz.grid"));
    const answer = await planAs("xh.police");
    expect(answer.status).toBe(302);
    expect(answer.location).toMatch(/^\/hazards\/sweeps\/\d+\?notice=planned$/);
  });

  it("a bad form answers 400 with Chinese messages; nothing is stored", async () => {
    const before = sweepCount();
    const answer = await planAs("xh.police", { title: "", scope: "", plannedOn: "2026-02-30", participantIds: [] });
    expect(answer.status).toBe(400);
    expect(answer.data.errors).toEqual({
      title: "请填写排查名称", scope: "请填写排查范围", plannedOn: "请输入有效的日期", participantIds: "请至少选择一名本县参加人员",
    });
    const foreign = await planAs("xh.police", { participantIds: [idOf("tz.police")] });
    expect(foreign.data.errors).toEqual({ participantIds: "请选择有效的选项" });
    const outsider = await planAs("yp.police", { participantIds: [idOf("yp.police")] });
    expect(outsider.data.errors).toEqual({ pactId: "所选协议未生效或不包含此项工作" });
    expect(sweepCount()).toBe(before);
  });
});

describe("/hazards/sweeps/:sweepId", () => {
  it("members see it; YP and ZJ get 404; the partner adds its people and records the outcome", async () => {
    const planned = await planAs("xh.police");
    const id = Number(planned.location!.match(/sweeps\/(\d+)/)![1]);
    const page = sweepAt(id);
    expect((await callRoute(sweepPage.loader, await get("yp.pl", page.path), page.params)).status).toBe(404);
    expect((await callRoute(sweepPage.loader, await get("zj.police", page.path), page.params)).status).toBe(404);
    expect((await callRoute(sweepPage.action, await post("yp.police", page.path, { intent: "complete", outcome: "x" }), page.params)).status).toBe(404);

    const tz = await callRoute(sweepPage.loader, await get("tz.police", page.path), page.params);
    expect(tz.data).toMatchObject({ mayEdit: true, mayReport: true });
    expect(tz.data.addable.map((p: { id: string }) => p.id)).toContain(idOf("tz.grid"));
    expect(tz.data.addable.map((p: { id: string }) => p.id)).not.toContain(idOf("xh.grid"));
    const added = await callRoute(sweepPage.action, await post("tz.police", page.path, { intent: "add", userId: idOf("tz.grid") }), page.params);
    expect(added).toMatchObject({ status: 302, location: `/hazards/sweeps/${id}?notice=added` });
    const notOurs = await callRoute(sweepPage.action, await post("tz.police", page.path, { intent: "remove", userId: idOf("xh.grid") }), page.params);
    expect(notOurs.status).toBe(400);
    expect((await callRoute(sweepPage.action, await post("tz.grid", page.path, { intent: "complete", outcome: "x" }), page.params)).status).toBe(403);

    const noOutcome = await callRoute(sweepPage.action, await post("tz.police", page.path, { intent: "complete", outcome: " " }), page.params);
    expect(noOutcome.data.errors).toEqual({ outcome: "请填写排查结果" });
    const done = await callRoute(sweepPage.action, await post("tz.police", page.path, { intent: "complete", outcome: "未发现隐患。" }), page.params);
    expect(done).toMatchObject({ status: 302, location: `/hazards/sweeps/${id}?notice=completed` });
    const again = await callRoute(sweepPage.action, await post("xh.police", page.path, { intent: "cancel", reason: "x" }), page.params);
    expect(again.status).toBe(409);
    expect(again.data.formError).toBe("该排查已结束或协议未生效，无法变更。");

    const after = await callRoute(sweepPage.loader, await get("xh.grid", page.path), page.params);
    expect(after.data.sweep).toMatchObject({ status: "completed", outcome: "未发现隐患。" });
    expect(after.data.sweep.participants.map((p: { displayName: string }) => p.displayName)).toContain(viewerOf("tz.grid").displayName);
    expect(after.data.mayEdit).toBe(false);
  });

  it("the demo's completed sweep lists the two hazards it found", async () => {
    const demo = getDb().select().from(jointSweeps).where(eq(jointSweeps.status, "completed")).all().find((s) => s.title === "凉伞—坪地边界隐患季度联合排查")!;
    const page = sweepAt(demo.id);
    const answer = await callRoute(sweepPage.loader, await get("tz.leader", page.path), page.params);
    expect(answer.data.sweep.found.map((h: { title: string }) => h.title).sort()).toEqual(["花园村老祠堂电线私拉乱接", "阳寨村私设加油点"].sort());
    expect(answer.data.mayReport).toBe(false);
  });
});
