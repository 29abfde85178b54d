/**
 * Per-pact sign-for deadlines: defaults (24 h / 2 h / 30 min) until a pact sets its own. They are
 * terms of the pact: set only by an amendment every member countersigned (see
 * pacts-amendments.test.ts), on a pact covering notices; minutes are whole numbers from 5 to 10080
 * (messages in Chinese); the pact page shows the card only where notices are covered.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { pactNoticeDeadlines } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import { DEFAULT_SIGN_MINUTES } from "~/modules/notices/machine";
import { noticeDeadlinesFor, signDeadlineFor, signMinutesOf } from "~/modules/notices/deadlines.server";
import { countersignAmendment, proposeAmendment } from "~/modules/pacts/amendments.server";
import { action, loader } from "~/routes/pacts.$pactId._index";
import { callRoute, pactGet, pactPost } from "./helpers/pact-requests";
import { useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";

useDemoData();

const rowsOf = (pactId: number) => getDb().select().from(pactNoticeDeadlines).where(eq(pactNoticeDeadlines.pactId, pactId)).all();

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
  });

  it("there is nothing to show for a pact without notices or for a county outside the pact", () => {
    expect(noticeDeadlinesFor(viewerOf("xh.pl"), pactIdBetween("XH", "YP"))).toBeNull();
    expect(noticeDeadlinesFor(viewerOf("zj.pl"), pactIdBetween("XH", "TZ"))).toBeNull();
  });
});

describe("an adopted amendment sets them", () => {
  it("once countersigned, the pact's own rows hold the new minutes and new notices use them (no duplicate rows)", () => {
    const pactId = pactIdBetween("XH", "TZ");
    const terms = (minutes: { normal: number; urgent: number; critical: number }) => ({
      workflows: ["hazard", "dispute", "notice", "patrol", "meeting", "project"] as const,
      endsOn: getDb().$client.prepare("select ends_on from pacts where id = ?").pluck().get(pactId) as string | null,
      noticeDeadlines: minutes,
      note: null,
    });
    for (const minutes of [{ normal: 720, urgent: 60, critical: 15 }, { normal: 1440, urgent: 90, critical: 20 }]) {
      const proposed = proposeAmendment(viewerOf("xh.pl"), pactId, { ...terms(minutes), workflows: [...terms(minutes).workflows] });
      expect(proposed.ok).toBe(true);
      expect(countersignAmendment(viewerOf("tz.admin"), pactId, proposed as { amendmentId: number })).toEqual({ ok: true, adopted: true });
      expect(signMinutesOf(getDb(), pactId)).toEqual({ minutes, own: { normal: true, urgent: true, critical: true } });
    }
    expect(rowsOf(pactId)).toHaveLength(3);
    expect(signDeadlineFor(getDb(), pactId, "urgent", 0)).toBe(90 * 60_000);
  });
});

describe("the card and the amendment form on the pact page", () => {
  const path = (pactId: number) => `/pacts/${pactId}`;

  it("the page carries the deadlines only for a pact that covers notices", async () => {
    const xt = pactIdBetween("XH", "TZ");
    const xy = pactIdBetween("XH", "YP");
    const a = await callRoute(loader, await pactGet("xh.pl", path(xt)), { pactId: String(xt) });
    expect(a.data.noticeDeadlines.minutes).toEqual(signMinutesOf(getDb(), xt).minutes);
    const b = await callRoute(loader, await pactGet("xh.pl", path(xy)), { pactId: String(xy) });
    expect(b.data.noticeDeadlines).toBeNull();
  });

  it("rejects minutes outside 5..10080, fractions, words and blanks with a Chinese message next to each field", async () => {
    const pactId = pactIdBetween("XH", "TZ");
    const before = signMinutesOf(getDb(), pactId).minutes;
    const workflows = ["hazard", "dispute", "notice", "patrol", "meeting", "project"];
    for (const [normal, urgent, critical] of [["4", "60", "15"], ["10081", "60", "15"], ["720", "2.5", "15"], ["720", "60", "abc"], ["720", "", "15"]]) {
      const fields = { intent: "amend_propose", workflows, endsOn: "", normal, urgent, critical };
      const answer = await callRoute(action, await pactPost("xh.pl", path(pactId), fields), { pactId: String(pactId) });
      expect(answer.status).toBe(400);
      expect(answer.data.intent).toBe("amend_propose");
      const messages = Object.values(answer.data.errors as Record<string, string>);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toBe("请填写 5 至 10080 之间的整数分钟数");
    }
    expect(signMinutesOf(getDb(), pactId).minutes).toEqual(before);
  });

  it("answers 403 to a police liaison and 404 to a county outside the pact", async () => {
    const pactId = pactIdBetween("XH", "TZ");
    const fields = { intent: "amend_propose", workflows: ["notice"], endsOn: "", normal: "60", urgent: "30", critical: "10" };
    expect((await callRoute(action, await pactPost("xh.police", path(pactId), fields), { pactId: String(pactId) })).status).toBe(403);
    expect((await callRoute(action, await pactPost("zj.pl", path(pactId), fields), { pactId: String(pactId) })).status).toBe(404);
  });
});
