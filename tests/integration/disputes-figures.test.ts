/**
 * Dispute figures per committee, lead county and pact, counted in SQL under the access policy:
 * equal to hand counts on disputes made for 2019 (a year the demo does not touch), YP never sees
 * XH–TZ figures, ZJ sees zeros, and on the demo data every county's totals equal what it can open.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { disputeDetails, jointBodies, recordAddressees, records } from "~db/schema";
import { findVisibleRecord } from "~/modules/access/policy.server";
import { getDb } from "~/modules/db/connection.server";
import { disputeFigures } from "~/modules/disputes/figures.server";
import { yearInChina } from "~/modules/records/references.server";
import { loader } from "~/routes/disputes.figures";
import { callRoute } from "./helpers/pact-requests";
import { getAs } from "./helpers/requests";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";

useDemoData();

const DAY = 86_400_000;
const Y2019 = { fromYear: 2019, toYear: 2019 };
const committee = (name: string) => getDb().select({ id: jointBodies.id }).from(jointBodies).where(eq(jointBodies.name, name)).get()!.id;
let serial = 0;

/** A bare dispute opened in 2019, straight into the tables. */
function made(opts: { owner: string; pact: [string, string] | null; lead: string; committee: string | null; status: string; days?: number }) {
  const db = getDb();
  const createdAt = Date.parse("2019-05-01T10:00:00+08:00") + serial * DAY;
  const owner = countyIdOf(opts.owner);
  const pactId = opts.pact ? pactIdBetween(...opts.pact) : null;
  const { id } = db
    .insert(records)
    .values({
      ownerCountyId: owner, pactId, workflow: "dispute", status: opts.status, refNo: `${opts.owner}-TJ-2019-F${++serial}`,
      title: `统计测试 ${serial}`, createdBy: viewerOf(`${opts.owner.toLowerCase()}.mediator`).userId, createdAt, updatedAt: createdAt,
    })
    .returning({ id: records.id })
    .get();
  for (const code of opts.pact ?? []) if (code !== opts.owner) db.insert(recordAddressees).values({ recordId: id, countyId: countyIdOf(code) }).run();
  db.insert(disputeDetails)
    .values({
      recordId: id, type: "land_forest", leadCountyId: countyIdOf(opts.lead), committeeId: opts.committee ? committee(opts.committee) : null,
      escalationRisk: "low", outcomeAt: opts.days === undefined ? null : createdAt + opts.days * DAY,
    })
    .run();
}

const LP = "凉伞—坪地边界联合调解委员会";
const GX = "贡溪—皂角坪边界联合调解委员会";

beforeAll(() => {
  const xt = { owner: "XH", pact: ["XH", "TZ"] as [string, string], lead: "XH", committee: LP };
  made({ ...xt, status: "followed_up", days: 2 });
  made({ ...xt, status: "resolved", days: 4 });
  made({ ...xt, status: "followed_up", days: 10 });
  made({ ...xt, status: "stabilised", days: 6 });
  made({ ...xt, status: "failed", days: 20 });
  made({ ...xt, status: "mediating" });
  made({ ...xt, status: "reported" });
  made({ owner: "TZ", pact: ["XH", "TZ"], lead: "TZ", committee: LP, status: "resolved", days: 8 });
  made({ owner: "XH", pact: ["XH", "YP"], lead: "YP", committee: GX, status: "resolved", days: 3 });
  made({ owner: "XH", pact: null, lead: "XH", committee: null, status: "resolved", days: 5 });
});

const counts = (r: { accepted: number; resolved: number; stabilised: number; failed: number; successRate: number | null; medianDays: number | null }) =>
  [r.accepted, r.resolved, r.stabilised, r.failed, r.successRate, r.medianDays];

