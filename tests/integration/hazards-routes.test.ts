/** The hazard pages as Remix calls them: real signed-in Requests against loaders and actions. */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { attachments, records, regions } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import { unreadCounts } from "~/modules/records/read-state.server";
import * as detail from "~/routes/hazards.$hazardId";
import * as list from "~/routes/hazards._index";
import * as report from "~/routes/hazards.new";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { insertRecord, pactIdBetween } from "../setup/records";
import { dayFromToday, moveTo, recordRow, reportAs, storedState, threadOf } from "./helpers/hazard-fixtures";
import { callRoute, pactGet as get, pactPost as post } from "./helpers/pact-requests";
import { sessionCookieFor, ORIGIN } from "./helpers/requests";

useDemoData();

const recordCount = () => getDb().select({ id: records.id }).from(records).all().length;
const regionId = (name: string) => getDb().select({ id: regions.id }).from(regions).where(eq(regions.name, name)).get()!.id;
const at = (id: number) => ({ path: `/hazards/${id}`, params: { hazardId: String(id) } });

describe("/hazards", () => {
  it("lists what the viewer may see, with counts by status; roles without hazards get 403", async () => {
    const answer = await callRoute(list.loader, await get("xh.pl", "/hazards?status=rectifying"));
    expect(answer.status).toBe(200);
    expect(answer.data.items.length).toBe(answer.data.counts.byStatus.rectifying);
    expect(answer.data.items.every((i: { status: string }) => i.status === "rectifying")).toBe(true);
    expect(answer.data.mayReport).toBe(true);
    expect((await callRoute(list.loader, await get("xh.leader", "/hazards"))).data.mayReport).toBe(false);
    expect((await callRoute(list.loader, await get("xh.admin", "/hazards"))).status).toBe(403);
    expect((await callRoute(list.loader, await get("xh.mediator", "/hazards"))).status).toBe(403);
    const zj = await callRoute(list.loader, await get("zj.pl", "/hazards"));
    expect(zj.data.items).toEqual([]);
  });
});

describe("/hazards/new", () => {
  it("offers the form to those who may report, 403 to others", async () => {
    const form = await callRoute(report.loader, await get("xh.grid", "/hazards/new"));
    expect(form.status).toBe(200);
    expect(form.data.choices.places[0]).toMatchObject({ countyName: "新晃侗族自治县", isOwn: true });
    expect((await callRoute(report.loader, await get("xh.leader", "/hazards/new"))).status).toBe(403);
    expect((await callRoute(report.action, await post("xh.leader", "/hazards/new", { title: "x" }))).status).toBe(403);
  });

  it("a form with missing fields comes back with Chinese messages next to them; nothing is stored", async () => {
    const before = recordCount();
    const answer = await callRoute(report.action, await post("xh.grid", "/hazards/new", { title: "", category: "", severity: "general", description: " " }));
    expect(answer.status).toBe(400);
    expect(answer.data.errors).toEqual({ title: "请填写隐患名称", category: "请选择隐患类别", description: "请描述隐患情况" });
    expect(recordCount()).toBe(before);
    const english = await callRoute(report.action, await post("xh.grid", "/hazards/new", { title: "x", severity: "general", description: "y" }, { locale: "en" }));
    expect(english.data.errors).toEqual({ category: "Choose a category" });
  });

  it("a region of a county the hazard is not shared with is refused next to the field", async () => {
    const answer = await callRoute(
      report.action,
      await post("xh.grid", "/hazards/new", { title: "测试", category: "fire", severity: "general", description: "测试", regionId: String(regionId("阳寨村")) }),
    );
    expect(answer.status).toBe(400);
    expect(answer.data.errors).toEqual({ regionId: "请选择本县或协议合作县的区划" });
    expect(answer.data.values.title).toBe("测试");
  });

  it("a good report redirects to the new hazard with a notice; the county comes from the session", async () => {
    const answer = await callRoute(
      report.action,
      await post("tz.grid", "/hazards/new", {
        title: "阳寨村路边堆放鞭炮", category: "fireworks", severity: "major", description: "路边民房门口堆放鞭炮十余箱。",
        pactId: String(pactIdBetween("XH", "TZ")), regionId: String(regionId("花园村")), ownerCountyId: String(countyIdOf("XH")),
      }),
    );
    expect(answer.status).toBe(302);
    const id = Number(answer.location!.match(/^\/hazards\/(\d+)\?notice=reported$/)![1]);
    expect(recordRow(id)).toMatchObject({ ownerCountyId: countyIdOf("TZ"), regionId: regionId("花园村"), status: "reported" });
    expect(recordRow(id).refNo).toMatch(/^TZ-YH-\d{4}-\d{4}$/);
  });

  it("photos come with the description as the thread's first message", async () => {
    const png = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="), (c) => c.charCodeAt(0));
    const body = new FormData();
    for (const [k, v] of Object.entries({ title: "山塘堤坝裂缝", category: "water", severity: "major", description: "堤坝出现裂缝，附现场照片。" })) body.append(k, v);
    body.append("files", new File([png], "现场.png", { type: "image/png" }));
    const request = new Request(new URL("/hazards/new", ORIGIN), { method: "POST", headers: { Cookie: await sessionCookieFor("xh.grid"), Origin: ORIGIN }, body });
    const answer = await callRoute(report.action, request);
    expect(answer.status).toBe(302);
    const id = Number(answer.location!.match(/^\/hazards\/(\d+)\?notice=reported$/)![1]);
    const message = threadOf(id).find((e) => e.kind === "message")!;
    expect(message.body).toBe("堤坝出现裂缝，附现场照片。");
    expect(getDb().select().from(attachments).where(eq(attachments.entryId, message.id)).all()).toHaveLength(1);
  });

  it("from a sweep: only members of the sweep's pact may open the form", async () => {
    const sweep = getDb().$client.prepare("select id from joint_sweeps where status = 'completed'").get() as { id: number };
    expect((await callRoute(report.loader, await get("tz.grid", `/hazards/new?sweep=${sweep.id}`))).data.sweep.id).toBe(sweep.id);
    expect((await callRoute(report.loader, await get("yp.grid", `/hazards/new?sweep=${sweep.id}`))).status).toBe(404);
    expect((await callRoute(report.loader, await get("tz.grid", "/hazards/new?sweep=abc"))).status).toBe(404);
  });
});

