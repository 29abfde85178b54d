/**
 * Sign-for deadlines and overdue notices, with the clock under the test's control
 * (vi.useFakeTimers({ toFake: ["Date"] })): defaults by urgency, a pact's own setting, overdue
 * before and after the deadline, signing late recorded as late, each addressed county signing for
 * itself under a three-county pact, and the inbox putting overdue notices first for both sides.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { pactNoticeDeadlines } from "~db/schema";
import { requireVisibleRecord } from "~/modules/access/policy.server";
import { getDb } from "~/modules/db/connection.server";
import { describeNotice } from "~/modules/notices/detail.server";
import { listNotices, noticeCounts } from "~/modules/notices/list.server";
import { DEFAULT_SIGN_MINUTES } from "~/modules/notices/machine";
import { signMinutesFor } from "~/modules/notices/signing";
import { reportNoticeResult, signForNotice, takeNoticeStep } from "~/modules/notices/steps.server";
import { inboxCount, inboxFor } from "~/modules/records/inbox.server";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { activePactOf } from "./helpers/pact-fixtures";
import { receiptRow, recordOf, sendAs } from "./helpers/notice-fixtures";

useDemoData();

const MIN = 60_000;
/** The real time when the file loads: pacts made in the test start today. */
const T0 = Math.floor(Date.now() / MIN) * MIN;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

const sign = (username: string, id: number) => signForNotice(viewerOf(username), requireVisibleRecord(viewerOf(username), id));

describe("sign-for deadlines", () => {
  it("default to 24 h, 2 h and 30 min by urgency", () => {
    expect(DEFAULT_SIGN_MINUTES).toEqual({ normal: 1440, urgent: 120, critical: 30 });
    for (const [urgency, minutes] of [["normal", 1440], ["urgent", 120], ["critical", 30]] as const) {
      const id = sendAs("xh.police", { urgency });
      expect(receiptRow(id, "TZ")!.signDeadline).toBe(T0 + minutes * MIN);
      expect(recordOf(id).dueAt).toBe(T0 + minutes * MIN);
    }
  });

  it("follow the pact's own setting when it has one", () => {
    const pactId = pactIdBetween("XH", "TZ");
    getDb().insert(pactNoticeDeadlines).values({ pactId, urgency: "urgent", minutes: 45 }).run();
    try {
      expect(signMinutesFor(getDb(), pactId, "urgent")).toBe(45);
      expect(signMinutesFor(getDb(), pactId, "critical")).toBe(30);
      const id = sendAs("tz.police", { urgency: "urgent" });
      expect(receiptRow(id, "XH")!.signDeadline).toBe(T0 + 45 * MIN);
      const normal = sendAs("tz.police", { urgency: "normal" });
      expect(receiptRow(normal, "XH")!.signDeadline).toBe(T0 + 1440 * MIN);
    } finally {
      getDb().delete(pactNoticeDeadlines).run();
    }
  });
});

describe("overdue", () => {
  it("is marked once the deadline passes and stays recorded as late when signed afterwards", () => {
    const id = sendAs("xh.police", { urgency: "critical", crimeCategory: "逾期测试甲" });
    const overdueIds = (username: string) => listNotices(viewerOf(username), { overdue: true }).items.map((i) => i.id);
    vi.setSystemTime(T0 + 29 * MIN);
    expect(describeNotice(viewerOf("xh.police"), recordOf(id)).overdue).toBe(false);
    expect(overdueIds("xh.police")).not.toContain(id);
    vi.setSystemTime(T0 + 31 * MIN);
    const detail = describeNotice(viewerOf("xh.police"), recordOf(id));
    expect(detail.overdue).toBe(true);
    expect(detail.receipts[0].state).toBe("overdue");
    expect(overdueIds("xh.police")).toContain(id);
    expect(overdueIds("tz.police")).toContain(id);
    expect(noticeCounts(viewerOf("tz.police"), { overdue: false }).overdue).toBeGreaterThan(0);
    // Overdue notices stand first in the list, marked.
    const list = listNotices(viewerOf("tz.police"), { overdue: false }).items;
    expect(list[0].overdue).toBe(true);
    expect(list.findIndex((i) => !i.overdue)).toBeGreaterThan(list.findIndex((i) => i.id === id));

    expect(sign("tz.police", id)).toEqual({ ok: true, status: "in_progress" });
    const after = describeNotice(viewerOf("xh.police"), recordOf(id));
    expect(after.overdue).toBe(false);
    expect(after.receipts[0].state).toBe("signed_late");
    expect(after.receipts[0].signedAt).toBe(T0 + 31 * MIN);
    expect(after.receipts[0].signedBy).toBeTruthy();
    expect(recordOf(id).dueAt).toBeNull();
  });

  it("signed in time is not late", () => {
    const id = sendAs("xh.police", { urgency: "urgent" });
    vi.setSystemTime(T0 + 119 * MIN);
    sign("tz.police", id);
    expect(describeNotice(viewerOf("tz.police"), recordOf(id)).receipts[0].state).toBe("signed");
  });

  it("stands first in the inbox of the sender and the receiver, marked; the sender is not asked to sign", () => {
    const id = sendAs("xh.police", { urgency: "critical", crimeCategory: "逾期测试乙" });
    vi.setSystemTime(T0 + 5 * MIN);
    const xhBefore = inboxFor(viewerOf("xh.police")).find((i) => i.recordId === id);
    expect(xhBefore).toBeUndefined(); // nothing for the sender to do yet
    const tzBefore = inboxFor(viewerOf("tz.police")).find((i) => i.recordId === id)!;
    expect(tzBefore.actions).toEqual(["sign"]);
    expect(tzBefore.overdue).toBe(false);

    vi.setSystemTime(T0 + 31 * MIN);
    for (const username of ["xh.police", "tz.police"]) {
      const inbox = inboxFor(viewerOf(username));
      const item = inbox.find((i) => i.recordId === id)!;
      expect(item.overdue).toBe(true);
      expect(inbox.findIndex((i) => !i.overdue)).not.toBe(0);
      expect(inbox.slice(0, inbox.findIndex((i) => !i.overdue) === -1 ? inbox.length : inbox.findIndex((i) => !i.overdue)).every((i) => i.overdue)).toBe(true);
      expect(inboxCount(viewerOf(username))).toBe(inboxFor(viewerOf(username)).length);
    }
    expect(inboxFor(viewerOf("xh.police")).find((i) => i.recordId === id)!.actions).not.toContain("sign");

    sign("tz.police", id);
    const tzAfter = inboxFor(viewerOf("tz.police")).find((i) => i.recordId === id);
    expect(tzAfter?.actions ?? []).not.toContain("sign");
    expect(tzAfter?.overdue ?? false).toBe(false);
  });
});

