/** The dispute pages as Remix calls them: real signed-in Requests against loaders and actions. */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { jointBodies, records, regions } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import { unreadCounts } from "~/modules/records/read-state.server";
import * as detail from "~/routes/disputes.$disputeId";
import * as list from "~/routes/disputes._index";
import * as report from "~/routes/disputes.new";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { disputeDetailsRow, disputeRecord, disputeThread, moveDisputeTo, partyRows, reportDisputeAs } from "./helpers/dispute-fixtures";
import { callRoute, pactGet as get, pactPost as post } from "./helpers/pact-requests";

useDemoData();

const recordCount = () => getDb().select({ id: records.id }).from(records).all().length;
const regionId = (name: string) => getDb().select({ id: regions.id }).from(regions).where(eq(regions.name, name)).get()!.id;
const bodyId = (name: string) => getDb().select({ id: jointBodies.id }).from(jointBodies).where(eq(jointBodies.name, name)).get()!.id;
const at = (id: number) => ({ disputeId: String(id) });

const goodReport = () => ({
  title: "施工便道占用阳寨村山林", type: "land_forest", description: "街上村修路占用阳寨村村民小组山林约两亩。",
  pactId: String(pactIdBetween("XH", "TZ")), regionId: String(regionId("阳寨村")), committeeId: String(bodyId("凉伞—坪地边界联合调解委员会")),
  peopleInvolved: "15", amountInvolved: "", escalationRisk: "medium",
  "party-0-name": "杨某", "party-0-countyId": String(countyIdOf("XH")), "party-0-village": "街上村", "party-0-phone": "13812340001",
  "party-1-name": "吴某", "party-1-countyId": String(countyIdOf("TZ")), "party-1-phone": "13912340002", "party-1-idNumber": "52262719800101123x",
  "party-2-countyId": String(countyIdOf("XH")),
});

describe("/disputes", () => {
  it("lists what the viewer may see, with counts by status equal to the list; roles without disputes get 403", async () => {
    const mine = reportDisputeAs("xh.mediator", { pactId: pactIdBetween("XH", "TZ") });
    moveDisputeTo(mine, "mediating", "xh.mediator");
    reportDisputeAs("xh.grid");
    const all = await callRoute(list.loader, await get("xh.pl", "/disputes"));
    expect(all.status).toBe(200);
    expect(all.data.counts.all).toBe(all.data.total);
    for (const status of ["mediating", "reported", "registered"]) {
      const tab = await callRoute(list.loader, await get("xh.pl", `/disputes?status=${status}`));
      expect(tab.data.items.length).toBe(all.data.counts.byStatus[status]);
      expect(tab.data.items.every((i: { status: string }) => i.status === status)).toBe(true);
    }
    const tz = await callRoute(list.loader, await get("tz.leader", "/disputes"));
    expect(tz.data.items.map((i: { id: number }) => i.id)).toContain(mine);
    expect(tz.data.mayReport).toBe(false);
    expect((await callRoute(list.loader, await get("xh.admin", "/disputes"))).status).toBe(403);
    expect((await callRoute(list.loader, await get("xh.police", "/disputes"))).status).toBe(403);
    expect((await callRoute(list.loader, await get("zj.mediator", "/disputes"))).data.items).toEqual([]);
    const byLead = await callRoute(list.loader, await get("xh.pl", `/disputes?lead=${countyIdOf("TZ")}&q=${encodeURIComponent("杨某甲")}`));
    expect(byLead.data.items.every((i: { leadCountyId: number }) => i.leadCountyId === countyIdOf("TZ"))).toBe(true);
  });
});

