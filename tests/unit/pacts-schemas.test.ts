import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { parseForm } from "~/modules/forms/validation";
import {
  JOINT_BODY_LISTS, PROPOSAL_LISTS, jointBodySchema, proposalSchema, reasonSchema,
} from "~/modules/pacts/schemas";

const zh = translator("zh-CN");

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) data.append(k, item);
  return data;
}

const valid = {
  title: "新晃—芷江平安边界“六联”协议",
  partnerCountyIds: ["4"],
  workflows: ["hazard", "dispute"],
  startsOn: "2026-12-01",
  endsOn: "2028-11-30",
  articles: "第一条 共同法律依据。",
  liaisonIds: ["u-1"],
};

describe("the proposal form", () => {
  it("accepts a complete proposal and normalises it", () => {
    const result = parseForm(proposalSchema, form({ ...valid, workflows: ["hazard", "hazard", "dispute"], endsOn: "" }), zh, PROPOSAL_LISTS);
    expect(result.ok && result.data).toMatchObject({ partnerCountyIds: [4], workflows: ["hazard", "dispute"], endsOn: null });
  });

  it("says in Chinese what is missing, next to each field", () => {
    const result = parseForm(proposalSchema, form({ title: " ", startsOn: "", articles: "" }), zh, PROPOSAL_LISTS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      title: "此项为必填项",
      partnerCountyIds: "请至少选择一个合作县",
      workflows: "请至少选择一项联动事项",
      startsOn: "此项为必填项",
      articles: "此项为必填项",
      liaisonIds: "请至少指定一名联席人",
    });
  });

  it("checks dates: real calendar dates, the end after the start (even while other fields are wrong)", () => {
    const bad = parseForm(proposalSchema, form({ ...valid, startsOn: "2026-02-30" }), zh, PROPOSAL_LISTS);
    expect(!bad.ok && bad.errors.startsOn).toBe("请输入有效日期");
    const reversed = parseForm(proposalSchema, form({ ...valid, title: "", endsOn: "2026-11-30" }), zh, PROPOSAL_LISTS);
    expect(!reversed.ok && reversed.errors).toMatchObject({ title: "此项为必填项", endsOn: "终止日期须晚于生效日期" });
    const sameDay = parseForm(proposalSchema, form({ ...valid, endsOn: valid.startsOn }), zh, PROPOSAL_LISTS);
    expect(!sameDay.ok && sameDay.errors.endsOn).toBe("终止日期须晚于生效日期");
  });

  it("refuses unknown workflows and over-long articles", () => {
    const result = parseForm(proposalSchema, form({ ...valid, workflows: ["smuggling"], articles: "条".repeat(20001) }), zh, PROPOSAL_LISTS);
    expect(!result.ok && result.errors).toMatchObject({ workflows: "请选择有效的选项", articles: "不能超过 20000 个字" });
    const english = parseForm(proposalSchema, form({ ...valid, partnerCountyIds: [] }), translator("en"), PROPOSAL_LISTS);
    expect(!english.ok && english.errors.partnerCountyIds).toBe("Choose at least one partner county");
  });
});

describe("the other pact forms", () => {
  it("a reason is required, up to 1000 characters", () => {
    expect(parseForm(reasonSchema, form({ reason: "  " }), zh)).toMatchObject({ ok: false, errors: { reason: "此项为必填项" } });
    expect(parseForm(reasonSchema, form({ reason: "字".repeat(1001) }), zh)).toMatchObject({ ok: false, errors: { reason: "不能超过 1000 个字" } });
    expect(parseForm(reasonSchema, form({ reason: " 汛期 " }), zh)).toEqual({ ok: true, data: { reason: "汛期" } });
  });

  it("a joint body: committees need a level, members need one tick, duties come with each member", () => {
    const committee = parseForm(jointBodySchema, form({ kind: "mediation_committee", level: "", name: "调委会", memberIds: [] }), zh, JOINT_BODY_LISTS);
    expect(!committee.ok && committee.errors).toEqual({ level: "请选择调委会层级", memberIds: "请至少选择一名成员" });
    const team = parseForm(
      jointBodySchema,
      form({ kind: "patrol_team", level: "village", name: "巡防队", memberIds: ["a", "b"], "duty.a": " 队长 ", "duty.c": "无关" }),
      zh,
      JOINT_BODY_LISTS,
    );
    expect(team.ok && team.data).toEqual({
      kind: "patrol_team",
      level: null,
      name: "巡防队",
      members: [{ userId: "a", duty: "队长" }, { userId: "b", duty: "" }],
    });
    const longDuty = parseForm(jointBodySchema, form({ kind: "patrol_team", name: "巡防队", memberIds: ["a"], "duty.a": "长".repeat(21) }), zh, JOINT_BODY_LISTS);
    expect(!longDuty.ok && longDuty.errors["duty.a"]).toBe("不能超过 20 个字");
  });
});
