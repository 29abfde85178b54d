/** The hazard forms: what each requires, in Chinese, and how dates and choices are read. */
import { describe, expect, it } from "vitest";
import { todayInChina, translator } from "~/i18n";
import { parseForm } from "~/modules/forms/validation";
import { DAY_MS, endOfChinaDay } from "~/modules/hazards/deadlines";
import { parseStepForm, reportSchema } from "~/modules/hazards/schemas";
import { planSweepSchema, PLAN_SWEEP_LISTS } from "~/modules/hazards/sweep-schemas";

const t = translator("zh-CN");
const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) data.append(k, one);
  return data;
};
const day = (offset: number) => todayInChina(Date.now() + offset * DAY_MS);

describe("the report form", () => {
  it("needs a name, a category, a severity and a description; nothing else", () => {
    const empty = parseForm(reportSchema, form({}), t);
    expect(empty.ok ? {} : empty.errors).toEqual({
      title: "请填写隐患名称", category: "请选择隐患类别", severity: "请选择隐患等级", description: "请描述隐患情况",
    });
    const minimal = parseForm(reportSchema, form({ title: " 山塘渗水 ", category: "water", severity: "general", description: "渗水" }), t);
    expect(minimal).toEqual({
      ok: true,
      data: { title: "山塘渗水", category: "water", severity: "general", source: "grid_sweep", pactId: null, regionId: null, placeText: "", description: "渗水", sweepId: null },
    });
  });

  it("reads pact and region as ids, refuses what is not one", () => {
    const ok = parseForm(reportSchema, form({ title: "x", category: "fire", severity: "major", description: "y", pactId: "3", regionId: "12" }), t);
    expect(ok.ok && [ok.data.pactId, ok.data.regionId]).toEqual([3, 12]);
    const bad = parseForm(reportSchema, form({ title: "x", category: "bomb", severity: "huge", description: "y", pactId: "1 or 1=1" }), t);
    expect(bad.ok ? {} : bad.errors).toEqual({ category: "请选择隐患类别", severity: "请选择隐患等级", pactId: "请选择有效的选项" });
  });
});

describe("the steps", () => {
  it("a deadline is a day, today or later, stored as the last millisecond of that day in Beijing", () => {
    const today = parseStepForm("rectify", form({ measures: "清理", deadline: day(0), responsibleCountyId: "1" }), t);
    expect(today.ok && today.data).toMatchObject({ action: "rectify", deadline: endOfChinaDay(day(0)), responsibleCountyId: 1 });
    expect(endOfChinaDay("2026-11-22")).toBe(Date.UTC(2026, 10, 22, 15, 59, 59, 999));
    const yesterday = parseStepForm("adjust", form({ measures: "清理", deadline: day(-1), note: "延期" }), t);
    expect(yesterday.ok ? {} : yesterday.errors).toEqual({ deadline: "整改期限不能早于今天" });
    const nonsense = parseStepForm("adjust", form({ measures: "清理", deadline: "2026-13-01", note: "延期" }), t);
    expect(nonsense.ok ? {} : nonsense.errors).toEqual({ deadline: "请输入有效的日期" });
  });

  it("verify takes an optional note; eliminate and dismiss need one", () => {
    expect(parseStepForm("verify", form({}), t)).toEqual({ ok: true, data: { action: "verify", note: "" } });
    for (const action of ["eliminate", "dismiss"] as const) {
      const parsed = parseStepForm(action, form({ note: "  " }), t);
      expect(parsed.ok ? {} : parsed.errors).toEqual({ note: "请填写说明" });
    }
  });

  it("speaks English to English users", () => {
    const parsed = parseStepForm("rectify", form({}), translator("en"));
    expect(parsed.ok ? {} : parsed.errors).toEqual({ measures: "Describe the measures", deadline: "Choose a deadline", responsibleCountyId: "Choose the responsible county" });
  });
});

describe("the sweep form", () => {
  it("needs a pact, a title, a scope, a date and at least one of the county's people", () => {
    const empty = parseForm(planSweepSchema, form({ kind: "periodic" }), t, PLAN_SWEEP_LISTS);
    expect(empty.ok ? {} : empty.errors).toEqual({
      pactId: "请选择协议", title: "请填写排查名称", scope: "请填写排查范围", plannedOn: "请选择排查日期", participantIds: "请至少选择一名本县参加人员",
    });
    const ok = parseForm(planSweepSchema, form({ pactId: "2", kind: "focused", title: "t", scope: "s", plannedOn: "2026-12-01", participantIds: ["a", "a", "b"] }), t, PLAN_SWEEP_LISTS);
    expect(ok.ok && ok.data).toEqual({ pactId: 2, kind: "focused", title: "t", scope: "s", plannedOn: "2026-12-01", participantIds: ["a", "b"] });
  });
});
