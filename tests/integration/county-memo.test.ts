/**
 * A workflow list's tab counts are remembered per county and roles, and computed again after a
 * write to one of the county's records, a change that is not to a record, a new day or a minute.
 */
import { describe, expect, it } from "vitest";
import { getDb } from "~/modules/db/connection.server";
import { hazardCounts } from "~/modules/hazards/list.server";
import { suspendPact, resumePact } from "~/modules/pacts/lifecycle.server";
import { listCountParams, rememberedForCounty } from "~/modules/records/county-memo.server";
import * as list from "~/routes/hazards._index";
import { useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { reportAs } from "./helpers/hazard-fixtures";
import { callRoute, pactGet as get } from "./helpers/pact-requests";

useDemoData();

const filters = { status: undefined, overdue: false, mine: false } as const;

/** The counts as the list page shows them. */
async function pageCounts(username: string) {
  const answer = await callRoute(list.loader, await get(username, "/hazards"));
  return (answer.data as { counts: ReturnType<typeof hazardCounts> }).counts;
}

describe("remembered county figures", () => {
  it("the hazard list's tabs are the fresh counts for every kind of user", async () => {
    for (const user of ["xh.pl", "xh.grid", "xh.police", "tz.pl", "tz.leader", "yp.police"]) {
      expect(await pageCounts(user), user).toEqual(hazardCounts(viewerOf(user), filters));
    }
  });

  it("counts again after a write to a record of the county, not after another county's", async () => {
    const before = await pageCounts("tz.grid");
    const id = reportAs("xh.pl", { pactId: pactIdBetween("XH", "TZ"), title: "界河护栏松动" });
    const afterWrite = await pageCounts("tz.grid");
    expect(afterWrite.all).toBe(before.all + 1);
    // Changed by hand (no audit entry, as no write path does): not seen while nothing else changes.
    getDb().$client.prepare("update records set status = 'verifying' where id = ?").run(id);
    expect(await pageCounts("tz.grid"), "a change without a write").toEqual(afterWrite);
    reportAs("yp.pl", { pactId: pactIdBetween("XH", "YP"), title: "玉屏一侧界桩倾斜" });
    expect(await pageCounts("tz.grid"), "another county's write").toEqual(afterWrite);
    reportAs("xh.pl", { pactId: pactIdBetween("XH", "TZ"), title: "界河浮桥缆绳磨损" });
    expect(await pageCounts("tz.grid")).toEqual(hazardCounts(viewerOf("tz.grid"), filters));
  });

  it("counts again after a pact step, which may hide or show a partner's records", async () => {
    const pact = pactIdBetween("XH", "TZ");
    const before = await pageCounts("tz.pl");
    expect(suspendPact(viewerOf("xh.pl"), pact, { reason: "换届期间暂停" }).ok).toBe(true);
    const suspended = await pageCounts("tz.pl");
    expect(suspended).toEqual(hazardCounts(viewerOf("tz.pl"), filters));
    expect(suspended.all).toBeLessThan(before.all);
    expect(resumePact(viewerOf("xh.pl"), pact).ok).toBe(true);
    expect(await pageCounts("tz.pl")).toEqual(before);
  });

  it("keeps values apart by county, roles and the user when a filter names them", () => {
    let computed = 0;
    const count = (username: string, mine: boolean) =>
      rememberedForCounty(viewerOf(username), "test", listCountParams(viewerOf(username), { ...filters, mine }), () => ++computed);
    expect([count("xh.pl", false), count("xh.pl", false)]).toEqual([1, 1]);
    expect(count("xh.police", false), "other roles").toBe(2);
    expect(count("tz.pl", false), "another county").toBe(3);
    expect(count("xh.pl", true), "mine").toBe(4);
    expect(count("xh.grid", true), "mine, another user").toBe(5);
  });

  it("is computed again once a minute old or on a new day", () => {
    let computed = 0;
    const viewer = viewerOf("xh.pl");
    const now = Date.now();
    const count = (at: number) => rememberedForCounty(viewer, "test-age", {}, () => ++computed, at);
    expect(count(now)).toBe(1);
    expect(count(now + 59_000)).toBe(1);
    expect(count(now + 61_000)).toBe(2);
    expect(count(now + 61_000 + 86_400_000 - 1)).toBe(3);
  });
});
