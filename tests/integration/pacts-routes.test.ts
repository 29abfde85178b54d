/** The pact pages as Remix calls them: real signed-in Requests against loaders and actions. */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { pacts } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import * as home from "~/routes/_index";
import * as liaisons from "~/routes/liaisons";
import * as pactList from "~/routes/pacts._index";
import * as pactPage from "~/routes/pacts.$pactId._index";
import * as bodyPage from "~/routes/pacts.$pactId.bodies.$bodyId";
import * as newBody from "~/routes/pacts.$pactId.bodies.new";
import * as newPact from "~/routes/pacts.new";
import { countyIdOf, useDemoData } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { activePactOf, daysFromToday, denialsOf, pactCount, proposeAs, statusOf, userIdOf } from "./helpers/pact-fixtures";
import { callRoute, pactGet, pactPost } from "./helpers/pact-requests";

useDemoData();

const proposalFields = () => ({
  title: "新晃—芷江平安边界“六联”协议",
  partnerCountyIds: [String(countyIdOf("ZJ"))],
  workflows: ["hazard", "notice"],
  startsOn: daysFromToday(0),
  endsOn: daysFromToday(365),
  articles: "第一条 共同法律依据。\n\n第二条 联席会议制度。",
  liaisonIds: [userIdOf("xh.pl")],
});

describe("/pacts/new", () => {
  it("offers the other counties, the six workflows and the viewer's own people", async () => {
    const answer = await callRoute(newPact.loader, await pactGet("xh.pl", "/pacts/new"));
    expect(answer.status).toBe(200);
    expect(answer.data.counties.map((c: { name: string }) => c.name).sort()).toEqual(["天柱县", "玉屏侗族自治县", "芷江侗族自治县"].sort());
    expect(answer.data.people.map((p: { id: string }) => p.id)).toContain(userIdOf("xh.grid"));
    expect(answer.data.people.map((p: { id: string }) => p.id)).not.toContain(userIdOf("tz.pl"));
  });

  it("refuses roles that may not propose with 403 and an audited denial, on both GET and POST", async () => {
    expect((await callRoute(newPact.loader, await pactGet("xh.grid", "/pacts/new"))).status).toBe(403);
    const before = pactCount();
    expect((await callRoute(newPact.action, await pactPost("xh.leader", "/pacts/new", proposalFields()))).status).toBe(403);
    expect(pactCount()).toBe(before);
    expect(denialsOf("xh.grid", "pact", "new")).toHaveLength(1);
    expect(denialsOf("xh.leader", "pact", "new")).toHaveLength(1);
  });

  it("answers a bad form with 400, Chinese messages per field and the typed values; nothing is stored", async () => {
    const before = pactCount();
    const answer = await callRoute(
      newPact.action,
      await pactPost("xh.pl", "/pacts/new", { ...proposalFields(), partnerCountyIds: [], workflows: [], endsOn: daysFromToday(-3), articles: "" }),
    );
    expect(answer.status).toBe(400);
    expect(answer.data.errors).toEqual({
      partnerCountyIds: "请至少选择一个合作县",
      workflows: "请至少选择一项联动事项",
      endsOn: "终止日期须晚于生效日期",
      articles: "此项为必填项",
    });
    expect(answer.data.values.title).toBe("新晃—芷江平安边界“六联”协议");
    expect(pactCount()).toBe(before);

    const english = await callRoute(newPact.action, await pactPost("xh.pl", "/pacts/new", { ...proposalFields(), workflows: [] }, { locale: "en" }));
    expect(english.data.errors.workflows).toBe("Choose at least one workflow");

    // A liaison of another county passes the form but not the service: still a 400 next to the field.
    const foreign = await callRoute(newPact.action, await pactPost("xh.pl", "/pacts/new", { ...proposalFields(), liaisonIds: [userIdOf("zj.pl")] }));
    expect(foreign.status).toBe(400);
    expect(foreign.data.errors.liaisonIds).toBe("请选择有效的选项");
    expect(pactCount()).toBe(before);
  });

  it("a good proposal redirects to the new pact with a notice; the county comes from the session, not the form", async () => {
    const answer = await callRoute(
      newPact.action,
      await pactPost("xh.pl", "/pacts/new", { ...proposalFields(), proposerCountyId: String(countyIdOf("TZ")) }),
    );
    expect(answer.status).toBe(302);
    const match = answer.location!.match(/^\/pacts\/(\d+)\?notice=proposed$/);
    expect(match).not.toBeNull();
    const row = getDb().select().from(pacts).where(eq(pacts.id, Number(match![1]))).get()!;
    expect(row).toMatchObject({ status: "proposed", proposerCountyId: countyIdOf("XH"), createdBy: userIdOf("xh.pl") });
    expect(row.articles).toBe("第一条 共同法律依据。\n\n第二条 联席会议制度。");
  });

  it("refuses a cross-site post (no Origin) before anything happens", async () => {
    const answer = await callRoute(newPact.action, await pactPost("xh.pl", "/pacts/new", proposalFields(), { noOrigin: true }));
    expect(answer.status).toBe(403);
  });
});

