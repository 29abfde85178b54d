/**
 * Search through the real FTS5 trigram index: Chinese by one, two and three or more characters,
 * in titles, descriptions, reference numbers and thread messages; internal notes only for their
 * county; the access policy inside the SQL for the rows and the count alike.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { records } from "~db/schema";
import { findVisibleRecord } from "~/modules/access/policy.server";
import { getDb, writeTransaction } from "~/modules/db/connection.server";
import { HAZARD_MACHINE } from "~/modules/hazards/machine";
import { createRecord, type NewRecordInput } from "~/modules/records/create.server";
import { postThreadEntry } from "~/modules/records/thread.server";
import { applyTransition } from "~/modules/records/transitions.server";
import { searchRecords, SEARCH_PAGE_SIZE, type SearchQuery } from "~/modules/search/search.server";
import { searchTerms } from "~/modules/search/terms";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";

useDemoData();

function open(username: string, over: Partial<NewRecordInput> & { title: string }) {
  const result = writeTransaction((tx) =>
    createRecord(tx, viewerOf(username), {
      workflow: "hazard",
      pactId: null,
      description: "",
      regionId: null,
      placeText: "",
      status: "reported",
      ...over,
    }),
  );
  if (!result.ok) throw new Error(`record refused: ${JSON.stringify(result.errors)}`);
  return result;
}

function say(username: string, recordId: number, body: string, internal = false) {
  const record = findVisibleRecord(viewerOf(username), recordId);
  if (!record) throw new Error(`${username} cannot see record ${recordId}`);
  postThreadEntry(viewerOf(username), record, { body, internal });
}

const find = (username: string, q: string, more: Partial<SearchQuery> = {}) =>
  searchRecords(viewerOf(username), { terms: searchTerms(q), ...more });
const idsFound = (username: string, q: string, more: Partial<SearchQuery> = {}) => find(username, q, more).hits.map((h) => h.id);

const r = {} as Record<"fireworks" | "rockfall" | "internal" | "policeOnly" | "notice" | "tzLand" | "percent" | "thousand", { id: number; refNo: string }>;

beforeAll(() => {
  const xhTz = pactIdBetween("XH", "TZ");
  const xhYp = pactIdBetween("XH", "YP");
  r.fireworks = open("xh.pl", { pactId: xhTz, title: "界碑旁私存烟花爆竹", description: "群众举报：坪地镇与凉伞镇交界处有人囤放，线索代号麤麤麤。" });
  say("tz.pl", r.fireworks.id, "我方网格员已到场核实，发现龘字号仓库。");
  say("xh.pl", r.fireworks.id, "新晃内部：举报人骉某，请勿外传。", true);
  say("tz.pl", r.fireworks.id, "天柱内部备注：鱻鱻鱻待核。", true);
  r.rockfall = open("xh.pl", { pactId: xhYp, title: "皂角坪河道落石隐患", description: "汛期前须清理。" });
  r.internal = open("xh.pl", { title: "新晃县内部排查记录", description: "仅本县掌握的排查情况（厵）。" });
  r.policeOnly = open("xh.police", { workflow: "notice", pactId: xhTz, policeOnly: true, status: "sent", title: "警情通报：凌晨摩托车被盗（猋猋案）", description: "嫌疑人三人骑车逃往天柱方向，灥。" });
  r.notice = open("xh.police", { workflow: "notice", pactId: xhTz, status: "sent", title: "协查请求：盗窃团伙", description: "请协助查找被盗车辆，案号羴羴，灥。" });
  r.tzLand = open("tz.pl", { pactId: xhTz, title: "山林界桩损毁", description: "阳寨村一侧的界桩被推倒（掱）。" });
  r.percent = open("xh.pl", { title: "整改完成率100%_达标爩", description: "" });
  r.thousand = open("xh.pl", { title: "整改完成率1000达标爩", description: "" });
});

describe("finding Chinese text", () => {
  it("by one, two, and three or more characters, in titles and descriptions", () => {
    for (const q of ["烟", "烟花", "私存烟花", "界碑旁私存烟花爆竹", "囤", "交界处"]) {
      expect(idsFound("tz.pl", q), q).toContain(r.fireworks.id);
    }
    for (const q of ["麤", "麤麤", "麤麤麤", "线索代号麤"]) {
      expect(idsFound("tz.pl", q), q).toEqual([r.fireworks.id]);
    }
  });

  it("in thread messages of either county, and says where", () => {
    for (const q of ["龘", "龘字", "龘字号仓库"]) {
      const hit = find("xh.pl", q).hits.find((h) => h.id === r.fireworks.id);
      expect(hit?.hitIn, q).toBe("message");
      expect(hit?.snippet.hit).toBe(q);
    }
  });

  it("by reference number, in any letter case", () => {
    // (XH-YH-2026-0001 is also inside XH-YH-2026-0010: a reference number may find a few.)
    expect(idsFound("tz.pl", r.fireworks.refNo)).toContain(r.fireworks.id);
    expect(idsFound("tz.pl", r.fireworks.refNo.toLowerCase())).toContain(r.fireworks.id);
    expect(idsFound("tz.pl", r.fireworks.refNo)).not.toContain(r.rockfall.id);
  });

  it("every term must occur in the record, in its own text or its thread", () => {
    expect(idsFound("xh.pl", "烟花 龘字号")).toEqual([r.fireworks.id]);
    expect(idsFound("xh.pl", "麤 龘")).toEqual([r.fireworks.id]);
    expect(idsFound("xh.pl", "麤 掱")).toEqual([]);
  });

  it("takes % and _ literally, short or long", () => {
    // Both records carry 爩, so each query below could find either.
    expect(idsFound("xh.pl", "爩")).toEqual([r.thousand.id, r.percent.id]);
    expect(idsFound("xh.pl", "% 爩")).toEqual([r.percent.id]);
    expect(idsFound("xh.pl", "_ 爩")).toEqual([r.percent.id]);
    expect(idsFound("xh.pl", "100% 爩")).toEqual([r.percent.id]);
    expect(idsFound("xh.pl", "%_ 爩")).toEqual([r.percent.id]);
    expect(idsFound("xh.pl", "率100%_达")).toEqual([r.percent.id]);
    // Quotes and FTS5 operators are text too.
    expect(idsFound("xh.pl", '"烟花" OR *')).toEqual([]);
    expect(idsFound("xh.pl", '"""')).toEqual([]);
  });
});

describe("internal notes", () => {
  it("are found only by the county that wrote them", () => {
    expect(idsFound("xh.pl", "骉")).toEqual([r.fireworks.id]);
    expect(find("xh.pl", "骉").hits[0].hitIn).toBe("internal");
    expect(idsFound("xh.leader", "请勿外传")).toEqual([r.fireworks.id]);
    expect(find("tz.pl", "骉")).toMatchObject({ hits: [], total: 0 });
    expect(find("tz.pl", "请勿外传")).toMatchObject({ hits: [], total: 0 });
    expect(idsFound("tz.pl", "鱻鱻鱻")).toEqual([r.fireworks.id]);
    expect(find("xh.pl", "鱻")).toMatchObject({ hits: [], total: 0 });
  });

  it("never lend another county's note to a snippet", () => {
    // Both notes contain 内部; TZ's snippet must come from its own note.
    const hit = find("tz.pl", "内部").hits.find((h) => h.id === r.fireworks.id)!;
    expect(hit.hitIn).toBe("internal");
    const text = hit.snippet.before + hit.snippet.hit + hit.snippet.after;
    expect(text).toContain("天柱内部备注");
    expect(text).not.toContain("骉");
  });
});

describe("the access policy, in the SQL", () => {
  it("YP never finds an XH–TZ record: not in the rows, not in the count", () => {
    for (const q of ["麤", "麤麤", "麤麤麤", "龘字号", "掱", "灥", "羴羴"]) {
      expect(find("yp.pl", q), q).toMatchObject({ hits: [], total: 0 });
    }
    for (const q of ["烟花", "烟", r.fireworks.refNo, "山林界桩", "盗"]) {
      expect(idsFound("yp.pl", q), q).not.toContain(r.fireworks.id);
    }
    expect(idsFound("yp.pl", "皂角坪河道落石")).toEqual([r.rockfall.id]);
  });

  it("YP finds only what it may see, even for the widest query", () => {
    const found = find("yp.pl", "XH-");
    expect(found.hits.map((h) => h.id)).toContain(r.rockfall.id);
    for (const hit of found.hits) expect(findVisibleRecord(viewerOf("yp.pl"), hit.id)).not.toBeNull();
    for (const hidden of [r.fireworks, r.internal, r.policeOnly, r.notice, r.tzLand]) {
      expect(found.hits.map((h) => h.id)).not.toContain(hidden.id);
    }
  });

  it("ZJ finds nothing of the others", () => {
    for (const q of ["XH-", "TZ-", "烟", "隐患", "落石", "整改", "%"]) {
      expect(find("zj.pl", q), q).toMatchObject({ hits: [], total: 0 });
    }
  });

  it("another county does not find a county's internal record", () => {
    expect(idsFound("xh.leader", "厵")).toEqual([r.internal.id]);
    expect(find("tz.pl", "厵").total).toBe(0);
    expect(find("yp.pl", "厵").total).toBe(0);
  });

  it("police-only notices are found by police liaisons alone", () => {
    expect(idsFound("xh.police", "猋猋")).toEqual([r.policeOnly.id]);
    expect(idsFound("tz.police", "猋")).toEqual([r.policeOnly.id]);
    for (const username of ["xh.pl", "xh.leader", "tz.pl", "tz.leader"]) {
      expect(find(username, "猋"), username).toMatchObject({ hits: [], total: 0 });
      expect(idsFound(username, "摩托车"), username).not.toContain(r.policeOnly.id);
    }
    // The same query finds the ordinary notice for pl staff, but never the police-only one.
    expect(idsFound("tz.pl", "被盗")).toContain(r.notice.id);
    expect(idsFound("tz.pl", "被盗")).not.toContain(r.policeOnly.id);
  });

  it("roles see only their workflows: a grid worker finds hazards, not notices", () => {
    expect(idsFound("tz.grid", "羴羴")).toEqual([]);
    expect(idsFound("tz.pl", "羴羴")).toEqual([r.notice.id]);
    expect(idsFound("tz.grid", "掱")).toEqual([r.tzLand.id]);
  });
});

describe("filters", () => {
  it("workflow and status", () => {
    expect(idsFound("tz.police", "灥", { workflow: "notice" })).toEqual([r.notice.id, r.policeOnly.id]);
    expect(idsFound("tz.police", "灥", { workflow: "hazard" })).toEqual([]);
    const rockfall = findVisibleRecord(viewerOf("xh.pl"), r.rockfall.id)!;
    expect(applyTransition(viewerOf("xh.pl"), rockfall, HAZARD_MACHINE, "verify")).toMatchObject({ ok: true });
    expect(idsFound("xh.pl", "皂角坪河道落石", { status: "verifying" })).toEqual([r.rockfall.id]);
    expect(idsFound("xh.pl", "皂角坪河道落石", { status: "reported" })).toEqual([]);
  });

  it("owner county and pact", () => {
    expect(idsFound("xh.pl", "掱", { countyId: countyIdOf("TZ") })).toEqual([r.tzLand.id]);
    expect(idsFound("xh.pl", "掱", { countyId: countyIdOf("XH") })).toEqual([]);
    const xhYp = pactIdBetween("XH", "YP");
    const underXhYp = idsFound("xh.pl", "XH-", { pactId: xhYp });
    expect(underXhYp).toContain(r.rockfall.id);
    expect(underXhYp).not.toContain(r.fireworks.id);
    // A pact of other counties finds nothing, even for records the viewer sees.
    expect(idsFound("yp.pl", "皂角坪河道落石", { pactId: pactIdBetween("XH", "TZ") })).toEqual([]);
  });

  it("created dates are Beijing calendar days", () => {
    const { id } = open("xh.pl", { title: "跨年夜巡查发现的隐患（蠡）" });
    // 00:30 on 1 January 2025 in Beijing is still 31 December in UTC.
    getDb().update(records).set({ createdAt: Date.parse("2025-01-01T00:30:00+08:00") }).where(eq(records.id, id)).run();
    const day = (iso: string) => Date.parse(`${iso}T00:00:00+08:00`);
    expect(idsFound("xh.pl", "蠡", { from: day("2025-01-01"), to: day("2025-01-02") })).toEqual([id]);
    expect(idsFound("xh.pl", "蠡", { from: day("2024-12-31"), to: day("2025-01-01") })).toEqual([]);
    expect(idsFound("xh.pl", "蠡", { from: day("2025-01-02") })).toEqual([]);
  });
});

describe("results", () => {
  it("one row per record, however many of its texts match", () => {
    say("xh.pl", r.tzLand.id, "界桩已拍照。");
    say("tz.pl", r.tzLand.id, "界桩将于下周重立。");
    const found = find("xh.pl", "界桩");
    expect(found.hits.filter((h) => h.id === r.tzLand.id)).toHaveLength(1);
    // The snippet comes from the record's own text before its thread: its description, since
    // the reference number and title are shown anyway.
    expect(found.hits.find((h) => h.id === r.tzLand.id)).toMatchObject({
      hitIn: "record",
      snippet: { before: "阳寨村一侧的", hit: "界桩", after: "被推倒（掱）。" },
    });
    expect(find("xh.pl", "% 爩").hits[0].snippet).toEqual({ before: "", hit: "", after: "" });
  });

  it("newest first, 20 to a page, and the pages add up to the count", () => {
    const made = Array.from({ length: 45 }, (_, i) => open("tz.pl", { title: `分页检查第${i + 1}号（鬱）` }).id);
    const first = find("tz.pl", "鬱 分页检查");
    expect(first.total).toBe(45);
    expect(first.pageCount).toBe(3);
    expect(first.hits).toHaveLength(SEARCH_PAGE_SIZE);
    const all = [1, 2, 3].flatMap((page) => find("tz.pl", "鬱 分页检查", { page }).hits.map((h) => h.id));
    expect(all).toEqual([...made].reverse());
    // Past the last page: the last page.
    expect(find("tz.pl", "鬱 分页检查", { page: 9 }).page).toBe(3);
    // XH sees none of these TZ-internal records.
    expect(find("xh.pl", "鬱 分页检查").total).toBe(0);
  });

  it("each row links to its record's page and names its owner county", () => {
    const hit = find("yp.pl", "皂角坪河道落石").hits[0];
    expect(hit).toMatchObject({ refNo: r.rockfall.refNo, workflow: "hazard", ownerCountyName: "新晃侗族自治县", path: `/hazards/${r.rockfall.id}` });
  });

  it("an empty query finds nothing", () => {
    expect(find("xh.pl", "   ")).toMatchObject({ hits: [], total: 0 });
  });
});