describe("each addressed county signs for itself (XH–TZ–ZJ pact)", () => {
  let pactId: number;
  beforeAll(() => {
    pactId = activePactOf("xh.admin", ["TZ", "ZJ"], { workflows: ["notice"] });
  });

  it("keeps per-county receipts, due_at = earliest unsigned deadline, and the sender concludes", () => {
    vi.setSystemTime(Date.now());
    const start = Date.now();
    const id = sendAs("xh.police", { pactId, urgency: "urgent", addresseeCountyIds: [countyIdOf("TZ"), countyIdOf("ZJ")] });
    expect(recordOf(id).dueAt).toBe(start + 120 * MIN);
    vi.setSystemTime(start + 10 * MIN);
    expect(sign("zj.police", id)).toEqual({ ok: true, status: "in_progress" });
    expect(recordOf(id).dueAt).toBe(start + 120 * MIN); // TZ still unsigned
    expect(receiptRow(id, "ZJ")!.signedAt).toBe(start + 10 * MIN);
    expect(receiptRow(id, "TZ")!.signedAt).toBeNull();
    // ZJ cannot sign twice; XH (the sender) cannot sign at all.
    expect(sign("zj.police", id)).toEqual({ ok: false, reason: "conflict" });
    expect(sign("xh.police", id)).toEqual({ ok: false, reason: "forbidden" });
    // TZ can still report nothing until it signed.
    const tz = viewerOf("tz.police");
    expect(reportNoticeResult(tz, recordOf(id), { result: "nothing_found", suspectsCaught: 0, itemsRecovered: 0, note: "无" })).toEqual({ ok: false, reason: "conflict" });
    vi.setSystemTime(start + 130 * MIN);
    expect(describeNotice(viewerOf("xh.police"), recordOf(id)).overdue).toBe(true);
    expect(inboxFor(viewerOf("zj.police")).find((i) => i.recordId === id)?.overdue ?? false).toBe(false);
    expect(inboxFor(viewerOf("tz.police")).find((i) => i.recordId === id)!.overdue).toBe(true);
    expect(sign("tz.police", id)).toEqual({ ok: true, status: "in_progress" });
    expect(recordOf(id).dueAt).toBeNull();
    expect(describeNotice(tz, recordOf(id)).receipts.map((r) => r.state).sort()).toEqual(["signed", "signed_late"]);
    expect(takeNoticeStep(viewerOf("zj.police"), recordOf(id), "report_result", { result: "recovered", suspectsCaught: 0, itemsRecovered: 3, note: "追回" })).toEqual({ ok: true, status: "in_progress" });
    expect(inboxFor(viewerOf("xh.police")).find((i) => i.recordId === id)!.actions).toEqual(["conclude"]);
    expect(takeNoticeStep(viewerOf("zj.police"), recordOf(id), "conclude", { note: "x" })).toEqual({ ok: false, reason: "forbidden" });
    expect(takeNoticeStep(viewerOf("xh.police"), recordOf(id), "conclude", { note: "办结" })).toEqual({ ok: true, status: "concluded" });
  });

  it("TZ cannot sign for a notice addressed only to ZJ: it does not even see it", () => {
    const id = sendAs("xh.police", { pactId, addresseeCountyIds: [countyIdOf("ZJ")] });
    expect(() => requireVisibleRecord(viewerOf("tz.police"), id)).toThrow();
    expect(signForNotice(viewerOf("tz.police"), recordOf(id))).toEqual({ ok: false, reason: "forbidden" });
    expect(receiptRow(id, "TZ")).toBeUndefined();
    expect(inboxFor(viewerOf("tz.police")).some((i) => i.recordId === id)).toBe(false);
  });
});
