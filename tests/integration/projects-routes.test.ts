/**
 * The project pages as Remix calls them: real signed-in Requests against loaders and actions. The
 * proposal is one multipart post (the plan document through the attachment checks); a refused
 * post writes nothing at all — no record, no milestone, no stored file.
 */
import fs from "node:fs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { attachments, projectMilestones } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import { filesDirectory } from "~/modules/records/attachments.server";
import * as detail from "~/routes/projects.$projectId";
import * as list from "~/routes/projects._index";
import * as propose from "~/routes/projects.new";
import { countyIdOf, useDemoData } from "../setup/demo";
import { snapshotDomainTables } from "../security/isolation-targets";
import { pactIdBetween } from "../setup/records";
import { dayFromToday, fixtureBytes, milestonesOf, moveProjectTo, proposeAs, recordOf } from "./helpers/project-fixtures";
import { callRoute, pactGet as get, pactPost as post } from "./helpers/pact-requests";
import { postMultipartAs } from "./helpers/requests";

useDemoData();

const at = (id: number) => ({ path: `/projects/${id}`, params: { projectId: String(id) } });

function validForm(): Record<string, string | string[]> {
  const xh = String(countyIdOf("XH"));
  const tz = String(countyIdOf("TZ"));
  return {
    pactId: String(pactIdBetween("XH", "TZ")), field: "culture", title: "边界侗戏巡演", description: "两县剧团联合到边界村寨演出。",
    startsOn: dayFromToday(-10), endsOn: dayFromToday(200), budget: "80000", addresseeCountyIds: [tz],
    [`contribution-${xh}`]: "演员和剧目", [`contribution-${tz}`]: "场地",
    "milestone-0-title": "凉伞首演", "milestone-0-dueOn": dayFromToday(20), "milestone-0-county": xh,
    "milestone-1-title": "坪地专场", "milestone-1-dueOn": dayFromToday(40), "milestone-1-county": tz,
  };
}

const file = (name: string, as = name, type = "application/octet-stream") => new File([fixtureBytes(name)], as, { type });
const storedFiles = () => {
  const dir = filesDirectory();
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).filter((f) => !String(f).startsWith("tmp")).length : 0;
};