describe("/disputes/new", () => {
  it("offers the form to those who may report, 403 to others", async () => {
    const form = await callRoute(report.loader, await get("xh.grid", "/disputes/new"));
    expect(form.status).toBe(200);
    expect(form.data.registers).toBe(false);
    const committees = form.data.choices.committees as { name: string; pactId: number }[];
    expect(committees.map((c) => c.name)).toEqual(expect.arrayContaining(["凉伞—坪地边界联合调解委员会", "贡溪—皂角坪边界联合调解委员会"]));
    expect(committees.every((c) => form.data.choices.pacts.some((p: { id: number }) => p.id === c.pactId))).toBe(true);
    expect(committees.map((c) => c.name)).not.toContain("湘黔边界联合巡防队");
    expect((await callRoute(report.loader, await get("xh.mediator", "/disputes/new"))).data.registers).toBe(true);
    for (const username of ["xh.leader", "xh.police", "xh.admin"]) {
      expect((await callRoute(report.loader, await get(username, "/disputes/new"))).status).toBe(403);
      expect((await callRoute(report.action, await post(username, "/disputes/new", goodReport()))).status).toBe(403);
    }
  });

  it("missing fields and bad party fields come back in Chinese next to them; nothing is stored", async () => {
    const before = recordCount();
    const answer = await callRoute(report.action, await post("xh.grid", "/disputes/new", {
      title: "", type: "", description: "x", peopleInvolved: "0", amountInvolved: "-5",
      "party-0-name": "杨某", "party-0-countyId": String(countyIdOf("XH")), "party-0-phone": "138-1234", "party-0-idNumber": "123",
    }));
    expect(answer.status).toBe(400);
    expect(answer.data.errors).toEqual({
      title: "请填写纠纷事由", type: "请选择纠纷类型", peopleInvolved: "涉及人数应为不小于 1 的整数", amountInvolved: "金额应为不小于 0 的整数（元）",
      "party-0-phone": "电话号码应为 7 至 15 位数字", "party-0-idNumber": "身份证号应为 18 位，最后一位可为 X", parties: "请至少填写 2 方当事人",
    });
    expect(recordCount()).toBe(before);
  });

  it("a grid worker's report from the field: reported, led by the county of the place, parties stored; the county comes from the session", async () => {
    const answer = await callRoute(report.action, await post("xh.grid", "/disputes/new", { ...goodReport(), ownerCountyId: String(countyIdOf("TZ")) }));
    expect(answer.status).toBe(302);
    const id = Number(answer.location!.match(/^\/disputes\/(\d+)\?notice=reported$/)![1]);
    expect(disputeRecord(id)).toMatchObject({ ownerCountyId: countyIdOf("XH"), status: "reported" });
    expect(disputeDetailsRow(id)).toMatchObject({ leadCountyId: countyIdOf("TZ"), peopleInvolved: 15, amountInvolved: 0, escalationRisk: "medium" });
    expect(partyRows(id).map((p) => [p.name, p.idNumber])).toEqual([["杨某", ""], ["吴某", "52262719800101123X"]]);
  });

  it("a refused committee comes back next to its field", async () => {
    const answer = await callRoute(report.action, await post("xh.mediator", "/disputes/new", { ...goodReport(), committeeId: String(bodyId("贡溪—皂角坪边界联合调解委员会")) }));
    expect(answer.status).toBe(400);
    expect(answer.data.errors).toEqual({ committeeId: "请选择所选协议下的联合调解委员会" });
  });
});

describe("/disputes/:disputeId", () => {
  it("shows the dispute, its step forms and marks the thread read; 404 for hidden, missing or malformed ids", async () => {
    const id = reportDisputeAs("tz.grid", { pactId: pactIdBetween("XH", "TZ") });
    const page = await callRoute(detail.loader, await get("xh.mediator", `/disputes/${id}`), at(id));
    expect(page.status).toBe(200);
    expect(page.data.choices.map((c: { action: string }) => c.action)).toEqual(["register"]);
    expect(page.data.showAgreement).toBe(false);
    expect(unreadCounts(viewerOf("xh.mediator"), [id]).get(id)).toBeUndefined();
    expect((await callRoute(detail.loader, await get("yp.mediator", `/disputes/${id}`), at(id))).status).toBe(404);
    expect((await callRoute(detail.loader, await get("xh.mediator", "/disputes/999999"), { disputeId: "999999" })).status).toBe(404);
    expect((await callRoute(detail.loader, await get("xh.mediator", "/disputes/abc"), { disputeId: "abc" })).status).toBe(404);
    const hazard = getDb().select({ id: records.id }).from(records).where(eq(records.workflow, "hazard")).get()!.id;
    expect((await callRoute(detail.loader, await get("xh.pl", `/disputes/${hazard}`), at(hazard))).status).toBe(404);
  });

  it("steps through the page: a missing field is 400, a stale page 409, a refused role 403, a good step redirects", async () => {
    const id = reportDisputeAs("xh.mediator", { pactId: pactIdBetween("XH", "TZ") });
    const path = `/disputes/${id}`;
    expect((await callRoute(detail.action, await post("xh.mediator", path, { intent: "assess", status: "registered", note: "" }), at(id))).data.errors).toEqual({ note: "请填写说明" });
    expect((await callRoute(detail.action, await post("xh.mediator", path, { intent: "assess", status: "reported", note: "x" }), at(id))).status).toBe(409);
    expect((await callRoute(detail.action, await post("tz.grid", path, { intent: "assess", status: "registered", note: "x" }), at(id))).status).toBe(403);
    expect((await callRoute(detail.action, await post("xh.mediator", path, { intent: "nonsense" }), at(id))).status).toBe(400);
    const ok = await callRoute(detail.action, await post("tz.mediator", path, { intent: "assess", status: "registered", note: "双方各派两名调解员" }), at(id));
    expect(ok).toMatchObject({ status: 302, location: `${path}?notice=assess` });
    expect(disputeRecord(id).status).toBe("assessing");
  });

  it("the agreement link appears once resolved; return visits show; the thread takes messages", async () => {
    const id = reportDisputeAs("xh.mediator");
    moveDisputeTo(id, "followed_up", "xh.mediator");
    const page = await callRoute(detail.loader, await get("xh.leader", `/disputes/${id}`), at(id));
    expect(page.data.showAgreement).toBe(true);
    expect(page.data.dispute.returnVisits).toHaveLength(1);
    const posted = await callRoute(detail.action, await post("xh.grid", `/disputes/${id}`, { intent: "thread", body: "群众反映协议已履行" }), at(id));
    expect(posted).toMatchObject({ status: 302, location: `/disputes/${id}?notice=posted` });
    expect(disputeThread(id).at(-1)).toMatchObject({ kind: "message", body: "群众反映协议已履行" });
    expect((await callRoute(detail.action, await post("xh.leader", `/disputes/${id}`, { intent: "thread", body: "x" }), at(id))).status).toBe(403);
  });
});
