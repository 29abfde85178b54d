/** The rules for turning typed text into search terms and snippets (no database needed). */
import { describe, expect, it } from "vitest";
import { recordStatusLabel } from "~/components/records/labels";
import { translator } from "~/i18n";
import { buildSnippet, charCount, containsPattern, ftsPhrases, isShortTerm, MAX_TERMS, searchTerms } from "~/modules/search/terms";

describe("search terms", () => {
  it("split on any whitespace, the full-width space of Chinese input included, without repeats", () => {
    expect(searchTerms("  烟花\u3000仓库\t烟花\n XH-YH ")).toEqual(["烟花", "仓库", "XH-YH"]);
    expect(searchTerms("a\u0000b")).toEqual(["a", "b"]);
    expect(searchTerms("1 2 3 4 5 6 7 8 9 10")).toHaveLength(MAX_TERMS);
    expect(searchTerms("   ")).toEqual([]);
  });

  it("count characters, not UTF-16 units: below three they are short and scanned with LIKE", () => {
    expect(charCount("隐患")).toBe(2);
    expect(charCount("𠮷𠮷")).toBe(2);
    expect(isShortTerm("𠮷𠮷")).toBe(true);
    expect(isShortTerm("隐患点")).toBe(false);
  });

  it("quote long terms as FTS5 phrases and escape LIKE wildcards", () => {
    expect(ftsPhrases(["烟花", "仓库点", 'a"b"c'])).toBe('"仓库点" "a""b""c"');
    expect(ftsPhrases(["烟"])).toBeNull();
    expect(containsPattern("1%_\\")).toBe("%1\\%\\_\\\\%");
  });
});

describe("snippets", () => {
  it("cut around the first hit of any term, case-insensitively, with ellipses", () => {
    const text = `${"前".repeat(40)}发现Fire隐患${"后".repeat(60)}`;
    const snippet = buildSnippet(text, ["隐患", "fire"]);
    expect(snippet.hit).toBe("Fire");
    expect(snippet.before.startsWith("…")).toBe(true);
    expect(snippet.after.endsWith("…")).toBe(true);
    expect(snippet.before.length).toBeLessThan(30);
  });

  it("start at the beginning when no term occurs verbatim", () => {
    expect(buildSnippet("短文本", ["无"])).toEqual({ before: "", hit: "", after: "短文本" });
  });
});

describe("labels of results", () => {
  it("name a status in the workflow's own words, or show it as stored when it has none", () => {
    // The hazards module's words (hazards.status.*), whatever they say.
    expect(recordStatusLabel(translator("zh-CN"), "hazard", "reported")).not.toBe("reported");
    // Notices and patrols have their words (notices.status.*, patrols.status.*); a status without words shows as stored.
    expect(recordStatusLabel(translator("zh-CN"), "notice", "sent")).toBe("待签收");
    expect(recordStatusLabel(translator("zh-CN"), "patrol", "planned")).toBe("计划中");
    expect(recordStatusLabel(translator("zh-CN"), "patrol", "no_such_status")).toBe("no_such_status");
  });
});
