/** The patrol pages as Remix calls them: real signed-in Requests against loaders and actions. */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { jointActivities, patrolFindings, records } from "~db/schema";
import { todayInChina } from "~/i18n";
import { getDb } from "~/modules/db/connection.server";
import * as detail from "~/routes/patrols.$patrolId";
import * as list from "~/routes/patrols._index";
import * as activity from "~/routes/patrols.activities.$activityId";
import * as activities from "~/routes/patrols.activities._index";
import * as newActivity from "~/routes/patrols.activities.new";
import * as plan from "~/routes/patrols.new";
import { useDemoData } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { callRoute, pactGet as get, pactPost as post } from "./helpers/pact-requests";
import { movePatrolTo, planAs, recordOf, regionId, teamOf, userId } from "./helpers/patrol-fixtures";

useDemoData();

const at = (id: number) => ({ path: `/patrols/${id}`, params: { patrolId: String(id) } });
const count = (table: typeof records | typeof jointActivities | typeof patrolFindings) => getDb().select().from(table).all().length;

function planFields(): Record<string, string | string[]> {
  return {
    teamId: String(teamOf("XH", "TZ")), kind: "peak_hours", patrolOn: todayInChina(), plannedStart: "17:00", plannedEnd: "19:30",
    route: "凉伞镇集市至坪地镇集市", regionIds: [String(regionId("凉伞镇")), String(regionId("坪地镇"))],
    participantIds: [userId("xh.police"), userId("tz.police")],
  };
}

describe("/patrols", () => {
  it("lists the patrols the viewer sees with status tabs, filters and pages", async () => {
    const page = await callRoute(list.loader, await get("xh.pl", "/patrols"));
    expect(page.status).toBe(200);
    expect(page.data.items).toHaveLength(20);
    expect(page.data.counts.all).toBe(page.data.total);
    expect(page.data.pageCount).toBeGreaterThan(20);
    expect(page.data.teams.map((t: { name: string }) => t.name)).toEqual(["湘黔边界联合巡防队", "新晃—玉屏边界联合巡防队"]);
    const planned = await callRoute(list.loader, await get("xh.pl", "/patrols?status=planned&team=" + teamOf("XH", "YP")));
    expect(planned.data.items.every((i: { status: string; teamName: string }) => i.status === "planned" && i.teamName === "新晃—玉屏边界联合巡防队")).toBe(true);
    expect(planned.data.counts.byStatus.planned).toBe(planned.data.total);
    const junk = await callRoute(list.loader, await get("xh.pl", "/patrols?status=nope&page=-3&from=2024-02-30"));
    expect(junk.data.total).toBe(page.data.total);
  });

  it("answers 403 to roles without patrols", async () => {
    for (const user of ["xh.mediator", "xh.grid", "xh.admin"]) expect((await callRoute(list.loader, await get(user, "/patrols"))).status).toBe(403);
  });
});