describe("/projects/new", () => {
  it("proposes a project with milestones and the plan as the thread's first message, in one post", async () => {
    const request = await postMultipartAs("xh.pl", "/projects/new", validForm(), { plan: [file("report.pdf", "侗戏巡演方案.pdf", "application/pdf")] });
    const answer = await callRoute(propose.action, request);
    expect(answer.status).toBe(302);
    const id = Number(answer.location!.match(/^\/projects\/(\d+)\?notice=proposed$/)![1]);
    expect(recordOf(id)).toMatchObject({ workflow: "project", status: "proposed", ownerCountyId: countyIdOf("XH"), dueAt: null });
    expect(recordOf(id).refNo).toMatch(/^XH-MS-\d{4}-\d{4}$/);
    expect(milestonesOf(id).map((m) => [m.title, m.responsibleCountyId])).toEqual([["凉伞首演", countyIdOf("XH")], ["坪地专场", countyIdOf("TZ")]]);
    const page = await callRoute(detail.loader, await get("tz.pl", at(id).path), at(id).params);
    expect(page.data.project).toMatchObject({ isLead: false, budget: 80000, field: "culture", plan: { fileName: "侗戏巡演方案.pdf", mimeType: "application/pdf" } });
    expect(page.data.project.contributions.map((c: { countyName: string }) => c.countyName)).toEqual(["新晃侗族自治县", "天柱县"]);
    const messages = page.data.entries.filter((e: { kind: string }) => e.kind !== "event");
    expect(messages[0].attachments[0].id).toBe(page.data.project.plan.id);
  });

  it("shows errors next to the fields in Chinese, keeps what was typed, and writes nothing", async () => {
    const before = snapshotDomainTables();
    const filesBefore = storedFiles();
    const fields = { ...validForm(), title: "", "milestone-1-dueOn": dayFromToday(500), endsOn: dayFromToday(300) };
    const answer = await callRoute(propose.action, await postMultipartAs("xh.pl", "/projects/new", fields, { plan: [file("report.pdf")] }));
    expect(answer.status).toBe(400);
    expect(answer.data.errors).toEqual({ title: "请填写项目名称", "milestone-1-dueOn": "完成时限应在项目期限之内", plan: "请重新选择方案文件" });
    expect(answer.data.values).toMatchObject({ description: "两县剧团联合到边界村寨演出。", "milestone-0-title": "凉伞首演" });
    const missing = await callRoute(propose.action, await postMultipartAs("xh.pl", "/projects/new", validForm()));
    expect(missing.status).toBe(400);
    expect(missing.data.errors).toEqual({ plan: "请上传项目方案文件" });
    expect(snapshotDomainTables()).toEqual(before);
    expect(storedFiles()).toBe(filesBefore);
  });

  it("checks the plan like every attachment: by content, extension agreeing, one file", async () => {
    const before = snapshotDomainTables();
    const cases: [File[], RegExp][] = [
      [[file("disguised-exe.jpg", "方案.pdf")], /不是允许上传的文件类型/],
      [[file("disguised-pdf.png", "方案.png")], /扩展名与文件实际内容（PDF）不符/],
      [[file("macros.docx", "方案.docx")], /不是允许上传的文件类型/],
      [[file("report.pdf"), file("notes.docx")], /只能上传一个方案文件/],
    ];
    for (const [plan, message] of cases) {
      const answer = await callRoute(propose.action, await postMultipartAs("xh.pl", "/projects/new", validForm(), { plan }));
      expect(answer.status).toBe(400);
      expect(answer.data.errors.plan).toMatch(message);
    }
    for (const ok of ["notes.docx", "sheet.xlsx", "photo.jpg"]) {
      const answer = await callRoute(propose.action, await postMultipartAs("xh.pl", "/projects/new", { ...validForm(), title: `方案类型 ${ok}` }, { plan: [file(ok)] }));
      expect(answer.status, ok).toBe(302);
    }
    expect(getDb().select().from(attachments).all().length).toBeGreaterThan(0);
    expect(snapshotDomainTables().records.length).toBe(before.records.length + 3);
  });

  it("refuses partners and responsible counties outside the pact, writing nothing", async () => {
    const before = snapshotDomainTables();
    const yp = String(countyIdOf("YP"));
    const answer = await callRoute(
      propose.action,
      await postMultipartAs("xh.pl", "/projects/new", { ...validForm(), addresseeCountyIds: [yp], "milestone-1-county": yp }, { plan: [file("report.pdf")] }),
    );
    expect(answer.status).toBe(400);
    expect(answer.data.errors).toMatchObject({ addresseeCountyIds: "协作县必须是该协议的其他成员县", "milestone-1-county": "责任县须为牵头县或所选协作县" });
    const ypAnswer = await callRoute(propose.action, await postMultipartAs("yp.pl", "/projects/new", { ...validForm() }, { plan: [file("report.pdf")] }));
    expect(ypAnswer.data.errors.pactId).toBe("该协议未生效或不涵盖民生事业联动");
    expect((await callRoute(propose.loader, await get("yp.pl", "/projects/new"))).data.choices.pacts).toEqual([]);
    expect(snapshotDomainTables()).toEqual(before);
  });
});