describe("/pacts and /pacts/:id", () => {
  it("the list shows the county's pacts and what awaits its signature; never other counties' pacts", async () => {
    const pactId = proposeAs("xh.pl", ["ZJ"]);
    const zj = await callRoute(pactList.loader, await pactGet("zj.admin", "/pacts"));
    expect(zj.data.awaitingUs.map((p: { id: number }) => p.id)).toContain(pactId);
    expect(zj.data.mayPropose).toBe(true);
    const tz = await callRoute(pactList.loader, await pactGet("tz.pl", "/pacts"));
    const tzIds = [...tz.data.pacts, ...tz.data.awaitingUs].map((p: { id: number }) => p.id);
    expect(tzIds).not.toContain(pactId);
    expect(tzIds).toContain(pactIdBetween("XH", "TZ"));
    const grid = await callRoute(pactList.loader, await pactGet("tz.grid", "/pacts"));
    expect(grid.data.mayPropose).toBe(false);
  });

  it("a non-member gets exactly the 404 of a missing id, for GET and POST, and the attempt is audited", async () => {
    const pactId = proposeAs("xh.pl", ["ZJ"]);
    const hidden = await callRoute(pactPage.loader, await pactGet("tz.admin", `/pacts/${pactId}`), { pactId: String(pactId) });
    const missing = await callRoute(pactPage.loader, await pactGet("tz.admin", "/pacts/999999"), { pactId: "999999" });
    const garbage = await callRoute(pactPage.loader, await pactGet("tz.admin", "/pacts/abc"), { pactId: "abc" });
    expect([hidden.status, missing.status, garbage.status]).toEqual([404, 404, 404]);
    expect(hidden).toEqual(missing);
    const post = await callRoute(
      pactPage.action,
      await pactPost("tz.admin", `/pacts/${pactId}`, { intent: "countersign", liaisonIds: [userIdOf("tz.pl")] }),
      { pactId: String(pactId) },
    );
    expect(post.status).toBe(404);
    expect(statusOf(pactId)).toBe("proposed");
    expect(denialsOf("tz.admin", "pact", pactId)).toHaveLength(2);
    // A missing id leaves the same trace as a hidden one: the log tells nothing about existence.
    expect(denialsOf("tz.admin", "pact", 999999)).toHaveLength(1);
  });

  it("the detail offers each viewer the buttons the state machine allows", async () => {
    const pactId = proposeAs("xh.pl", ["ZJ"]);
    const labels = async (username: string) =>
      (await callRoute(pactPage.loader, await pactGet(username, `/pacts/${pactId}`), { pactId: String(pactId) })).data.choices.map(
        (c: { label: string }) => c.label,
      );
    expect(await labels("zj.admin")).toEqual(["countersign", "decline"]);
    expect(await labels("zj.pl")).toEqual([]);
    expect(await labels("xh.pl")).toEqual(["withdraw"]);
    expect(await labels("xh.grid")).toEqual([]);
    const admin = await callRoute(pactPage.loader, await pactGet("zj.admin", `/pacts/${pactId}`), { pactId: String(pactId) });
    expect(admin.data.people.map((p: { id: string }) => p.id)).toContain(userIdOf("zj.police"));
    expect(admin.data.pact.history.map((h: { action: string }) => h.action)).toEqual(["propose"]);
  });

  it("countersigning through the page: wrong role 403, missing liaisons 400, then active with a notice", async () => {
    const pactId = proposeAs("xh.pl", ["ZJ"]);
    const path = `/pacts/${pactId}`;
    const params = { pactId: String(pactId) };
    expect((await callRoute(pactPage.action, await pactPost("zj.pl", path, { intent: "countersign", liaisonIds: [userIdOf("zj.pl")] }), params)).status).toBe(403);
    expect(denialsOf("zj.pl", "pact", pactId)).toHaveLength(1);
    const empty = await callRoute(pactPage.action, await pactPost("zj.admin", path, { intent: "countersign" }), params);
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({ intent: "countersign", errors: { liaisonIds: "请至少指定一名联席人" } });
    const signed = await callRoute(pactPage.action, await pactPost("zj.admin", path, { intent: "countersign", liaisonIds: [userIdOf("zj.pl")] }), params);
    expect(signed).toMatchObject({ status: 302, location: `${path}?notice=activated` });
    expect(statusOf(pactId)).toBe("active");
    // Posting the same step again: the pact has moved on.
    const again = await callRoute(pactPage.action, await pactPost("zj.admin", path, { intent: "countersign", liaisonIds: [userIdOf("zj.pl")] }), params);
    expect(again.status).toBe(409);
    expect(again.data.formError).toMatch(/协议状态已发生变化/);
  });

  it("suspend needs a reason; the suspending side resumes; terminate works from either side; unknown intents are 400", async () => {
    const pactId = activePactOf("xh.pl", ["ZJ"]);
    const path = `/pacts/${pactId}`;
    const params = { pactId: String(pactId) };
    const noReason = await callRoute(pactPage.action, await pactPost("zj.pl", path, { intent: "suspend", reason: "" }), params);
    expect(noReason.status).toBe(400);
    expect(noReason.data.errors.reason).toBe("此项为必填项");
    expect(statusOf(pactId)).toBe("active");
    expect(await callRoute(pactPage.action, await pactPost("zj.pl", path, { intent: "suspend", reason: "汛期" }), params)).toMatchObject({ status: 302, location: `${path}?notice=suspended` });
    expect((await callRoute(pactPage.action, await pactPost("xh.admin", path, { intent: "resume" }), params)).status).toBe(403);
    expect(await callRoute(pactPage.action, await pactPost("zj.admin", path, { intent: "resume" }), params)).toMatchObject({ location: `${path}?notice=resumed` });
    expect((await callRoute(pactPage.action, await pactPost("xh.police", path, { intent: "terminate", reason: "x" }), params)).status).toBe(403);
    expect((await callRoute(pactPage.action, await pactPost("xh.pl", path, { intent: "explode" }), params)).status).toBe(400);
    expect(await callRoute(pactPage.action, await pactPost("xh.pl", path, { intent: "terminate", reason: "到期不续" }), params)).toMatchObject({ location: `${path}?notice=terminated` });
    expect(statusOf(pactId)).toBe("terminated");
  });

  it("withdrawing and declining through the page", async () => {
    const withdrawn = proposeAs("xh.pl", ["ZJ"]);
    expect(
      await callRoute(pactPage.action, await pactPost("xh.pl", `/pacts/${withdrawn}`, { intent: "terminate", reason: "重新起草" }), { pactId: String(withdrawn) }),
    ).toMatchObject({ location: `/pacts/${withdrawn}?notice=withdrawn` });
    const declined = proposeAs("xh.pl", ["ZJ"]);
    expect(
      await callRoute(pactPage.action, await pactPost("zj.admin", `/pacts/${declined}`, { intent: "decline", reason: "" }), { pactId: String(declined) }),
    ).toMatchObject({ location: `/pacts/${declined}?notice=declined` });
    expect([statusOf(withdrawn), statusOf(declined)]).toEqual(["terminated", "declined"]);
  });
});