describe("/patrols/new", () => {
  it("offers the teams of the viewer's pacts with their members, and both sides' regions", async () => {
    const page = await callRoute(plan.loader, await get("yp.police", "/patrols/new"));
    expect(page.data.teams).toHaveLength(1);
    expect(page.data.teams[0]).toMatchObject({ name: "新晃—玉屏边界联合巡防队" });
    expect(page.data.teams[0].members.map((m: { displayName: string }) => m.displayName)).toEqual(["龙建军", "李卫东"]);
    expect(page.data.places.map((p: { countyName: string }) => p.countyName)).toEqual(["玉屏侗族自治县", "新晃侗族自治县"]);
    expect((await callRoute(plan.loader, await get("xh.leader", "/patrols/new"))).status).toBe(403);
  });

  it("plans a patrol shared with the partner, then shows it", async () => {
    const answer = await callRoute(plan.action, await post("xh.police", "/patrols/new", planFields()));
    expect(answer.status).toBe(302);
    const id = Number(answer.location!.match(/^\/patrols\/(\d+)\?notice=planned$/)![1]);
    expect(recordOf(id)).toMatchObject({ workflow: "patrol", status: "planned", pactId: pactIdBetween("XH", "TZ") });
    expect(recordOf(id).refNo).toMatch(/^XH-XF-\d{4}-\d{4}$/);
    const page = await callRoute(detail.loader, await get("tz.police", at(id).path), at(id).params);
    expect(page.data.patrol).toMatchObject({ kind: "peak_hours", plannedStart: "17:00", plannedEnd: "19:30", steps: ["start", "cancel"] });
    expect(page.data.patrol.participants.map((p: { displayName: string }) => p.displayName)).toEqual(["龙建军", "杨光荣"]);
    expect(page.data.patrol.regions.map((r: { name: string }) => r.name)).toEqual(["凉伞镇", "坪地镇"]);
  });

  it("shows errors next to fields in Chinese, keeps what was typed, and writes nothing", async () => {
    const before = count(records);
    const fields = { ...planFields(), kind: "", plannedEnd: "25:00", route: "", participantIds: [] as string[] };
    const answer = await callRoute(plan.action, await post("xh.police", "/patrols/new", fields));
    expect(answer.status).toBe(400);
    expect(answer.data.errors).toMatchObject({
      kind: "请选择巡防类型", plannedEnd: "时间格式应为 时:分，如 08:30", route: "请填写巡防路线或区域", participantIds: "请选择参加队员",
    });
    expect(answer.data.values.patrolOn).toBe(todayInChina());
    const oneSide = await callRoute(plan.action, await post("xh.police", "/patrols/new", { ...planFields(), participantIds: [userId("xh.police")] }));
    expect(oneSide.data.errors).toEqual({ participantIds: "每一方至少选择一名队员" });
    const foreign = await callRoute(plan.action, await post("xh.police", "/patrols/new", { ...planFields(), participantIds: [userId("xh.police"), userId("tz.pl")] }));
    expect(foreign.data.errors).toEqual({ participantIds: "请选择有效的选项" });
    const ypRegion = await callRoute(plan.action, await post("xh.police", "/patrols/new", { ...planFields(), regionIds: [String(regionId("皂角坪街道"))] }));
    expect(ypRegion.data.errors).toEqual({ regionIds: "请选择有效的选项" });
    const otherTeam = await callRoute(plan.action, await post("tz.police", "/patrols/new", { ...planFields(), teamId: String(teamOf("XH", "YP")) }));
    expect(otherTeam.data.errors).toEqual({ teamId: "所选巡防队不属于本县生效中且包含联合巡防的协议" });
    expect(count(records)).toBe(before);
  });
});

describe("/patrols/:id", () => {
  it("starts, logs a finding, completes: each step with its fields, errors next to them", async () => {
    const id = planAs("xh.police");
    const bad = await callRoute(detail.action, await post("tz.police", at(id).path, { intent: "start", status: "planned", startedAt: "昨天" }), at(id).params);
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toEqual({ startedAt: "时间格式不正确" });
    expect(recordOf(id).status).toBe("planned");
    const started = await callRoute(detail.action, await post("tz.police", at(id).path, { intent: "start", status: "planned", startedAt: "2026-01-05T09:00" }), at(id).params);
    expect(started.location).toBe(`/patrols/${id}?notice=start`);
    const findingsBefore = count(patrolFindings);
    const noFinding = await callRoute(detail.action, await post("xh.police", at(id).path, { intent: "finding", foundAt: "2026-01-05T10:00", description: " " }), at(id).params);
    expect(noFinding.data.errors).toEqual({ description: "请填写发现情况" });
    expect(count(patrolFindings)).toBe(findingsBefore);
    const finding = await callRoute(detail.action, await post("xh.police", at(id).path, {
      intent: "finding", foundAt: "2026-01-05T10:00", description: "交界河段有村民电鱼", regionId: String(regionId("阳寨村")),
    }), at(id).params);
    expect(finding.location).toBe(`/patrols/${id}?notice=finding#findings`);
    const stale = await callRoute(detail.action, await post("xh.police", at(id).path, { intent: "cancel", status: "planned", note: "取消" }), at(id).params);
    expect(stale.status).toBe(409);
    const done = await callRoute(detail.action, await post("xh.pl", at(id).path, {
      intent: "complete", status: "in_progress", endedAt: "2026-01-05T12:00", peopleChecked: "8", vehiclesChecked: "3", summary: "秩序良好",
    }), at(id).params);
    expect(done.location).toBe(`/patrols/${id}?notice=complete`);
    const page = await callRoute(detail.loader, await get("tz.leader", at(id).path), at(id).params);
    expect(page.data.patrol).toMatchObject({ status: "completed", peopleChecked: 8, vehiclesChecked: 3, summary: "秩序良好", steps: [], mayLogFinding: false });
    expect(page.data.patrol.findings).toMatchObject([{ description: "交界河段有村民电鱼", regionName: "阳寨村", opened: null }]);
    expect(page.data.patrol.openTargets).toEqual([]);
    const events = page.data.entries.filter((e: { kind: string }) => e.kind === "event").map((e: { eventAction: string }) => e.eventAction);
    expect(events).toEqual(["create", "start", "finding", "complete"]);
  });

  it("refuses a leader's step (403), a malformed or hidden id (404)", async () => {
    const id = planAs("xh.police");
    expect((await callRoute(detail.action, await post("xh.leader", at(id).path, { intent: "start", status: "planned", startedAt: "2026-01-05T09:00" }), at(id).params)).status).toBe(403);
    expect((await callRoute(detail.loader, await get("yp.police", at(id).path), at(id).params)).status).toBe(404);
    expect((await callRoute(detail.loader, await get("xh.police", "/patrols/abc"), { patrolId: "abc" })).status).toBe(404);
    movePatrolTo(id, "cancelled");
    expect(recordOf(id).status).toBe("cancelled");
  });
});