describe("/projects and /projects/:projectId", () => {
  it("lists by side, status and field, and pages", async () => {
    const id = proposeAs("tz.pl", { field: "health" });
    const partner = await callRoute(list.loader, await get("xh.pl", "/projects?side=partner&status=proposed&field=health"));
    expect(partner.data.items.map((i: { id: number }) => i.id)).toContain(id);
    expect(partner.data.items.every((i: { isLead: boolean; status: string; field: string }) => !i.isLead && i.status === "proposed" && i.field === "health")).toBe(true);
    const lead = await callRoute(list.loader, await get("xh.pl", "/projects?side=lead"));
    expect(lead.data.items.map((i: { id: number }) => i.id)).not.toContain(id);
    expect(lead.data.mayPropose).toBe(true);
    const leader = await callRoute(list.loader, await get("tz.leader", "/projects?page=99"));
    expect(leader.data.mayPropose).toBe(false);
    expect(leader.data.page).toBe(leader.data.pageCount);
    expect(leader.data.counts.all).toBe(leader.data.total);
    expect((await callRoute(list.loader, await get("yp.pl", "/projects"))).data.total).toBe(0);
  });

  it("the lead activates with a note; TZ marks its milestone; the lead adds one and completes once all are done", async () => {
    const id = proposeAs("xh.pl");
    const { path: p, params } = at(id);
    expect((await callRoute(detail.action, await post("tz.pl", p, { intent: "activate", status: "proposed", note: "越权" }), params)).status).toBe(403);
    expect((await callRoute(detail.action, await post("xh.leader", p, { intent: "activate", status: "proposed", note: "只读" }), params)).status).toBe(403);
    const noNote = await callRoute(detail.action, await post("xh.pl", p, { intent: "activate", status: "proposed", note: " " }), params);
    expect(noNote.status).toBe(400);
    expect(noNote.data.errors.note).toBe("请填写说明");
    expect(await callRoute(detail.action, await post("xh.pl", p, { intent: "activate", status: "proposed", note: "启动" }), params)).toMatchObject({ status: 302, location: `${p}?notice=activate` });
    expect((await callRoute(detail.action, await post("xh.pl", p, { intent: "activate", status: "proposed", note: "再次" }), params)).status).toBe(409);

    const tzPage = await callRoute(detail.loader, await get("tz.pl", p), params);
    expect(tzPage.data.project.steps).toEqual([]);
    expect(tzPage.data.project.milestones.map((m: { mayMarkDone: boolean }) => m.mayMarkDone)).toEqual([false, true]);
    const [xhM, tzM] = milestonesOf(id);
    expect((await callRoute(detail.action, await post("tz.pl", p, { intent: "milestone_done", milestoneId: String(xhM.id) }), params)).status).toBe(403);
    expect(await callRoute(detail.action, await post("tz.pl", p, { intent: "milestone_done", milestoneId: String(tzM.id), note: "已演出" }), params)).toMatchObject({ status: 302 });

    expect((await callRoute(detail.loader, await get("xh.pl", p), params)).data.project.steps).toEqual(["suspend"]);
    const early = await callRoute(detail.action, await post("xh.pl", p, { intent: "complete", status: "active", note: "完成" }), params);
    expect(early.status).toBe(409);
    expect(early.data.formError).toBe("还有未完成的节点，全部节点完成后才能完成项目。");

    const badAdd = await callRoute(detail.action, await post("xh.pl", p, { intent: "milestone_add", title: "", dueOn: "2026-02-30", responsibleCountyId: String(countyIdOf("TZ")) }), params);
    expect(badAdd.status).toBe(400);
    expect(badAdd.data.errors).toEqual({ title: "请填写节点名称", dueOn: "请填写正确的日期" });
    const added = await callRoute(detail.action, await post("xh.pl", p, { intent: "milestone_add", title: "追加专场", dueOn: dayFromToday(50), responsibleCountyId: String(countyIdOf("TZ")) }), params);
    expect(added.status).toBe(302);
    for (const m of milestonesOf(id).filter((x) => !x.doneOn)) {
      expect((await callRoute(detail.action, await post("xh.pl", p, { intent: "milestone_done", milestoneId: String(m.id) }), params)).status).toBe(302);
    }
    expect((await callRoute(detail.loader, await get("xh.pl", p), params)).data.project.steps).toEqual(["complete", "suspend"]);
    expect((await callRoute(detail.action, await post("xh.pl", p, { intent: "complete", status: "active", note: "圆满完成" }), params)).status).toBe(302);
    expect(recordOf(id)).toMatchObject({ status: "completed", dueAt: null });
    expect(getDb().select().from(projectMilestones).where(eq(projectMilestones.recordId, id)).all()).toHaveLength(3);
  });

  it("answers 404 for a malformed, missing or hidden project, and for a milestone of another project", async () => {
    expect((await callRoute(detail.loader, await get("xh.pl", "/projects/abc"), { projectId: "abc" })).status).toBe(404);
    expect((await callRoute(detail.loader, await get("xh.pl", "/projects/999999"), { projectId: "999999" })).status).toBe(404);
    const id = proposeAs("xh.pl");
    const other = proposeAs("xh.pl");
    moveProjectTo(id, "active");
    expect((await callRoute(detail.loader, await get("yp.pl", at(id).path), at(id).params)).status).toBe(404);
    expect((await callRoute(detail.action, await post("zj.pl", at(id).path, { intent: "thread", body: "越界" }), at(id).params)).status).toBe(404);
    const foreign = String(milestonesOf(other)[0].id);
    expect((await callRoute(detail.action, await post("xh.pl", at(id).path, { intent: "milestone_done", milestoneId: foreign }), at(id).params)).status).toBe(404);
    expect((await callRoute(detail.action, await post("xh.pl", at(id).path, { intent: "nonsense" }), at(id).params)).status).toBe(400);
  });
});
