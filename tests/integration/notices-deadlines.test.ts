/**
 * Per-pact sign-for deadlines: defaults (24 h / 2 h / 30 min) until a pact sets its own; only
 * political-legal staff and county admins of a member county may set them, on a pact covering
 * notices; minutes are whole numbers from 5 to 10080 (messages in Chinese); every change is
 * audited with before and after; the pact page shows the card only where notices are covered.
 */
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, pactNoticeDeadlines } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import { DEFAULT_SIGN_MINUTES } from "~/modules/notices/machine";
import { noticeDeadlinesFor, setNoticeDeadlines, signDeadlineFor, signMinutesOf } from "~/modules/notices/deadlines.server";
import { action, loader } from "~/routes/pacts.$pactId._index";
import { callRoute, pactGet, pactPost } from "./helpers/pact-requests";
import { useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";

useDemoData();

const rowsOf = (pactId: number) => getDb().select().from(pactNoticeDeadlines).where(eq(pactNoticeDeadlines.pactId, pactId)).all();
const lastAudit = (action: string) => getDb().select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).get();
const denials = (userId: string) => getDb().select().from(auditLog).where(and(eq(auditLog.action, "access.denied"), eq(auditLog.actorUserId, userId))).all().length;

describe("reading deadlines", () => {
  it("a pact without its own rows uses the defaults of the notice machine", () => {
    const pactId = pactIdBetween("XH", "TZ");
    expect(rowsOf(pactId)).toHaveLength(0);
    expect(signMinutesOf(getDb(), pactId).minutes).toEqual(DEFAULT_SIGN_MINUTES);
    expect(DEFAULT_SIGN_MINUTES).toEqual({ normal: 1440, urgent: 120, critical: 30 });
    expect(signDeadlineFor(getDb(), pactId, "critical", 1_000_000)).toBe(1_000_000 + 30 * 60_000);
    const view = noticeDeadlinesFor(viewerOf("xh.police"), pactId)!;
    expect(view.minutes).toEqual(DEFAULT_SIGN_MINUTES);
    expect(view.own).toEqual({ normal: false, urgent: false, critical: false });
    expect(view.mayEdit).toBe(false);
    expect(noticeDeadlinesFor(viewerOf("xh.pl"), pactId)!.mayEdit).toBe(true);
  });

  it("there is nothing to show for a pact without notices or for a county outside the pact", () => {
    expect(noticeDeadlinesFor(viewerOf("xh.pl"), pactIdBetween("XH", "YP"))).toBeNull();
    expect(noticeDeadlinesFor(viewerOf("zj.pl"), pactIdBetween("XH", "TZ"))).toBeNull();
  });
});

describe("who may set them", () => {
  const input = { normal: 720, urgent: 60, critical: 15 };

  it("political-legal staff of a member county set them; the change is audited with before and after", () => {
    const pactId = pactIdBetween("XH", "TZ");
    expect(setNoticeDeadlines(viewerOf("xh.pl"), pactId, input)).toEqual({ ok: true, minutes: input });
    expect(signMinutesOf(getDb(), pactId)).toEqual({ minutes: input, own: { normal: true, urgent: true, critical: true } });
    const entry = lastAudit("pact.notice_deadlines.set")!;
    expect(entry.actorUserId).toBe(viewerOf("xh.pl").userId);
    expect(entry.entityId).toBe(String(pactId));
    expect(JSON.parse(entry.before!)).toEqual(DEFAULT_SIGN_MINUTES);
    expect(JSON.parse(entry.after!)).toEqual(input);
    expect(signDeadlineFor(getDb(), pactId, "urgent", 0)).toBe(60 * 60_000);
  });

  it("the other member's county admin may change them again (no duplicate rows)", () => {
    const pactId = pactIdBetween("XH", "TZ");
    const next = { normal: 1440, urgent: 90, critical: 20 };
    expect(setNoticeDeadlines(viewerOf("tz.admin"), pactId, next).ok).toBe(true);
    expect(rowsOf(pactId)).toHaveLength(3);
    expect(JSON.parse(lastAudit("pact.notice_deadlines.set")!.before!)).toEqual(input);
  });

  it("police liaisons, leaders, mediators and grid workers may not (forbidden, recorded)", () => {
    const pactId = pactIdBetween("XH", "TZ");
    const before = signMinutesOf(getDb(), pactId).minutes;
    for (const u of ["xh.police", "tz.leader", "xh.mediator", "tz.grid"]) {
      const v = viewerOf(u);
      const n = denials(v.userId);
      expect(setNoticeDeadlines(v, pactId, input), u).toEqual({ ok: false, reason: "forbidden" });
      expect(denials(v.userId), u).toBe(n + 1);
    }
    expect(signMinutesOf(getDb(), pactId).minutes).toEqual(before);
  });

  it("a county outside the pact, or a pact without notices: not found", () => {
    expect(setNoticeDeadlines(viewerOf("zj.pl"), pactIdBetween("XH", "TZ"), input)).toEqual({ ok: false, reason: "not_found" });
    expect(setNoticeDeadlines(viewerOf("yp.admin"), pactIdBetween("XH", "TZ"), input)).toEqual({ ok: false, reason: "not_found" });
    expect(setNoticeDeadlines(viewerOf("xh.pl"), pactIdBetween("XH", "YP"), input)).toEqual({ ok: false, reason: "not_found" });
    expect(rowsOf(pactIdBetween("XH", "YP"))).toHaveLength(0);
  });
});