describe("/patrols/activities", () => {
  it("lists by pact, kind and year with totals; records one; refuses bad counts", async () => {
    const xhYp = String(pactIdBetween("XH", "YP"));
    const page = await callRoute(activities.loader, await get("yp.pl", `/patrols/activities?pact=${xhYp}&kind=legal_education`));
    expect(page.data.total).toBe(page.data.totals.events);
    expect(page.data.items.every((i: { kind: string; pactTitle: string }) => i.kind === "legal_education" && i.pactTitle === "新晃—玉屏平安边界联防协议")).toBe(true);
    expect(page.data.pacts.map((p: { title: string }) => p.title)).toEqual(["新晃—玉屏平安边界联防协议"]);
    const before = count(jointActivities);
    const base = { pactId: xhYp, kind: "public_request", title: "群众诉求联合接访", heldOn: todayInChina(), requestsReceived: "3" };
    const bad = await callRoute(newActivity.action, await post("yp.pl", "/patrols/activities/new", { ...base, requestsResolved: "4", attendance: "-2" }));
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toEqual({ attendance: "请填写 0 或正整数" });
    const over = await callRoute(newActivity.action, await post("yp.pl", "/patrols/activities/new", { ...base, requestsResolved: "4" }));
    expect(over.data.errors).toEqual({ requestsResolved: "办结数不能多于受理数" });
    const foreign = await callRoute(newActivity.action, await post("yp.pl", "/patrols/activities/new", { ...base, pactId: String(pactIdBetween("XH", "TZ")), requestsResolved: "2" }));
    expect(foreign.data.errors).toEqual({ pactId: "所选协议不是本县生效中且包含社会治安联治的协议" });
    expect(count(jointActivities)).toBe(before);
    const ok = await callRoute(newActivity.action, await post("yp.pl", "/patrols/activities/new", { ...base, requestsResolved: "2" }));
    const id = ok.location!.match(/^\/patrols\/activities\/(\d+)\?notice=created$/)![1];
    const shown = await callRoute(activity.loader, await get("xh.leader", `/patrols/activities/${id}`), { activityId: id });
    expect(shown.data.activity).toMatchObject({ title: "群众诉求联合接访", requestsReceived: 3, requestsResolved: 2, organiserName: "玉屏侗族自治县" });
    expect((await callRoute(activity.loader, await get("tz.pl", `/patrols/activities/${id}`), { activityId: id })).status).toBe(404);
    expect((await callRoute(activities.loader, await get("xh.grid", "/patrols/activities"))).status).toBe(403);
    expect((await callRoute(newActivity.loader, await get("xh.leader", "/patrols/activities/new"))).status).toBe(403);
  });
});
