/**
 * The demo notices are present and consistent: the motorbike theft as DOMAIN.md tells it (dawn,
 * urgent assistance request with a video still, signed within 15 minutes, three caught and the
 * bike recovered by 17:00, concluded with thanks), a year of other notices between XH and TZ,
 * reference numbers without gaps in date order, due dates where the receipts say, none for YP.
 */
import fs from "node:fs";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { attachments, noticeDetails, noticeReceipts, noticeVehicles, records, referenceSequences, threadEntries, users } from "~db/schema";
import { MOTORBIKE_STORY } from "~db/seed/notices-demo-data";
import { todayInChina } from "~/i18n";
import { findVisibleRecord } from "~/modules/access/policy.server";
import { getDb } from "~/modules/db/connection.server";
import { storedFilePath } from "~/modules/records/attachments.server";
import { checkFileType } from "~/modules/records/file-types";
import { yearInChina } from "~/modules/records/references.server";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";

useDemoData();

const MINUTE = 60_000;
const notices = () => getDb().select().from(records).where(eq(records.workflow, "notice")).orderBy(records.id).all();
const usernameOf = (userId: string | null) => getDb().select({ u: users.username }).from(users).where(eq(users.id, userId!)).get()!.u;
const beijing = (ms: number) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(ms);
const story = () => notices().find((r) => r.title.startsWith(MOTORBIKE_STORY.crimeCategory) && r.placeText === MOTORBIKE_STORY.placeText && r.regionId !== null)!;

describe("the motorbike theft", () => {
  it("XH's police sent TZ an urgent, police-only assistance request at 05:40 two days ago", () => {
    const r = story();
    expect(r).toBeDefined();
    expect(r.ownerCountyId).toBe(countyIdOf("XH"));
    expect(r.pactId).toBe(pactIdBetween("XH", "TZ"));
    expect(usernameOf(r.createdBy)).toBe("xh.police");
    expect(r.policeOnly).toBe(true);
    expect(beijing(r.createdAt)).toBe("05:40");
    expect(Date.now() - r.createdAt).toBeGreaterThan(36 * 60 * MINUTE);
    expect(Date.now() - r.createdAt).toBeLessThan(72 * 60 * MINUTE);
    const d = getDb().select().from(noticeDetails).where(eq(noticeDetails.recordId, r.id)).get()!;
    expect([d.kind, d.urgency, d.handlingCode]).toEqual(["assistance", "urgent", "crime_fighting_only"]);
    expect(getDb().select().from(noticeVehicles).where(eq(noticeVehicles.recordId, r.id)).all()).toHaveLength(1);
  });

  it("TZ signed within 15 minutes; three caught and the bike recovered by 17:00; XH concluded it with thanks", () => {
    const r = story();
    expect(r.status).toBe("concluded");
    expect(r.dueAt).toBeNull();
    const receipts = getDb().select().from(noticeReceipts).where(eq(noticeReceipts.recordId, r.id)).all();
    expect(receipts).toHaveLength(1);
    const [rc] = receipts;
    expect(rc.countyId).toBe(countyIdOf("TZ"));
    expect(usernameOf(rc.signedBy)).toBe("tz.police");
    expect(rc.signedAt! - r.createdAt).toBeLessThanOrEqual(15 * MINUTE);
    expect(rc.signDeadline - r.createdAt).toBe(120 * MINUTE);
    expect([rc.result, rc.suspectsCaught, rc.itemsRecovered]).toEqual(["caught_and_recovered", 3, 1]);
    expect(beijing(rc.resultAt!) <= "17:00").toBe(true);
    expect(todayInChina(rc.resultAt!)).toBe(todayInChina(r.createdAt));
    const thread = getDb().select().from(threadEntries).where(eq(threadEntries.recordId, r.id)).orderBy(threadEntries.createdAt, threadEntries.id).all();
    expect(thread.map((e) => e.eventAction).filter(Boolean)).toEqual(["create", "sign", "report_result", "conclude"]);
    const conclude = thread.find((e) => e.eventAction === "conclude")!;
    expect(usernameOf(conclude.authorUserId)).toBe("xh.police");
    expect(conclude.body).toContain("感谢");
    const authors = new Set(thread.filter((e) => e.kind === "message").map((e) => usernameOf(e.authorUserId)));
    expect(authors).toEqual(new Set(["xh.police", "tz.police"]));
  });

  it("carries a video still: a real PNG stored where uploads are stored", () => {
    const r = story();
    const files = getDb().select().from(attachments).where(eq(attachments.recordId, r.id)).all();
    expect(files).toHaveLength(1);
    expect(files[0].mimeType).toBe("image/png");
    const bytes = fs.readFileSync(storedFilePath(files[0].sha256));
    expect(bytes.length).toBe(files[0].size);
    expect(checkFileType(files[0].fileName, new Uint8Array(bytes)).ok).toBe(true);
  });

  it("is seen by both police liaisons and by no one else (police only)", () => {
    const id = story().id;
    expect(findVisibleRecord(viewerOf("xh.police"), id)).not.toBeNull();
    expect(findVisibleRecord(viewerOf("tz.police"), id)).not.toBeNull();
    for (const u of ["xh.pl", "tz.pl", "xh.leader", "yp.police", "zj.police"]) expect(findVisibleRecord(viewerOf(u), id), u).toBeNull();
  });
});