describe("/hazards/:hazardId", () => {
  it("shows the hazard, its steps for this viewer and its thread; marks the thread read", async () => {
    const id = reportAs("xh.grid", { pactId: pactIdBetween("XH", "TZ") });
    const answer = await callRoute(detail.loader, await get("xh.pl", at(id).path), at(id).params);
    expect(answer.status).toBe(200);
    expect(answer.data.hazard).toMatchObject({ id, status: "reported", ownerCountyName: "新晃侗族自治县", addressees: [{ name: "天柱县" }] });
    expect(answer.data.choices.map((c: { action: string }) => c.action)).toEqual(["verify", "dismiss"]);
    expect(unreadCounts(viewerOf("tz.grid"), [id]).get(id)).toBe(1);
    const partner = await callRoute(detail.loader, await get("tz.grid", at(id).path), at(id).params);
    expect(partner.data.choices).toEqual([]);
    expect(unreadCounts(viewerOf("tz.grid"), [id]).get(id)).toBeUndefined();
  });

  it("answers 404 for a hazard the viewer may not see, a record of another workflow, and a bad id", async () => {
    const id = reportAs("xh.grid", { pactId: pactIdBetween("XH", "TZ") });
    expect((await callRoute(detail.loader, await get("yp.pl", at(id).path), at(id).params)).status).toBe(404);
    expect((await callRoute(detail.action, await post("yp.pl", at(id).path, { intent: "thread", body: "hi" }), at(id).params)).status).toBe(404);
    const dispute = insertRecord({ owner: "XH", workflow: "dispute" });
    expect((await callRoute(detail.loader, await get("xh.pl", `/hazards/${dispute}`), { hazardId: String(dispute) })).status).toBe(404);
    expect((await callRoute(detail.loader, await get("xh.pl", "/hazards/1x"), { hazardId: "1x" })).status).toBe(404);
  });

  it("takes a step, refuses roles with 403 and stale pages with 409", async () => {
    const id = reportAs("xh.grid");
    expect((await callRoute(detail.action, await post("xh.grid", at(id).path, { intent: "verify", status: "reported" }), at(id).params)).status).toBe(403);
    const ok = await callRoute(detail.action, await post("xh.police", at(id).path, { intent: "verify", status: "reported", note: "明日联合核查" }), at(id).params);
    expect(ok).toMatchObject({ status: 302, location: `/hazards/${id}?notice=verify` });
    const stale = await callRoute(detail.action, await post("xh.pl", at(id).path, { intent: "dismiss", status: "reported", note: "不属实" }), at(id).params);
    expect(stale.status).toBe(409);
    expect(stale.data.formError).toBe("该事项已被他人处理，页面已刷新，请查看最新状态。");
    expect(recordRow(id).status).toBe("verifying");
    const noStep = await callRoute(detail.action, await post("xh.pl", at(id).path, { intent: "verify" }), at(id).params);
    expect(noStep.status).toBe(409);
  });

  it("each step's required fields: refused with messages next to them, nothing written", async () => {
    const id = reportAs("xh.grid", { pactId: pactIdBetween("XH", "TZ") });
    moveTo(id, "verifying", "xh.pl");
    const before = storedState(id);
    const missing = await callRoute(detail.action, await post("tz.pl", at(id).path, { intent: "rectify", status: "verifying" }), at(id).params);
    expect(missing.status).toBe(400);
    expect(missing.data.errors).toEqual({ measures: "请填写整改措施", deadline: "请选择整改期限", responsibleCountyId: "请选择责任县（属地）" });
    const past = await callRoute(
      detail.action,
      await post("tz.pl", at(id).path, { intent: "rectify", status: "verifying", measures: "清理", deadline: dayFromToday(-1), responsibleCountyId: String(countyIdOf("XH")) }),
      at(id).params,
    );
    expect(past.data.errors).toEqual({ deadline: "整改期限不能早于今天" });
    const outside = await callRoute(
      detail.action,
      await post("tz.pl", at(id).path, { intent: "rectify", status: "verifying", measures: "清理", deadline: dayFromToday(0), responsibleCountyId: String(countyIdOf("YP")) }),
      at(id).params,
    );
    expect(outside.data.errors).toEqual({ responsibleCountyId: "责任县须为上报县或共享的协议县" });
    expect(storedState(id)).toEqual(before);

    const done = await callRoute(
      detail.action,
      await post("tz.pl", at(id).path, { intent: "rectify", status: "verifying", measures: "清理", deadline: dayFromToday(0), responsibleCountyId: String(countyIdOf("TZ")) }),
      at(id).params,
    );
    expect(done.status).toBe(302);
    const noNote = await callRoute(detail.action, await post("xh.pl", at(id).path, { intent: "eliminate", status: "rectifying" }), at(id).params);
    expect(noNote.data.errors).toEqual({ note: "请填写说明" });
    const adjust = await callRoute(detail.action, await post("xh.pl", at(id).path, { intent: "adjust", status: "rectifying" }), at(id).params);
    expect(adjust.data.errors).toEqual({ measures: "请填写整改措施", deadline: "请选择整改期限", note: "请填写说明" });
    expect(recordRow(id).status).toBe("rectifying");
  });

  it("posts to the thread (intent=thread): messages, internal notes, and messages next to the box", async () => {
    const id = reportAs("xh.grid", { pactId: pactIdBetween("XH", "TZ") });
    const ok = await callRoute(detail.action, await post("tz.grid", at(id).path, { intent: "thread", body: "我们这边也听说了" }), at(id).params);
    expect(ok).toMatchObject({ status: 302, location: `/hazards/${id}?notice=posted` });
    await callRoute(detail.action, await post("xh.pl", at(id).path, { intent: "thread", body: "内部：请重点关注", internal: "1" }), at(id).params);
    const empty = await callRoute(detail.action, await post("xh.grid", at(id).path, { intent: "thread", body: "" }), at(id).params);
    expect(empty.status).toBe(400);
    expect(empty.data.errors.body).toBe("请填写留言内容");
    expect((await callRoute(detail.action, await post("xh.leader", at(id).path, { intent: "thread", body: "看看" }), at(id).params)).status).toBe(403);
    const partnerView = await callRoute(detail.loader, await get("tz.pl", at(id).path), at(id).params);
    expect(partnerView.data.entries.map((e: { kind: string }) => e.kind)).toEqual(["event", "message"]);
    const ownView = await callRoute(detail.loader, await get("xh.leader", at(id).path), at(id).params);
    expect(ownView.data.entries.map((e: { kind: string }) => e.kind)).toEqual(["event", "message", "internal"]);
  });
});