describe("the card and its form on the pact page", () => {
  const path = (pactId: number) => `/pacts/${pactId}`;

  it("the page carries the deadlines only for a pact that covers notices", async () => {
    const xt = pactIdBetween("XH", "TZ");
    const xy = pactIdBetween("XH", "YP");
    const a = await callRoute(loader, await pactGet("xh.pl", path(xt)), { pactId: String(xt) });
    expect(a.data.noticeDeadlines.mayEdit).toBe(true);
    const b = await callRoute(loader, await pactGet("xh.pl", path(xy)), { pactId: String(xy) });
    expect(b.data.noticeDeadlines).toBeNull();
  });

  it("rejects minutes outside 5..10080, fractions, words and blanks with a Chinese message next to each field", async () => {
    const pactId = pactIdBetween("XH", "TZ");
    const before = signMinutesOf(getDb(), pactId).minutes;
    for (const [normal, urgent, critical] of [["4", "60", "15"], ["10081", "60", "15"], ["720", "2.5", "15"], ["720", "60", "abc"], ["720", "", "15"]]) {
      const answer = await callRoute(action, await pactPost("xh.pl", path(pactId), { intent: "notice_deadlines", normal, urgent, critical }), { pactId: String(pactId) });
      expect(answer.status).toBe(400);
      expect(answer.data.intent).toBe("notice_deadlines");
      const messages = Object.values(answer.data.errors as Record<string, string>);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toBe("请填写 5 至 10080 之间的整数分钟数");
    }
    expect(signMinutesOf(getDb(), pactId).minutes).toEqual(before);
  });

  it("saves valid minutes and redirects back with a flash; the bounds themselves are allowed", async () => {
    const pactId = pactIdBetween("XH", "TZ");
    const answer = await callRoute(action, await pactPost("tz.pl", path(pactId), { intent: "notice_deadlines", normal: "10080", urgent: "120", critical: "5" }), { pactId: String(pactId) });
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`/pacts/${pactId}?deadlines=saved`);
    expect(signMinutesOf(getDb(), pactId).minutes).toEqual({ normal: 10080, urgent: 120, critical: 5 });
  });

  it("answers 403 to a police liaison and 404 to a county outside the pact", async () => {
    const pactId = pactIdBetween("XH", "TZ");
    const fields = { intent: "notice_deadlines", normal: "60", urgent: "30", critical: "10" };
    expect((await callRoute(action, await pactPost("xh.police", path(pactId), fields), { pactId: String(pactId) })).status).toBe(403);
    expect((await callRoute(action, await pactPost("zj.pl", path(pactId), fields), { pactId: String(pactId) })).status).toBe(404);
    const xy = pactIdBetween("XH", "YP");
    expect((await callRoute(action, await pactPost("xh.pl", path(xy), fields), { pactId: String(xy) })).status).toBe(404);
  });
});
