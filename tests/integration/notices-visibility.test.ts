/**
 * Who sees a notice, for every role of every demo county, on every surface: the list, its counts,
 * the detail (404 for the hidden), search and the inbox. A police-only notice is for police
 * liaisons of the sender and addressed counties only; one shared with political-legal staff also
 * for their pl_staff and leaders, never for mediators, grid workers or admins. YP's pact with XH
 * does not cover notices: YP sees none and cannot send one.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { findVisibleRecord } from "~/modules/access/policy.server";
import { listNotices, noticeCounts } from "~/modules/notices/list.server";
import { requireNotice } from "~/modules/notices/detail.server";
import { sendNotice } from "~/modules/notices/send.server";
import { inboxCount, inboxFor } from "~/modules/records/inbox.server";
import { searchRecords } from "~/modules/search/search.server";
import * as list from "~/routes/notices._index";
import * as detail from "~/routes/notices.$noticeId";
import * as send from "~/routes/notices.new";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { noticeInput, sendAs } from "./helpers/notice-fixtures";
import { callRoute, pactGet as get, pactPost as post } from "./helpers/pact-requests";

useDemoData();

const COUNTIES = ["xh", "tz", "yp", "zj"] as const;
const SUFFIXES = ["admin", "pl", "police", "mediator", "grid", "leader"] as const;
const USERS = COUNTIES.flatMap((c) => SUFFIXES.map((s) => ({ username: `${c}.${s}`, county: c, suffix: s })));

const POLICE_WORD = "警务专用甲子";
const SHARED_WORD = "政法共享乙丑";
let policeOnly: number;
let shared: number;

beforeAll(() => {
  policeOnly = sendAs("xh.police", { policeOnly: true, crimeCategory: `${POLICE_WORD}盗窃`, summary: `${POLICE_WORD} 的案情` });
  shared = sendAs("xh.police", { policeOnly: false, crimeCategory: `${SHARED_WORD}诈骗`, summary: `${SHARED_WORD} 的案情` });
});

const sides = (county: string) => county === "xh" || county === "tz";
const seesPoliceOnly = (u: (typeof USERS)[number]) => u.suffix === "police" && sides(u.county);
const seesShared = (u: (typeof USERS)[number]) => ["police", "pl", "leader"].includes(u.suffix) && sides(u.county);

describe.each(USERS)("$username", (u) => {
  it("sees exactly what the policy allows in list, counts, detail, search and inbox", () => {
    const viewer = viewerOf(u.username);
    for (const [id, word, sees] of [
      [policeOnly, POLICE_WORD, seesPoliceOnly(u)],
      [shared, SHARED_WORD, seesShared(u)],
    ] as const) {
      const listed = listNotices(viewer, { overdue: false }).items.map((i) => i.id);
      expect(listed.includes(id)).toBe(sees);
      expect(findVisibleRecord(viewer, id) !== null).toBe(sees);
      if (!sees) expect(() => requireNotice(viewer, String(id))).toThrow();
      const found = searchRecords(viewer, { terms: [word] });
      expect(found.hits.some((h) => h.id === id)).toBe(sees);
      expect(found.total).toBe(sees ? 1 : 0);
      const inbox = inboxFor(viewer).map((i) => i.recordId);
      if (!sees) expect(inbox).not.toContain(id);
      if (sees && u.county === "tz" && u.suffix === "police") expect(inbox).toContain(id);
    }
    const counts = noticeCounts(viewer, { overdue: false });
    expect(counts.all).toBe(listNotices(viewer, { overdue: false }).total);
    expect(inboxCount(viewer)).toBe(inboxFor(viewer).length);
    if (u.county === "yp" || u.county === "zj") expect(counts.all).toBe(0);
  });
});

describe("sending", () => {
  it("YP's police cannot send: its only pact (with XH) does not cover notices", async () => {
    const yp = viewerOf("yp.police");
    const refused = sendNotice(yp, noticeInput("yp.police", { pactId: pactIdBetween("XH", "YP"), addresseeCountyIds: [countyIdOf("XH")] }));
    expect(refused).toEqual({ ok: false, errors: { pactId: "notices.error.pactNotUsable" } });
    const notMember = sendNotice(yp, noticeInput("yp.police", { pactId: pactIdBetween("XH", "TZ"), addresseeCountyIds: [countyIdOf("XH")] }));
    expect(notMember.ok).toBe(false);
    const page = await callRoute(send.loader, await get("yp.police", "/notices/new"));
    expect(page.status).toBe(200);
    expect(page.data.choices.pacts).toEqual([]);
    const posted = await callRoute(
      send.action,
      await post("yp.police", "/notices/new", {
        kind: "bulletin", urgency: "normal", incidentAt: "2026-01-01T08:00", placeText: "皂角坪", crimeCategory: "盗窃",
        summary: "案情", request: "协查", pactId: String(pactIdBetween("XH", "YP")), addresseeCountyIds: [String(countyIdOf("XH"))],
        restriction: "police", handlingCode: "no_forwarding",
      }),
    );
    expect(posted.status).toBe(400);
    expect(posted.data.errors.pactId).toContain("不涵盖刑事犯罪联打");
  });

  it("only police liaisons may send: pl_staff, leaders and others get 403", async () => {
    for (const username of ["xh.pl", "xh.leader", "xh.admin", "xh.mediator", "xh.grid"]) {
      expect(() => sendNotice(viewerOf(username), noticeInput("xh.police"))).toThrow();
      expect((await callRoute(send.loader, await get(username, "/notices/new"))).status).toBe(403);
    }
  });

  it("the list page answers 403 to roles without notices and hides the send button from non-police", async () => {
    for (const username of ["xh.admin", "xh.mediator", "xh.grid", "yp.grid"]) {
      expect((await callRoute(list.loader, await get(username, "/notices"))).status).toBe(403);
    }
    expect((await callRoute(list.loader, await get("xh.pl", "/notices"))).data.maySend).toBe(false);
    const yp = await callRoute(list.loader, await get("yp.police", "/notices"));
    expect(yp.data.items).toEqual([]);
  });

  it("the detail page answers 404 for a police-only notice to tz.pl and to yp.police", async () => {
    for (const username of ["tz.pl", "yp.police", "xh.leader"]) {
      const answer = await callRoute(detail.loader, await get(username, `/notices/${policeOnly}`), { noticeId: String(policeOnly) });
      expect(answer.status).toBe(404);
    }
  });
});
