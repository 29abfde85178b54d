/** The proposal form: each field's message next to it in Chinese, milestone rows by row, the term. */
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { milestoneAddSchema, parseProposal, projectFiltersFromUrl } from "~/modules/projects/schemas";

const t = translator("zh-CN");

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) data.append(k, x);
  return data;
}

const valid = {
  pactId: "1", field: "culture", title: "联合送戏下乡", description: "全年 12 场", startsOn: "2026-03-01", endsOn: "2026-12-31",
  budget: "240,000", addresseeCountyIds: ["2"], "contribution-1": "出演员", "contribution-2": "出场地",
  "milestone-0-title": "首场演出", "milestone-0-dueOn": "2026-04-01", "milestone-0-county": "1",
  "milestone-3-title": "总结", "milestone-3-dueOn": "2026-12-20", "milestone-3-county": "2",
  "milestone-1-county": "1",
};

describe("parseProposal", () => {
  it("reads a valid proposal: budget without separators, blank rows dropped, rows keep their number", () => {
    const parsed = parseProposal(form(valid), t);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data).toMatchObject({ pactId: 1, budget: 240000, addresseeCountyIds: [2], contributions: { 1: "出演员", 2: "出场地" } });
    expect(parsed.data.milestones).toEqual([
      { row: 0, title: "首场演出", dueOn: "2026-04-01", responsibleCountyId: 1 },
      { row: 3, title: "总结", dueOn: "2026-12-20", responsibleCountyId: 2 },
    ]);
  });

  it("an empty form: a message for every required field, in Chinese", () => {
    const parsed = parseProposal(form({}), t);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual({
      pactId: "请选择所依协议",
      field: "请选择领域",
      title: "请填写项目名称",
      description: "请填写项目目标与内容",
      startsOn: "请填写开始日期",
      endsOn: "请填写结束日期",
      addresseeCountyIds: "请至少选择一个协作县",
      milestones: "请至少填写一个项目节点",
    });
  });

  it("puts milestone messages on the row's own fields; dates within the term; the end after the start", () => {
    const parsed = parseProposal(
      form({
        ...valid, endsOn: "2026-02-01", budget: "-5",
        "milestone-3-dueOn": "2026-02-30", "milestone-0-title": "", "milestone-0-dueOn": "2026-04-01",
        "milestone-4-title": "只有名称",
      }),
      t,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toMatchObject({
      endsOn: "结束日期不能早于开始日期",
      budget: "预算请填写不超过一千亿的整数（元）",
      "milestone-0-title": "请填写节点名称",
      "milestone-3-dueOn": "请填写正确的日期",
      "milestone-4-dueOn": "请填写完成时限",
    });
    const outside = parseProposal(form({ ...valid, "milestone-0-dueOn": "2027-01-05" }), t);
    expect(outside.ok ? null : outside.errors).toEqual({ "milestone-0-dueOn": "完成时限应在项目期限之内" });
  });

  it("keeps what was typed, partners as a list", () => {
    const parsed = parseProposal(form({ ...valid, title: "" }), t);
    expect(parsed.ok ? null : parsed.values).toMatchObject({ description: "全年 12 场", addresseeCountyIds: ["2"], "milestone-0-title": "首场演出" });
  });
});

describe("the other forms", () => {
  it("adding a milestone needs a title, a real date and a county", () => {
    const r = milestoneAddSchema.safeParse({ title: " ", dueOn: "2026-13-01", responsibleCountyId: "" });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["title", "projects.form.milestoneTitleRequired"],
      ["dueOn", "projects.form.badDate"],
      ["responsibleCountyId", "projects.form.responsibleRequired"],
    ]);
  });

  it("list filters ignore what they cannot read", () => {
    const f = projectFiltersFromUrl(new URL("http://x/projects?status=active&field=nope&side=lead&overdue=1&page=-2"));
    expect(f).toEqual({ status: "active", field: undefined, side: "lead", overdue: true, page: undefined });
  });
});
