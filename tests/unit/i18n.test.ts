import { describe, expect, it } from "vitest";
import { DICTIONARIES, formatDate, formatDateTime, todayInChina, translator } from "~/i18n";

describe("dictionaries", () => {
  it("zh-CN and en have the same keys, none empty", () => {
    const zh = Object.keys(DICTIONARIES["zh-CN"]).sort();
    const en = Object.keys(DICTIONARIES.en).sort();
    expect(en).toEqual(zh);
    for (const locale of ["zh-CN", "en"] as const) {
      for (const [key, text] of Object.entries(DICTIONARIES[locale])) {
        expect(text.trim(), `${locale} ${key}`).not.toBe("");
      }
    }
  });

  it("placeholders match between the languages", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, zh] of Object.entries(DICTIONARIES["zh-CN"])) {
      expect(names(DICTIONARIES.en[key as keyof typeof DICTIONARIES.en]), key).toEqual(names(zh));
    }
  });

  it("fills parameters", () => {
    expect(translator("zh-CN")("form.tooLong", { max: 32 })).toBe("不能超过 32 个字");
    expect(translator("en")("form.tooLong", { max: 32 })).toBe("At most 32 characters");
  });
});

describe("dates", () => {
  it("shows UTC instants in Beijing time", () => {
    const ms = Date.UTC(2026, 10, 22, 6, 5);
    expect(formatDateTime(ms, "zh-CN")).toBe("2026年11月22日 14:05");
    expect(formatDateTime(ms, "en")).toContain("14:05");
  });

  it("calendar dates and today's date in China", () => {
    expect(formatDate("2026-01-05", "zh-CN")).toBe("2026年1月5日");
    // 23:30 UTC on 31 Dec is already 1 January in Beijing.
    expect(todayInChina(Date.UTC(2026, 11, 31, 23, 30))).toBe("2027-01-01");
  });
});