describe("joint body pages", () => {
  it("a member forms a body, the other side adds its own member; strangers get 404", async () => {
    const pactId = pactIdBetween("XH", "TZ");
    const params = { pactId: String(pactId) };
    expect((await callRoute(newBody.loader, await pactGet("yp.pl", `/pacts/${pactId}/bodies/new`), params)).status).toBe(404);
    expect((await callRoute(newBody.loader, await pactGet("xh.grid", `/pacts/${pactId}/bodies/new`), params)).status).toBe(403);
    const bad = await callRoute(newBody.action, await pactPost("xh.pl", `/pacts/${pactId}/bodies/new`, { kind: "mediation_committee", name: "" }), params);
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toMatchObject({ name: "此项为必填项", level: "请选择调委会层级", memberIds: "请至少选择一名成员" });

    const created = await callRoute(
      newBody.action,
      await pactPost("xh.pl", `/pacts/${pactId}/bodies/new`, {
        kind: "mediation_committee", level: "village", name: "花园—阳寨村级联合调委会",
        memberIds: [userIdOf("xh.mediator")], [`duty.${userIdOf("xh.mediator")}`]: "主任",
      }),
      params,
    );
    expect(created.status).toBe(302);
    const bodyId = created.location!.match(/bodies\/(\d+)\?notice=bodyCreated$/)![1];
    const bodyParams = { pactId: String(pactId), bodyId };
    const path = `/pacts/${pactId}/bodies/${bodyId}`;

    const tzView = await callRoute(bodyPage.loader, await pactGet("tz.pl", path), bodyParams);
    expect(tzView.data.body.members.map((m: { duty: string }) => m.duty)).toEqual(["主任"]);
    expect(tzView.data.addable.map((p: { id: string }) => p.id)).toContain(userIdOf("tz.mediator"));
    expect(tzView.data.addable.map((p: { id: string }) => p.id)).not.toContain(userIdOf("xh.grid"));
    expect(await callRoute(bodyPage.action, await pactPost("tz.pl", path, { intent: "add", userId: userIdOf("tz.mediator"), duty: "副主任" }), bodyParams)).toMatchObject({ location: `${path}?notice=memberAdded` });
    expect((await callRoute(bodyPage.action, await pactPost("tz.pl", path, { intent: "remove", userId: userIdOf("xh.mediator") }), bodyParams)).status).toBe(403);
    expect((await callRoute(bodyPage.action, await pactPost("tz.grid", path, { intent: "add", userId: userIdOf("tz.grid") }), bodyParams)).status).toBe(403);
    expect((await callRoute(bodyPage.loader, await pactGet("yp.admin", path), bodyParams)).status).toBe(404);
    expect((await callRoute(bodyPage.loader, await pactGet("xh.pl", `/pacts/${pactIdBetween("XH", "YP")}/bodies/${bodyId}`), { pactId: String(pactIdBetween("XH", "YP")), bodyId })).status).toBe(404);
  });
});

