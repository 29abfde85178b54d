/** The notice forms: vehicles as repeated fields, Beijing incident time, steps' fields, filters. */
import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { beijingLocalToMs, noticeFiltersFromUrl, parseNoticeStep, parseSendForm, vehiclesOf } from "~/modules/notices/schemas";

const t = translator("zh-CN");

function form(fields: Record<string, string | string[]>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  return fd;
}

const VALID = {
  kind: "bulletin", urgency: "critical", incidentAt: "2026-01-05T21:30", placeText: "凉伞镇", crimeCategory: "抢劫",
  summary: "案情", request: "协查", pactId: "3", addresseeCountyIds: ["2", "4"], restriction: "police", handlingCode: "no_evidence_use",
};

describe("parseSendForm", () => {
  it("reads a full form: Beijing time, addressees, restriction, vehicles without blank rows", () => {
    const parsed = parseSendForm(form({ ...VALID, "vehicle-0-plate": "湘N1", "vehicle-3-colour": "红", "vehicle-5-plate": "ignored" }), t);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data.incidentAt).toBe(Date.parse("2026-01-05T13:30:00Z"));
    expect(parsed.data.addresseeCountyIds).toEqual([2, 4]);
    expect(parsed.data.policeOnly).toBe(true);
    expect(parsed.data.vehicles).toEqual([{ plate: "湘N1", type: "", colour: "" }, { plate: "", type: "", colour: "红" }]);
  });

  it("shared restriction is not police-only", () => {
    const parsed = parseSendForm(form({ ...VALID, restriction: "shared" }), t);
    expect(parsed.ok && parsed.data.policeOnly).toBe(false);
  });

  it("tells each missing or bad field in Chinese", () => {
    const parsed = parseSendForm(form({ urgency: "slow", incidentAt: "昨天", "vehicle-0-plate": "x".repeat(31) }), t);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toMatchObject({
      kind: "请选择通报类型", urgency: "请选择紧急程度", incidentAt: "时间格式不正确", placeText: "请填写案发地点",
      request: "请写明请求对方做什么", addresseeCountyIds: "请至少选择一个接收县", restriction: "请选择知悉范围",
    });
    expect(parsed.errors["vehicle-0-plate"]).toBeTruthy();
  });

  it("refuses an incident in the future", () => {
    const parsed = parseSendForm(form({ ...VALID, incidentAt: "2999-01-01T00:00" }), t);
    expect(!parsed.ok && parsed.errors.incidentAt).toBe("案发时间不能晚于现在");
  });
});

describe("helpers", () => {
  it("beijingLocalToMs reads datetime-local as UTC+8", () => {
    expect(beijingLocalToMs("2026-11-22T14:05")).toBe(Date.parse("2026-11-22T06:05:00Z"));
    expect(Number.isNaN(beijingLocalToMs("2026-11-22 14:05"))).toBe(true);
  });
  it("vehiclesOf takes at most five rows", () => {
    const fd = form(Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`vehicle-${i}-plate`, `P${i}`])));
    expect(vehiclesOf(fd).vehicles).toHaveLength(5);
  });
  it("report_result needs a result and a note; counts default to 0", () => {
    const bad = parseNoticeStep("report_result", form({ suspectsCaught: "-1" }), t);
    expect(!bad.ok && bad.errors).toMatchObject({ result: "请选择结果", suspectsCaught: "请填写 0 或正整数", note: "请填写说明" });
    const ok = parseNoticeStep("report_result", form({ result: "nothing_found", note: "未发现" }), t);
    expect(ok).toEqual({ ok: true, data: { result: "nothing_found", suspectsCaught: 0, itemsRecovered: 0, note: "未发现" } });
  });
  it("list filters ignore what they cannot read", () => {
    expect(noticeFiltersFromUrl(new URL("http://x/notices?status=bogus&direction=sent&overdue=1&urgency=critical"))).toEqual({
      status: undefined, kind: undefined, urgency: "critical", direction: "sent", overdue: true, page: undefined,
    });
  });
});
