/**
 * Links between records: made only between records the viewer sees, by a role that may write in
 * the first one's thread; shown on either side only to viewers who see both; hidden and missing
 * records refused alike; events that name nothing the other side's viewers may not see.
 */
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, recordLinks, threadEntries } from "~db/schema";
import { translator } from "~/i18n";
import { linkEventText } from "~/components/records/record-links";
import { findVisibleRecord } from "~/modules/access/policy.server";
import { getDb, writeTransaction } from "~/modules/db/connection.server";
import { createRecord, type NewRecordInput } from "~/modules/records/create.server";
import { handleLinkPost, linkRecords, linksOf, unlinkRecords, visibleRecordsById } from "~/modules/records/links.server";
import { useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { userIdOf } from "./helpers/pact-fixtures";
import { postAs, settle } from "./helpers/requests";

useDemoData();

function open(username: string, over: Partial<NewRecordInput> & { title: string }) {
  const result = writeTransaction((tx) =>
    createRecord(tx, viewerOf(username), { workflow: "hazard", pactId: null, description: "", regionId: null, placeText: "", status: "reported", ...over }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

const zh = translator("zh-CN");
const linkedIds = (username: string, recordId: number) => linksOf(viewerOf(username), recordId).map((l) => l.id);
const eventsOf = (recordId: number) =>
  getDb()
    .select()
    .from(threadEntries)
    .where(and(eq(threadEntries.recordId, recordId), eq(threadEntries.kind, "event")))
    .orderBy(asc(threadEntries.id))
    .all()
    .filter((e) => e.eventAction === "link" || e.eventAction === "unlink");
const denialsBy = (username: string) =>
  getDb().select().from(auditLog).where(and(eq(auditLog.action, "access.denied"), eq(auditLog.actorUserId, userIdOf(username)))).all();
const linkCount = () => getDb().select().from(recordLinks).all().length;

/** A record page's link form, posted for real and read back as FormData. */
async function postLink(username: string, recordId: number, fields: Record<string, string>) {
  const request = await postAs(username, `/hazards/${recordId}`, fields);
  const record = findVisibleRecord(viewerOf(username), recordId)!;
  return settle(Promise.resolve().then(async () => handleLinkPost(viewerOf(username), record, await request.formData(), zh)));
}

const r = {} as Record<"xhTz" | "xhYp" | "xhYp2" | "tzOwn" | "policeOnly", { id: number; refNo: string }>;

beforeAll(() => {
  r.xhTz = open("xh.pl", { pactId: pactIdBetween("XH", "TZ"), title: "天柱一侧烟花仓库" });
  r.xhYp = open("xh.pl", { pactId: pactIdBetween("XH", "YP"), title: "玉屏一侧河道隐患" });
  r.xhYp2 = open("yp.pl", { pactId: pactIdBetween("XH", "YP"), title: "玉屏巡防发现的落石" });
  r.tzOwn = open("tz.pl", { title: "天柱县内部隐患" });
  r.policeOnly = open("xh.police", { workflow: "notice", pactId: pactIdBetween("XH", "TZ"), policeOnly: true, status: "sent", title: "仅公安可见的通报" });
});

describe("linking", () => {
  it("links two records the viewer sees, with an event on both threads and an audit entry", () => {
    expect(linkRecords(viewerOf("xh.pl"), r.xhYp.id, r.xhTz.id)).toEqual({ ok: true });
    expect(getDb().select().from(recordLinks).where(eq(recordLinks.fromRecordId, r.xhYp.id)).all()).toMatchObject([
      { toRecordId: r.xhTz.id, createdBy: userIdOf("xh.pl") },
    ]);
    expect(eventsOf(r.xhYp.id)).toMatchObject([{ eventAction: "link", payload: JSON.stringify({ recordId: r.xhTz.id }), body: "" }]);
    expect(eventsOf(r.xhTz.id)).toMatchObject([{ eventAction: "link", payload: JSON.stringify({ recordId: r.xhYp.id }), body: "" }]);
    const audit = getDb().select().from(auditLog).where(eq(auditLog.action, "record.link")).all();
    expect(audit).toMatchObject([{ actorUserId: userIdOf("xh.pl"), entityType: "hazard", entityId: String(r.xhYp.id) }]);
    expect(JSON.parse(audit[0].after!)).toMatchObject({ linkedRecordId: r.xhTz.id, linkedRefNo: r.xhTz.refNo });
  });

  it("shows a link on both sides only to viewers who may see both records", () => {
    expect(linkedIds("xh.pl", r.xhYp.id)).toEqual([r.xhTz.id]);
    expect(linkedIds("xh.pl", r.xhTz.id)).toEqual([r.xhYp.id]);
    expect(linksOf(viewerOf("xh.pl"), r.xhTz.id)[0]).toMatchObject({ direction: "from", refNo: r.xhYp.refNo, path: `/hazards/${r.xhYp.id}` });
    // YP sees the XH–YP hazard, but not the XH–TZ one it is linked to; TZ the other way round.
    expect(linkedIds("yp.pl", r.xhYp.id)).toEqual([]);
    expect(linkedIds("tz.pl", r.xhTz.id)).toEqual([]);
    // A record the viewer does not see has no links for them at all.
    expect(linkedIds("yp.pl", r.xhTz.id)).toEqual([]);
    expect(linkedIds("zj.pl", r.xhYp.id)).toEqual([]);
  });

  it("the event on a record names the other record only for viewers who may see it", () => {
    const event = eventsOf(r.xhYp.id)[0];
    const view = { eventAction: event.eventAction, payload: JSON.parse(event.payload!), authorName: "姚红梅" };
    expect(event.payload).not.toContain(r.xhTz.refNo);
    expect(event.payload).not.toContain("烟花");
    const forYp = visibleRecordsById(viewerOf("yp.pl"), [view.payload.recordId]);
    expect(forYp.size).toBe(0);
    expect(linkEventText(zh, view, forYp)).toBe("姚红梅 关联了事项 另一事项（您无权查看）");
    const forXh = visibleRecordsById(viewerOf("xh.pl"), [view.payload.recordId]);
    expect(linkEventText(zh, view, forXh)).toBe(`姚红梅 关联了事项 ${r.xhTz.refNo} 天柱一侧烟花仓库`);
  });

  it("refuses a link to itself and a second link between the same records, either way round", () => {
    const before = linkCount();
    expect(linkRecords(viewerOf("xh.pl"), r.xhYp.id, r.xhYp.id)).toEqual({ ok: false, reason: "self" });
    expect(linkRecords(viewerOf("xh.pl"), r.xhYp.id, r.xhTz.id)).toEqual({ ok: false, reason: "duplicate" });
    expect(linkRecords(viewerOf("xh.pl"), r.xhTz.id, r.xhYp.id)).toEqual({ ok: false, reason: "duplicate" });
    expect(linkCount()).toBe(before);
  });

  it("refuses a hidden record exactly as a missing one, in the answer and in the audit trail", () => {
    const before = linkCount();
    const hidden = linkRecords(viewerOf("yp.pl"), r.xhYp2.id, r.xhTz.id);
    const missing = linkRecords(viewerOf("yp.pl"), r.xhYp2.id, 999_999);
    expect(hidden).toEqual({ ok: false, reason: "notFound" });
    expect(missing).toEqual(hidden);
    const trail = denialsBy("yp.pl").map((d) => ({ entityType: d.entityType, after: d.after }));
    expect(trail).toEqual([
      { entityType: "record", after: JSON.stringify({ attempted: "link" }) },
      { entityType: "record", after: JSON.stringify({ attempted: "link" }) },
    ]);
    // Police-only notices are hidden from non-police, even in the owner county.
    expect(linkRecords(viewerOf("xh.pl"), r.xhTz.id, r.policeOnly.id)).toEqual({ ok: false, reason: "notFound" });
    expect(linkCount()).toBe(before);
  });

  it("needs the comment capability on the first record's workflow", () => {
    expect(linkRecords(viewerOf("xh.leader"), r.xhYp.id, r.xhTz.id)).toEqual({ ok: false, reason: "forbidden" });
    // A grid worker may write in hazard threads, so may link hazards.
    expect(linkRecords(viewerOf("xh.grid"), r.xhTz.id, r.xhYp2.id)).toEqual({ ok: true });
    expect(unlinkRecords(viewerOf("xh.grid"), r.xhYp2.id, r.xhTz.id)).toEqual({ ok: true });
  });
});

describe("unlinking", () => {
  it("removes the link from either side, with events and an audit entry", () => {
    expect(linkRecords(viewerOf("xh.pl"), r.xhTz.id, r.xhYp2.id)).toEqual({ ok: true });
    // YP sees only one of the two: to YP the link does not exist.
    expect(unlinkRecords(viewerOf("yp.pl"), r.xhYp2.id, r.xhTz.id)).toEqual({ ok: false, reason: "notFound" });
    expect(unlinkRecords(viewerOf("xh.pl"), r.xhYp2.id, r.xhTz.id)).toEqual({ ok: true });
    expect(linkedIds("xh.pl", r.xhYp2.id)).toEqual([]);
    expect(eventsOf(r.xhYp2.id).map((e) => e.eventAction)).toEqual(["link", "unlink", "link", "unlink"]);
    expect(unlinkRecords(viewerOf("xh.pl"), r.xhYp2.id, r.xhTz.id)).toEqual({ ok: false, reason: "gone" });
    const audit = getDb().select().from(auditLog).where(eq(auditLog.action, "record.unlink")).all().at(-1)!;
    expect(audit).toMatchObject({ actorUserId: userIdOf("xh.pl"), entityId: String(r.xhYp2.id) });
    expect(JSON.parse(audit.before!)).toMatchObject({ linkedRecordId: r.xhTz.id });
  });
});

describe("the record page's link form (handleLinkPost)", () => {
  it("links by reference number, typed in any case", async () => {
    const answer = await postLink("yp.pl", r.xhYp2.id, { intent: "link", refNo: ` ${r.xhYp.refNo.toLowerCase()} ` });
    expect(answer).toMatchObject({ ok: true, intent: "link", notice: "linked", message: "已关联。" });
    expect(linkedIds("yp.pl", r.xhYp2.id)).toEqual([r.xhYp.id]);
  });

  it("answers an unknown and a hidden reference number with the same message, and writes nothing", async () => {
    const before = { links: linkCount(), entries: getDb().select().from(threadEntries).all().length };
    const hidden = await postLink("yp.pl", r.xhYp2.id, { intent: "link", refNo: r.xhTz.refNo });
    const missing = await postLink("yp.pl", r.xhYp2.id, { intent: "link", refNo: "XH-YH-1999-9999" });
    const tzOwn = await postLink("yp.pl", r.xhYp2.id, { intent: "link", refNo: r.tzOwn.refNo });
    expect(hidden).toEqual({ ok: false, intent: "link", errors: { refNo: "未找到该编号的事项" }, values: { refNo: r.xhTz.refNo } });
    expect(missing).toMatchObject({ ok: false, errors: { refNo: "未找到该编号的事项" } });
    expect(tzOwn).toMatchObject({ ok: false, errors: { refNo: "未找到该编号的事项" } });
    expect({ links: linkCount(), entries: getDb().select().from(threadEntries).all().length }).toEqual(before);
  });

  it("says what is wrong: empty, itself, already linked", async () => {
    expect(await postLink("yp.pl", r.xhYp2.id, { intent: "link", refNo: "  " })).toMatchObject({ errors: { refNo: "请输入事项编号" } });
    expect(await postLink("yp.pl", r.xhYp2.id, { intent: "link", refNo: r.xhYp2.refNo })).toMatchObject({ errors: { refNo: "不能关联事项本身" } });
    expect(await postLink("xh.pl", r.xhYp.id, { intent: "link", refNo: r.xhYp2.refNo })).toMatchObject({ errors: { refNo: "已关联该事项" } });
  });

  it("unlinks by the other record's id; a link the viewer cannot see is 'gone'", async () => {
    expect(await postLink("yp.pl", r.xhYp2.id, { intent: "unlink", recordId: String(r.xhYp.id) })).toMatchObject({ ok: true, notice: "unlinked" });
    expect(await postLink("yp.pl", r.xhYp2.id, { intent: "unlink", recordId: String(r.xhYp.id) })).toMatchObject({ ok: false, errors: { links: "该关联不存在或已解除" } });
    expect(await postLink("yp.pl", r.xhYp.id, { intent: "unlink", recordId: String(r.xhTz.id) })).toMatchObject({ ok: false, errors: { links: "该关联不存在或已解除" } });
    expect(await postLink("yp.pl", r.xhYp.id, { intent: "unlink", recordId: "abc" })).toMatchObject({ ok: false, errors: { links: "该关联不存在或已解除" } });
    // XH still sees its link between the XH–YP and XH–TZ hazards.
    expect(linkedIds("xh.pl", r.xhYp.id)).toEqual([r.xhTz.id]);
  });

  it("a read-only role gets 403, another intent 400, and nothing is written", async () => {
    const before = linkCount();
    const refused = await postLink("xh.leader", r.xhYp.id, { intent: "link", refNo: r.xhYp2.refNo });
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(403);
    const other = await postLink("xh.pl", r.xhYp.id, { intent: "thread", refNo: r.xhYp2.refNo });
    expect((other as Response).status).toBe(400);
    expect(linkCount()).toBe(before);
  });
});
