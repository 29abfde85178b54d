/**
 * The meeting pages through their loaders and actions, as a browser without JavaScript would use
 * them: the list and its action-item filters, the scheduling form (pact choice, proposed host),
 * the meeting page, an action item's page with done and reopen, and the thread.
 */
import { describe, expect, it } from "vitest";
import { todayInChina } from "~/i18n";
import * as meetingPage from "~/routes/meetings.$meetingId";
import * as listPage from "~/routes/meetings._index";
import * as actionPage from "~/routes/meetings.actions.$actionId";
import * as newPage from "~/routes/meetings.new";
import { countyIdOf, useDemoData } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { expectData, expectRedirect, expectStatus, getAs, postAs, routeArgs, settle } from "./helpers/requests";
import { actionItemFor, recordOf, userIdOf } from "./helpers/meeting-fixtures";

useDemoData();

describe("/meetings", () => {
  it("lists upcoming meetings first and the action items by filter, counted alike", async () => {
    const list = await expectData(listPage.loader(routeArgs(await getAs("tz.pl", "/meetings"))));
    expect(list.meetings[0].status).toBe("scheduled");
    const overdue = await expectData(listPage.loader(routeArgs(await getAs("tz.pl", "/meetings?view=actions&filter=overdue"))));
    expect(overdue.actionItems).toHaveLength(overdue.counts.overdue);
    expect(overdue.actionItems.every((i) => i.overdue)).toBe(true);
    const done = await expectData(listPage.loader(routeArgs(await getAs("tz.pl", "/meetings?view=actions&filter=done"))));
    expect(done.actionItems).toHaveLength(done.counts.done);
    const mine = await expectData(listPage.loader(routeArgs(await getAs("xh.pl", "/meetings?view=actions&filter=overdue&mine=1"))));
    expect(mine.actionItems).toEqual([]);
  });

  it("answers 403 to roles that may not open meetings", async () => {
    for (const u of ["xh.police", "xh.mediator", "xh.grid", "xh.admin"]) await expectStatus(listPage.loader(routeArgs(await getAs(u, "/meetings"))), 403);
  });
});

describe("/meetings/new", () => {
  it("asks XH (two pacts) to choose one, then proposes the host in turn", async () => {
    const choose = await expectData(newPage.loader(routeArgs(await getAs("xh.pl", "/meetings/new"))));
    expect(choose.form).toBeNull();
    expect(choose.pacts.map((p) => p.id).sort()).toEqual([pactIdBetween("XH", "TZ"), pactIdBetween("XH", "YP")].sort());
    const form = await expectData(newPage.loader(routeArgs(await getAs("xh.pl", `/meetings/new?pact=${pactIdBetween("XH", "TZ")}`))));
    expect(form.form?.proposedHostId).toBe(countyIdOf("XH"));
    expect(form.form?.counties.map((c) => c.id)).toEqual([countyIdOf("XH"), countyIdOf("TZ")]);
    const tz = await expectData(newPage.loader(routeArgs(await getAs("tz.pl", "/meetings/new"))));
    expect(tz.form?.pact.id).toBe(pactIdBetween("XH", "TZ"));
  });

  it("schedules from the plain form and goes to the meeting's page; errors come back next to the fields", async () => {
    const fields = {
      pactId: String(pactIdBetween("XH", "TZ")), level: "township", hostCountyId: String(countyIdOf("XH")), title: "凉伞—坪地联席会议",
      startsAt: `${todayInChina(Date.now() + 5 * 86_400_000)}T09:30`, placeText: "凉伞镇会议室", attendeeIds: [userIdOf("xh.pl"), userIdOf("tz.pl")],
      "agenda-0-title": "边界情况通报",
    };
    const location = await expectRedirect(newPage.action(routeArgs(await postAs("xh.pl", "/meetings/new", fields))));
    expect(location).toMatch(/^\/meetings\/\d+\?notice=scheduled$/);
    const id = location.split("/")[2].split("?")[0];
    const page = await expectData(meetingPage.loader(routeArgs(await getAs("tz.pl", `/meetings/${id}`), { meetingId: id })));
    expect(page.meeting).toMatchObject({ title: "凉伞—坪地联席会议", level: "township", status: "scheduled", steps: ["hold", "cancel"] });
    expect(page.meeting.attendeeChoices?.chosen).toEqual([userIdOf("tz.pl")]);
    const bad = await settle(newPage.action(routeArgs(await postAs("xh.pl", "/meetings/new", { ...fields, placeText: "", "agenda-0-ref": "XH-TJ-2099-0001" }))));
    expect(bad).toMatchObject({ init: { status: 400 }, data: { errors: { placeText: "请填写会议地点" } } });
    await expectStatus(newPage.loader(routeArgs(await getAs("xh.leader", "/meetings/new"))), 403);
  });
});

describe("an action item's page", () => {
  it("TZ reports it done, XH reopens it, both through the plain forms; the meeting route sends its id on", async () => {
    const id = String(actionItemFor("TZ"));
    await expectStatus(meetingPage.loader(routeArgs(await getAs("tz.pl", `/meetings/${id}`), { meetingId: id })), 302);
    const page = await expectData(actionPage.loader(routeArgs(await getAs("tz.pl", `/meetings/actions/${id}`), { actionId: id })));
    expect(page.item).toMatchObject({ status: "open", isResponsible: true, steps: ["complete"] });
    expect(page.item.meeting).not.toBeNull();
    const xhPage = await expectData(actionPage.loader(routeArgs(await getAs("xh.pl", `/meetings/actions/${id}`), { actionId: id })));
    expect(xhPage.item.steps).toEqual([]);
    const post = async (u: string, fields: Record<string, string>) => actionPage.action(routeArgs(await postAs(u, `/meetings/actions/${id}`, fields), { actionId: id }));
    const noNote = await settle(post("tz.pl", { intent: "complete", status: "open", note: "" }));
    expect(noNote).toMatchObject({ init: { status: 400 }, data: { errors: { note: "请填写说明" } } });
    expect(await expectRedirect(post("tz.pl", { intent: "complete", status: "open", note: "已复查完毕" }))).toBe(`/meetings/actions/${id}?notice=complete`);
    expect(recordOf(Number(id)).status).toBe("done");
    expect(await expectRedirect(post("xh.pl", { intent: "reopen", status: "done", note: "复查报告未附" }))).toBe(`/meetings/actions/${id}?notice=reopen`);
    expect(recordOf(Number(id)).status).toBe("open");
    expect(await expectRedirect(post("xh.pl", { intent: "thread", body: "请补充复查报告。" }))).toBe(`/meetings/actions/${id}?notice=posted`);
    const thread = await expectData(actionPage.loader(routeArgs(await getAs("tz.pl", `/meetings/actions/${id}`), { actionId: id })));
    expect(thread.entries.map((e) => e.eventAction ?? e.body)).toEqual(["create", "link", "complete", "reopen", "请补充复查报告。"]);
  });
});