describe("a year of other notices", () => {
  it("about sixty, both directions, every kind and urgency, some shared with political-legal staff", () => {
    const rows = notices();
    expect(rows.length).toBeGreaterThanOrEqual(55);
    const xh = countyIdOf("XH");
    const tz = countyIdOf("TZ");
    expect(rows.every((r) => r.pactId === pactIdBetween("XH", "TZ"))).toBe(true);
    expect(rows.filter((r) => r.ownerCountyId === xh).length).toBeGreaterThan(15);
    expect(rows.filter((r) => r.ownerCountyId === tz).length).toBeGreaterThan(15);
    expect(rows.some((r) => !r.policeOnly)).toBe(true);
    const details = getDb().select().from(noticeDetails).all();
    expect(new Set(details.map((d) => d.kind)).size).toBe(4);
    expect(new Set(details.map((d) => d.urgency)).size).toBe(3);
    const now = Date.now();
    expect(rows.every((r) => r.createdAt > now - 366 * 24 * 60 * MINUTE && r.createdAt <= now)).toBe(true);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["sent", "in_progress", "concluded", "cancelled"]));
  });

  it("some signed late, some unsigned and overdue, one still waiting", () => {
    const now = Date.now();
    const receipts = getDb().select().from(noticeReceipts).innerJoin(records, eq(records.id, noticeReceipts.recordId)).all();
    expect(receipts.some(({ notice_receipts: r }) => r.signedAt !== null && r.signedAt > r.signDeadline)).toBe(true);
    expect(receipts.some(({ notice_receipts: r, records: rec }) => r.signedAt === null && r.signDeadline < now && rec.status === "sent")).toBe(true);
    expect(receipts.some(({ notice_receipts: r }) => r.signedAt === null && r.signDeadline > now)).toBe(true);
  });

  it("due dates are the earliest unsigned deadline of an open notice; closed and fully signed ones have none", () => {
    for (const r of notices()) {
      const receipts = getDb().select().from(noticeReceipts).where(eq(noticeReceipts.recordId, r.id)).all();
      const unsigned = receipts.filter((x) => x.signedAt === null).map((x) => x.signDeadline);
      const open = r.status === "sent" || r.status === "in_progress";
      expect(r.dueAt, r.refNo).toBe(open && unsigned.length ? Math.min(...unsigned) : null);
      expect(receipts).toHaveLength(1);
      if (r.status === "sent") expect(receipts[0].signedAt, r.refNo).toBeNull();
      if (r.status === "in_progress" || r.status === "concluded") expect(receipts[0].signedAt, r.refNo).not.toBeNull();
    }
  });

  it("reference numbers follow the engine's sequence: no gaps per county and year, in date order", () => {
    const rows = notices();
    const groups = new Map<string, typeof rows>();
    for (const r of rows) {
      const [code, workflow, year] = r.refNo.split("-");
      expect(workflow).toBe("TB");
      expect(Number(year)).toBe(yearInChina(r.createdAt));
      groups.set(`${code}-${year}`, [...(groups.get(`${code}-${year}`) ?? []), r]);
    }
    for (const [key, group] of groups) {
      const inDateOrder = [...group].sort((a, b) => a.createdAt - b.createdAt);
      expect(inDateOrder.map((r) => Number(r.refNo.split("-")[3])), key).toEqual(group.map((_, i) => i + 1));
      const [code, year] = key.split("-");
      const seq = getDb().select().from(referenceSequences)
        .where(and(eq(referenceSequences.countyId, countyIdOf(code)), eq(referenceSequences.workflow, "notice"), eq(referenceSequences.year, Number(year))))
        .get()!;
      expect(seq.lastValue, key).toBe(group.length);
    }
  });

  it("threads run in time order and replay the machine; YP and ZJ get none", () => {
    const now = Date.now();
    for (const r of notices()) {
      const thread = getDb().select().from(threadEntries).where(eq(threadEntries.recordId, r.id)).orderBy(threadEntries.id).all();
      expect(thread[0].eventAction).toBe("create");
      expect(thread.every((e, i) => i === 0 || e.createdAt >= thread[i - 1].createdAt)).toBe(true);
      expect(thread.at(-1)!.createdAt).toBeLessThanOrEqual(now);
      const events = thread.filter((e) => e.kind === "event" && e.toStatus);
      expect(events.at(-1)!.toStatus, r.refNo).toBe(r.status);
    }
    for (const code of ["YP", "ZJ"]) {
      expect(notices().some((r) => r.ownerCountyId === countyIdOf(code))).toBe(false);
      for (const u of ["police", "pl", "leader"]) {
        const v = viewerOf(`${code.toLowerCase()}.${u}`);
        expect(notices().filter((r) => findVisibleRecord(v, r.id))).toHaveLength(0);
      }
    }
  });
});
