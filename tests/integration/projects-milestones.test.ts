/**
 * Milestone rules: the responsible county's political-legal staff or the lead's mark a milestone
 * done, while the project is proposed (preparations) or active, and only once; the partner cannot mark the lead's
 * milestone; nobody reaches another project's milestone through this one. Only the lead adds
 * milestones, within the term, answerable by a side of the project. Every change keeps due_at
 * right and writes nothing when refused.
 */
import { describe, expect, it } from "vitest";
import { addMilestone, markMilestoneDone } from "~/modules/projects/milestones.server";
import { takeProjectStep } from "~/modules/projects/steps.server";
import { todayInChina } from "~/i18n";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { snapshotDomainTables } from "../security/isolation-targets";
import { dayFromToday, milestonesOf, moveProjectTo, proposeAs, recordOf } from "./helpers/project-fixtures";

useDemoData();

const endOf = (day: string) => Date.parse(`${day}T23:59:59.999+08:00`);

describe("marking a milestone done", () => {
  it("TZ (responsible) marks its milestone; the lead marks its own; due_at moves on; then the lead completes", () => {
    const id = proposeAs("xh.pl");
    moveProjectTo(id, "active");
    const [xhMilestone, tzMilestone] = milestonesOf(id);
    expect(markMilestoneDone(viewerOf("tz.pl"), recordOf(id), { milestoneId: tzMilestone.id, note: "专场已演出" })).toEqual({ ok: true });
    expect(milestonesOf(id)[1]).toMatchObject({ doneOn: todayInChina(), doneBy: viewerOf("tz.pl").userId, note: "专场已演出" });
    expect(recordOf(id).dueAt).toBe(endOf(xhMilestone.dueOn));
    expect(markMilestoneDone(viewerOf("xh.pl"), recordOf(id), { milestoneId: xhMilestone.id, note: "" })).toEqual({ ok: true });
    expect(recordOf(id).dueAt).toBeNull();
    expect(takeProjectStep(viewerOf("xh.pl"), recordOf(id), "complete", { note: "圆满完成" })).toEqual({ ok: true, status: "completed" });
  });

  it("the lead may mark the partner's milestone; the partner may not mark the lead's", () => {
    const id = proposeAs("xh.pl");
    moveProjectTo(id, "active");
    const [xhMilestone, tzMilestone] = milestonesOf(id);
    const before = snapshotDomainTables();
    expect(markMilestoneDone(viewerOf("tz.pl"), recordOf(id), { milestoneId: xhMilestone.id, note: "" })).toEqual({ ok: false, reason: "forbidden" });
    expect(markMilestoneDone(viewerOf("tz.leader"), recordOf(id), { milestoneId: tzMilestone.id, note: "" })).toEqual({ ok: false, reason: "forbidden" });
    expect(markMilestoneDone(viewerOf("xh.leader"), recordOf(id), { milestoneId: xhMilestone.id, note: "" })).toEqual({ ok: false, reason: "forbidden" });
    expect(snapshotDomainTables()).toEqual(before);
    expect(markMilestoneDone(viewerOf("xh.pl"), recordOf(id), { milestoneId: tzMilestone.id, note: "代为确认" })).toEqual({ ok: true });
  });

  it("while proposed or active, only once; not while suspended; another project's milestone is not found through this one", () => {
    const id = proposeAs("xh.pl");
    const other = proposeAs("xh.pl");
    const [m, tzMilestone] = milestonesOf(id);
    const before = snapshotDomainTables();
    expect(markMilestoneDone(viewerOf("xh.pl"), recordOf(other), { milestoneId: m.id, note: "" })).toEqual({ ok: false, reason: "not_found" });
    expect(snapshotDomainTables()).toEqual(before);
    expect(markMilestoneDone(viewerOf("tz.pl"), recordOf(id), { milestoneId: tzMilestone.id, note: "筹备完成" })).toEqual({ ok: true });
    expect(recordOf(id).dueAt).toBeNull();
    moveProjectTo(id, "active");
    expect(recordOf(id).dueAt).toBe(endOf(m.dueOn));
    expect(markMilestoneDone(viewerOf("xh.pl"), recordOf(id), { milestoneId: m.id, note: "" })).toEqual({ ok: true });
    expect(markMilestoneDone(viewerOf("xh.pl"), recordOf(id), { milestoneId: m.id, note: "" })).toEqual({ ok: false, reason: "conflict" });
    const suspended = proposeAs("xh.pl");
    moveProjectTo(suspended, "suspended");
    const frozen = snapshotDomainTables();
    expect(markMilestoneDone(viewerOf("tz.pl"), recordOf(suspended), { milestoneId: milestonesOf(suspended)[1].id, note: "" })).toEqual({ ok: false, reason: "conflict" });
    expect(snapshotDomainTables()).toEqual(frozen);
  });
});

describe("adding a milestone", () => {
  const input = (over: Partial<{ title: string; dueOn: string; responsibleCountyId: number }> = {}) => ({
    title: "追加演出", dueOn: dayFromToday(5), responsibleCountyId: countyIdOf("TZ"), ...over,
  });

  it("the lead adds one; an earlier one moves due_at while active", () => {
    const id = proposeAs("xh.pl");
    moveProjectTo(id, "active");
    expect(addMilestone(viewerOf("xh.pl"), recordOf(id), input())).toEqual({ ok: true });
    const added = milestonesOf(id).at(-1)!;
    expect(added).toMatchObject({ title: "追加演出", position: 2, responsibleCountyId: countyIdOf("TZ"), doneOn: null });
    expect(recordOf(id).dueAt).toBe(endOf(dayFromToday(5)));
  });

  it("the partner and read-only roles may not; nor on a completed project; the county and the date are checked", () => {
    const id = proposeAs("xh.pl");
    const before = snapshotDomainTables();
    expect(addMilestone(viewerOf("tz.pl"), recordOf(id), input())).toEqual({ ok: false, reason: "forbidden" });
    expect(addMilestone(viewerOf("xh.leader"), recordOf(id), input())).toEqual({ ok: false, reason: "forbidden" });
    expect(addMilestone(viewerOf("xh.pl"), recordOf(id), input({ responsibleCountyId: countyIdOf("YP") }))).toEqual({
      ok: false, reason: "invalid", errors: { responsibleCountyId: "projects.form.responsibleNotASide" },
    });
    expect(addMilestone(viewerOf("xh.pl"), recordOf(id), input({ dueOn: dayFromToday(400) }))).toEqual({
      ok: false, reason: "invalid", errors: { dueOn: "projects.form.dueOutsideTerm" },
    });
    expect(snapshotDomainTables()).toEqual(before);
    const done = proposeAs("xh.pl");
    moveProjectTo(done, "completed");
    expect(addMilestone(viewerOf("xh.pl"), recordOf(done), input())).toEqual({ ok: false, reason: "conflict" });
  });
});