describe("/liaisons and the home page", () => {
  it("the directory shows TZ only its XH–TZ pact, with liaisons and phones", async () => {
    activePactOf("xh.pl", ["ZJ"]);
    const answer = await callRoute(liaisons.loader, await pactGet("tz.grid", "/liaisons"));
    expect(answer.data.directory.map((e: { pactId: number }) => e.pactId)).toEqual([pactIdBetween("XH", "TZ")]);
    const xhSide = answer.data.directory[0].sides.find((s: { isOwn: boolean }) => !s.isOwn);
    expect(xhSide.liaisons.map((l: { displayName: string }) => l.displayName).sort()).toEqual(["姚红梅", "龙建军"].sort());
  });

  it("home: county, person, active pacts; pending signatures for the admin; waiting-for-others for the proposer", async () => {
    const pactId = proposeAs("yp.pl", ["ZJ"]);
    const zjAdmin = await callRoute(home.loader, await pactGet("zj.admin", "/"));
    expect(zjAdmin.data.county).toMatchObject({ name: "芷江侗族自治县", province: "湖南省", code: "431228" });
    expect(zjAdmin.data.person).toMatchObject({ displayName: "唐文斌", roles: ["county_admin"] });
    expect(zjAdmin.data.awaitingOurSignature.map((p: { id: number }) => p.id)).toContain(pactId);
    const zjGrid = await callRoute(home.loader, await pactGet("zj.grid", "/"));
    expect(zjGrid.data.awaitingOurSignature).toBeNull();
    expect(zjGrid.data.awaitingOthers).toBeNull();
    const ypPl = await callRoute(home.loader, await pactGet("yp.pl", "/"));
    expect(ypPl.data.awaitingOthers.map((p: { id: number }) => p.id)).toContain(pactId);
    expect(ypPl.data.activePacts.map((p: { id: number }) => p.id)).toEqual([pactIdBetween("XH", "YP")]);
    const tz = await callRoute(home.loader, await pactGet("tz.admin", "/"));
    expect(tz.data.awaitingOurSignature.map((p: { id: number }) => p.id)).not.toContain(pactId);
    expect(tz.data.activePacts.map((p: { id: number }) => p.id)).toEqual([pactIdBetween("XH", "TZ")]);
  });

  it("a visitor without a session is sent to sign in", async () => {
    const answer = await callRoute(liaisons.loader, new Request("http://localhost/liaisons"));
    expect(answer).toMatchObject({ status: 302, location: "/login?redirectTo=%2Fliaisons" });
  });
});
