/** The report form's parties (repeated fields), and the masking of phone and ID numbers. */
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { maskIdNumber, maskPhone } from "~/modules/disputes/personal-data.server";
import { parseReportForm, parseSessionForm } from "~/modules/disputes/schemas";

const t = translator("zh-CN");
const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) data.append(k, x);
  return data;
};
const head = { title: "纠纷", type: "water", description: "用水纠纷", peopleInvolved: "3" };
const party = (i: number, extra: Record<string, string> = {}) => ({
  [`party-${i}-name`]: `当事人${i}`, [`party-${i}-countyId`]: "1", [`party-${i}-phone`]: `1380000000${i}`, ...extra,
});

describe("the report form", () => {
  it("reads parties from repeated fields, skipping empty rows; risk defaults to low, amount to 0", () => {
    const parsed = parseReportForm(form({ ...head, ...party(0), ...party(3, { [`party-3-idNumber`]: "43122919800101123x" }), "party-1-countyId": "2" }), t);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data).toMatchObject({ escalationRisk: "low", amountInvolved: 0, peopleInvolved: 3, pactId: null, committeeId: null });
    expect(parsed.data.parties).toEqual([
      { name: "当事人0", countyId: 1, village: "", phone: "13800000000", idNumber: "" },
      { name: "当事人3", countyId: 1, village: "", phone: "13800000003", idNumber: "43122919800101123X" },
    ]);
  });

  it("needs two parties, each with a name, county and phone digits; an ID number has 18 characters", () => {
    const one = parseReportForm(form({ ...head, ...party(0) }), t);
    expect(one.ok ? {} : one.errors).toEqual({ parties: "请至少填写 2 方当事人" });
    const bad = parseReportForm(form({ ...head, ...party(0, { "party-0-phone": "+86 138" }), "party-1-village": "阳寨村", ...{ "party-2-name": "x", "party-2-countyId": "1", "party-2-phone": "13800000002", "party-2-idNumber": "12345678901234567Y" } }), t);
    expect(bad.ok ? {} : bad.errors).toEqual({
      "party-0-phone": "电话号码应为 7 至 15 位数字",
      "party-1-name": "请填写当事人姓名",
      "party-1-countyId": "请选择当事人所属县",
      "party-1-phone": "请填写联系电话",
      "party-2-idNumber": "身份证号应为 18 位，最后一位可为 X",
    });
  });

  it("people ≥ 1 and amount ≥ 0 in whole yuan", () => {
    const bad = parseReportForm(form({ ...head, peopleInvolved: "0", amountInvolved: "12.5", ...party(0), ...party(1) }), t);
    expect(bad.ok ? {} : bad.errors).toEqual({ peopleInvolved: "涉及人数应为不小于 1 的整数", amountInvolved: "金额应为不小于 0 的整数（元）" });
  });

  it("a session needs a date not in the future, a place, mediators and notes", () => {
    const parsed = parseSessionForm(form({ heldOn: "2999-01-01", place: "", notes: "" }), t);
    expect(parsed.ok ? {} : parsed.errors).toEqual({
      heldOn: "日期不能晚于今天", place: "请填写调解地点", mediatorIds: "请至少选择一名参加调解的调解员", notes: "请填写调解情况",
    });
  });
});

describe("masking", () => {
  it("keeps the first three and last four digits", () => {
    expect(maskPhone("13812341234")).toBe("138****1234");
    expect(maskIdNumber("43122919800101123X")).toBe("431***********123X");
  });
});