describe("figures equal hand counts", () => {
  it("XH sees all ten: per pact, committee and lead county, and the total", () => {
    const xh = viewerOf("xh.pl");
    const byPact = disputeFigures(xh, "pact", Y2019);
    expect(counts(byPact.total)).toEqual([9, 6, 1, 1, 0.75, 5.5]);
    const pact = (key: number | null) => counts(byPact.rows.find((r) => r.key === key)!);
    expect(pact(pactIdBetween("XH", "TZ"))).toEqual([7, 4, 1, 1, 4 / 6, 7]);
    expect(pact(pactIdBetween("XH", "YP"))).toEqual([1, 1, 0, 0, 1, 3]);
    expect(pact(null)).toEqual([1, 1, 0, 0, 1, 5]);
    const byCommittee = disputeFigures(xh, "committee", Y2019);
    expect(byCommittee.rows.map((r) => [r.name, r.accepted])).toEqual([[null, 1], [LP, 7], [GX, 1]]);
    const byCounty = disputeFigures(xh, "county", Y2019);
    expect(byCounty.rows.map((r) => [r.key, r.accepted, r.resolved])).toEqual([
      [countyIdOf("XH"), 7, 4],
      [countyIdOf("TZ"), 1, 1],
      [countyIdOf("YP"), 1, 1],
    ].sort((a, b) => a[0] - b[0]));
  });

  it("TZ counts only what XH–TZ shares with it; YP only the XH–YP dispute; ZJ sees zeros", () => {
    expect(counts(disputeFigures(viewerOf("tz.mediator"), "pact", Y2019).total)).toEqual([7, 4, 1, 1, 4 / 6, 7]);
    const yp = disputeFigures(viewerOf("yp.pl"), "committee", Y2019);
    expect(yp.rows.map((r) => r.name)).toEqual([GX]);
    expect(counts(yp.total)).toEqual([1, 1, 0, 0, 1, 3]);
    const zj = disputeFigures(viewerOf("zj.pl"), "county", Y2019);
    expect(zj.rows).toEqual([]);
    expect(counts(zj.total)).toEqual([0, 0, 0, 0, null, null]);
  });
});

describe("on the demo data", () => {
  const range = { fromYear: 2024, toYear: yearInChina(Date.now()) };

  it("YP's figures never include an XH–TZ dispute or committee", () => {
    for (const dimension of ["pact", "committee", "county"] as const) {
      const yp = disputeFigures(viewerOf("yp.mediator"), dimension, { fromYear: 2019, toYear: 2026 });
      if (dimension === "pact") expect(yp.rows.map((r) => r.key)).toEqual([pactIdBetween("XH", "YP")]);
      if (dimension === "committee") expect(yp.rows.map((r) => r.name)).toEqual([GX]);
    }
  });

  it("every county's totals equal the disputes it can open, counted by hand", () => {
    const all = getDb().select().from(records).where(eq(records.workflow, "dispute")).all();
    for (const username of ["xh.pl", "tz.mediator", "yp.leader", "zj.pl", "xh.grid"]) {
      const viewer = viewerOf(username);
      const visible = all.filter((r) => r.createdAt >= Date.parse("2024-01-01T00:00:00+08:00") && findVisibleRecord(viewer, r.id));
      const total = disputeFigures(viewer, "county", range).total;
      expect(total.accepted, username).toBe(visible.filter((r) => r.status !== "reported").length);
      expect(total.resolved, username).toBe(visible.filter((r) => ["resolved", "followed_up"].includes(r.status)).length);
      expect(total.stabilised, username).toBe(visible.filter((r) => r.status === "stabilised").length);
    }
    expect(disputeFigures(viewerOf("xh.pl"), "county", range).total).toMatchObject({ resolved: 181, stabilised: 28, failed: 3 });
  });

  it("the page: year range from the query, 403 for roles that do not see disputes", async () => {
    const page = await callRoute(loader, await getAs("tz.pl", "/disputes/figures?from=2025&to=2026"));
    expect(page.status).toBe(200);
    expect(page.data.range).toEqual({ fromYear: 2025, toYear: 2026 });
    const bad = await callRoute(loader, await getAs("tz.pl", "/disputes/figures?from=2026&to=2024"));
    expect(bad.data.invalid).toBe(true);
    expect((await callRoute(loader, await getAs("xh.admin", "/disputes/figures"))).status).toBe(403);
    expect((await callRoute(loader, await getAs("xh.police", "/disputes/figures"))).status).toBe(403);
  });
});
