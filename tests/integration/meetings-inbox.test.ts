/**
 * Meetings and action items in the inbox, with a controlled clock (`now` passed in, no waiting):
 * an action item waits for the responsible county alone and turns overdue there, and only there,
 * once its deadline day has ended in Beijing; a scheduled meeting asks only its host for a step.
 */
import { describe, expect, it } from "vitest";
import { todayInChina } from "~/i18n";
import { endOfChinaDay } from "~/modules/hazards/deadlines";
import { completeActionItem } from "~/modules/meetings/steps.server";
import { inboxCount, inboxFor } from "~/modules/records/inbox.server";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { decision, holdAs, recordOf, scheduleAs } from "./helpers/meeting-fixtures";

useDemoData();

const itemIn = (username: string, id: number, now?: number) => inboxFor(viewerOf(username), now).find((i) => i.recordId === id);

describe("an action item for TZ", () => {
  const today = todayInChina();
  const lastMs = endOfChinaDay(today);
  let id = 0;

  it("waits for TZ's political-legal staff, who may report it done; XH is not asked for a step", () => {
    id = holdAs("xh.pl", scheduleAs(), [decision("TZ", "tz.pl", { deadline: today })])[0];
    expect(itemIn("tz.pl", id, lastMs)).toMatchObject({ actions: ["complete"], overdue: false, path: `/meetings/${id}` });
    expect(itemIn("xh.pl", id, lastMs)?.actions ?? []).toEqual([]);
    expect(itemIn("xh.pl", id, lastMs)?.overdue ?? false).toBe(false);
  });

  it("is overdue one millisecond after its deadline day ends, for TZ only", () => {
    const after = lastMs + 1;
    expect(itemIn("tz.pl", id, lastMs)?.overdue).toBe(false);
    expect(itemIn("tz.pl", id, after)).toMatchObject({ overdue: true, actions: ["complete"] });
    expect(itemIn("tz.leader", id, after)).toMatchObject({ overdue: true, actions: [] });
    expect(itemIn("xh.pl", id, after)?.overdue ?? false).toBe(false);
    expect(itemIn("xh.leader", id, after)?.overdue ?? false).toBe(false);
    for (const u of ["yp.pl", "zj.pl", "tz.police", "tz.admin"]) expect(itemIn(u, id, after)).toBeUndefined();
    // Overdue items come first, and the badge counts the same things.
    const list = inboxFor(viewerOf("tz.pl"), after);
    const firstCalm = list.findIndex((i) => !i.overdue);
    expect(list.findIndex((i) => i.recordId === id)).toBeLessThan(firstCalm === -1 ? list.length : firstCalm);
    expect(inboxCount(viewerOf("tz.pl"), after)).toBe(list.length);
  });

  it("leaves TZ's steps once reported done, even past the deadline", () => {
    expect(completeActionItem(viewerOf("tz.pl"), recordOf(id), { note: "已完成" }).ok).toBe(true);
    const later = lastMs + 86_400_000;
    expect(itemIn("tz.pl", id, later)?.overdue ?? false).toBe(false);
    expect(itemIn("tz.pl", id, later)?.actions ?? []).toEqual([]);
  });
});

describe("the demo's overdue action item", () => {
  it("is overdue in TZ's inbox and not in XH's", () => {
    const overdue = (u: string) => inboxFor(viewerOf(u)).filter((i) => i.workflow === "meeting" && i.overdue);
    expect(overdue("tz.pl")).toHaveLength(1);
    expect(overdue("xh.pl")).toEqual([]);
    expect(overdue("yp.pl")).toEqual([]);
  });
});

describe("a scheduled meeting", () => {
  it("asks only its host for a step (record the minutes or cancel)", () => {
    const id = scheduleAs("xh.pl", { hostCountyId: countyIdOf("TZ") });
    expect(itemIn("tz.pl", id)).toMatchObject({ actions: ["hold", "cancel"] });
    expect(itemIn("xh.pl", id)?.actions ?? []).toEqual([]);
    expect(itemIn("tz.leader", id)?.actions ?? []).toEqual([]);
  });
});
