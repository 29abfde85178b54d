/**
 * Overdue milestones in the inbox, by a controlled clock. An active project is overdue once its
 * earliest undone milestone's day has ended (due_at); it shows as overdue to the lead county and to
 * the county responsible for a late milestone — not to a partner with nothing late. A proposed
 * project waits for the lead to activate it; a project with every milestone done, to complete it.
 */
import { describe, expect, it } from "vitest";
import { inboxFor, inboxCount } from "~/modules/records/inbox.server";
import { markMilestoneDone } from "~/modules/projects/milestones.server";
import { describeProject } from "~/modules/projects/detail.server";
import { listProjects, projectCounts } from "~/modules/projects/list.server";
import { projectFiltersFromUrl } from "~/modules/projects/schemas";
import { useDemoData, viewerOf } from "../setup/demo";
import { milestonesOf, moveProjectTo, proposeAs, recordOf } from "./helpers/project-fixtures";

useDemoData();

const DAY = 86_400_000;
const itemOf = (username: string, id: number, now: number) => inboxFor(viewerOf(username), now).find((i) => i.recordId === id);
const overdueFor = (username: string, id: number, now: number) => itemOf(username, id, now)?.overdue ?? false;

describe("a project in the inbox", () => {
  it("waits for the lead county's staff to activate it while proposed", () => {
    const id = proposeAs("xh.pl");
    expect(itemOf("xh.pl", id, Date.now())?.actions).toEqual(["activate"]);
    expect(itemOf("tz.pl", id, Date.now())?.actions ?? []).toEqual([]);
    expect(itemOf("xh.leader", id, Date.now())?.actions ?? []).toEqual([]);
  });

  it("overdue for the lead once its milestone's day has passed, for the partner once the partner's has", () => {
    const id = proposeAs("xh.pl");
    moveProjectTo(id, "active");
    const [xhMilestone, tzMilestone] = milestonesOf(id);
    const now = Date.now();
    const dayAfter = (day: string) => Date.parse(`${day}T00:00:00+08:00`) + DAY + 60_000;

    for (const u of ["xh.pl", "tz.pl", "xh.leader"]) expect(overdueFor(u, id, now), u).toBe(false);

    // The lead's milestone is late: the lead county sees it overdue, the partner does not.
    const afterFirst = dayAfter(xhMilestone.dueOn);
    expect(overdueFor("xh.pl", id, afterFirst)).toBe(true);
    expect(overdueFor("xh.leader", id, afterFirst)).toBe(true);
    expect(overdueFor("tz.pl", id, afterFirst)).toBe(false);
    expect(describeProject(viewerOf("tz.pl"), recordOf(id), afterFirst).milestones.map((m) => m.state)).toEqual(["overdue", "upcoming"]);

    // One minute before the day ends it is not yet late.
    expect(overdueFor("xh.pl", id, Date.parse(`${xhMilestone.dueOn}T23:59:00+08:00`))).toBe(false);

    // Both late: the partner answers for the second one, so it is overdue for TZ too.
    const afterSecond = dayAfter(tzMilestone.dueOn);
    expect(overdueFor("xh.pl", id, afterSecond)).toBe(true);
    expect(overdueFor("tz.pl", id, afterSecond)).toBe(true);
    expect(overdueFor("tz.leader", id, afterSecond)).toBe(true);
    for (const u of ["yp.pl", "zj.pl"]) expect(itemOf(u, id, afterSecond), u).toBeUndefined();

    // The lead's milestone done: still overdue for TZ (its own is late) and for the lead.
    expect(markMilestoneDone(viewerOf("xh.pl"), recordOf(id), { milestoneId: xhMilestone.id, note: "" })).toEqual({ ok: true });
    expect(overdueFor("xh.pl", id, afterFirst)).toBe(false);
    expect(overdueFor("tz.pl", id, afterSecond)).toBe(true);

    // All done: nobody is overdue; the lead is asked to complete it.
    expect(markMilestoneDone(viewerOf("tz.pl"), recordOf(id), { milestoneId: tzMilestone.id, note: "" })).toEqual({ ok: true });
    expect(overdueFor("xh.pl", id, afterSecond)).toBe(false);
    expect(overdueFor("tz.pl", id, afterSecond)).toBe(false);
    expect(itemOf("xh.pl", id, afterSecond)?.actions).toEqual(["complete"]);
    expect(inboxCount(viewerOf("xh.pl"), afterSecond)).toBe(inboxFor(viewerOf("xh.pl"), afterSecond).length);
  });

  it("a suspended project is never overdue; the list's overdue tab counts by the same clock", () => {
    const id = proposeAs("xh.pl");
    moveProjectTo(id, "suspended");
    const late = Date.now() + 40 * DAY;
    expect(overdueFor("xh.pl", id, late)).toBe(false);
    const active = proposeAs("xh.pl");
    moveProjectTo(active, "active");
    const filters = projectFiltersFromUrl(new URL("http://x/projects?overdue=1"));
    const listed = listProjects(viewerOf("tz.pl"), filters, late).items.map((i) => i.id);
    expect(listed).toContain(active);
    expect(listed).not.toContain(id);
    expect(projectCounts(viewerOf("tz.pl"), filters, late).overdue).toBe(listProjects(viewerOf("tz.pl"), filters, late).total);
  });
});
