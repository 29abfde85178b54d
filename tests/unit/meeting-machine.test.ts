/** The meeting machine as data (both kinds of record), its forms' schemas, and the browser-safe vocabulary. */
import { describe, expect, it } from "vitest";
import * as dbMeetings from "~db/schema/meetings";
import { translator } from "~/i18n";
import { CAPABILITIES, ROLES } from "~/modules/access/capabilities";
import { ACTION_ITEM_STATUSES, MEETING_ACTIONS, MEETING_MACHINE, MEETING_STATUSES } from "~/modules/meetings/machine";
import { parseHoldForm, parseScheduleForm, parseStepForm } from "~/modules/meetings/schemas";
import * as vocabulary from "~/modules/meetings/vocabulary";
import { availableTransitions } from "~/modules/records/state-machine";

const t = translator("zh-CN");
const form = (fields: Record<string, string | string[]>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  return fd;
};

describe("the meeting machine", () => {
  it("starts at scheduled; held, cancelled and done are final; meeting and action-item states never overlap", () => {
    expect(MEETING_MACHINE.initial).toBe("scheduled");
    expect([...MEETING_MACHINE.final].sort()).toEqual(["cancelled", "done", "held"]);
    expect(MEETING_STATUSES.filter((s) => (ACTION_ITEM_STATUSES as readonly string[]).includes(s))).toEqual([]);
    for (const s of ["held", "cancelled"]) expect(MEETING_MACHINE.transitions.filter((tr) => tr.from.includes(s as never))).toEqual([]);
    for (const s of MEETING_STATUSES) expect(vocabulary.isMeetingStatus(s) && !vocabulary.isActionItemStatus(s)).toBe(true);
    for (const s of ACTION_ITEM_STATUSES) expect(vocabulary.isActionItemStatus(s) && !vocabulary.isMeetingStatus(s)).toBe(true);
  });

  it("every action is used and every target is a state of its own kind", () => {
    expect(new Set(MEETING_MACHINE.transitions.map((tr) => tr.action))).toEqual(new Set(MEETING_ACTIONS));
    for (const tr of MEETING_MACHINE.transitions) {
      const kind = vocabulary.isMeetingStatus(tr.to);
      for (const f of tr.from) expect(vocabulary.isMeetingStatus(f)).toBe(kind);
    }
  });

  it("walks every cell role × state × action against the table written here", () => {
    const allowed: Record<string, string[]> = { scheduled: ["hold", "cancel"], held: [], cancelled: [], open: ["complete"], done: ["reopen"] };
    for (const role of ROLES) {
      for (const status of [...MEETING_STATUSES, ...ACTION_ITEM_STATUSES]) {
        const actions = availableTransitions(MEETING_MACHINE, status, [role]).map((tr) => tr.action).sort();
        expect(actions, `${role} · ${status}`).toEqual(role === "pl_staff" ? [...allowed[status]].sort() : []);
      }
    }
    for (const tr of MEETING_MACHINE.transitions) for (const role of tr.roles) expect(CAPABILITIES[role].meeting).toContain("transition");
  });

  it("each step's form requires exactly the fields the machine lists", () => {
    for (const tr of MEETING_MACHINE.transitions) {
      const parsed = parseStepForm(tr.action, new FormData(), t);
      expect(parsed.ok ? [] : Object.keys(parsed.errors).sort(), tr.action).toEqual([...tr.requires].sort());
    }
  });

  it("the browser-safe vocabulary matches the database's", () => {
    expect(vocabulary.MEETING_LEVELS).toEqual(dbMeetings.MEETING_LEVELS);
  });
});

describe("the minutes form", () => {
  const today = "2026-05-10";
  const now = Date.parse(`${today}T12:00:00+08:00`);
  const row = (i: number, text: string, county: string, owner: string, deadline: string) => ({
    [`decision-${i}-text`]: text, [`decision-${i}-county`]: county, [`decision-${i}-owner`]: owner, [`decision-${i}-deadline`]: deadline,
  });

  it("reads filled rows in order and drops blank ones (a county chosen alone is blank)", () => {
    const parsed = parseHoldForm(form({ minutes: "纪要", ...row(0, "甲", "1", "u1", "2026-05-10"), ...row(1, "", "2", "", ""), ...row(3, "乙", "2", "u2", "2026-06-01") }), t, now);
    expect(parsed).toEqual({
      ok: true,
      data: {
        minutes: "纪要",
        decisions: [
          { text: "甲", responsibleCountyId: 1, ownerUserId: "u1", deadline: "2026-05-10" },
          { text: "乙", responsibleCountyId: 2, ownerUserId: "u2", deadline: "2026-06-01" },
        ],
      },
    });
  });

  it("names each wrong field of each row, in Chinese", () => {
    const parsed = parseHoldForm(form({ minutes: "纪要", ...row(0, "甲", "", "u1", "2026-05-09"), ...row(2, "", "1", "u1", "2026-02-30") }), t, now);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual({
      "decision-0-county": "请选择责任县",
      "decision-0-deadline": "办结期限不能早于今天",
      "decision-2-text": "请填写决定事项",
      "decision-2-deadline": "日期格式不正确",
    });
  });

  it("wants minutes and at least one decision", () => {
    const parsed = parseHoldForm(form({ minutes: " " }), t, now);
    expect(parsed.ok ? {} : parsed.errors).toEqual({ minutes: "请填写会议纪要", decisions: "请至少填写一项会议决定" });
  });
});

describe("the scheduling form", () => {
  const base = { pactId: "3", level: "county", hostCountyId: "1", title: "联席会议", startsAt: "2026-06-01T09:30", placeText: "会议室" };

  it("reads Beijing time, attendees, and agenda rows with upper-cased reference numbers", () => {
    const parsed = parseScheduleForm(form({ ...base, attendeeIds: ["a", "b", "a"], "agenda-0-title": "议题一", "agenda-0-ref": "xh-tj-2026-0001", "agenda-2-title": "议题二" }), t);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data.startsAt).toBe(Date.parse("2026-06-01T09:30:00+08:00"));
    expect(parsed.data.attendeeIds).toEqual(["a", "b"]);
    expect(parsed.data.agenda).toEqual([{ title: "议题一", refNo: "XH-TJ-2026-0001" }, { title: "议题二", refNo: "" }]);
  });

  it("a reference number without a topic, and no agenda at all, are refused next to their fields", () => {
    const rowless = parseScheduleForm(form({ ...base, "agenda-1-ref": "XH-TJ-2026-0001" }), t);
    expect(rowless.ok ? {} : rowless.errors).toEqual({ "agenda-1-title": "请填写议题" });
    const none = parseScheduleForm(form({ ...base }), t);
    expect(none.ok ? {} : none.errors).toEqual({ agenda: "请至少填写一项议题" });
    const bad = parseScheduleForm(form({ ...base, startsAt: "明天", level: "province", "agenda-0-title": "议题" }), t);
    expect(bad.ok ? {} : Object.keys(bad.errors).sort()).toEqual(["level", "startsAt"]);
  });
});
