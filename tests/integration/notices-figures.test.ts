/**
 * Notice figures per pact and per county, counted in SQL under the access policy: equal to hand
 * counts on notices made for 2019 (a year the demo does not touch) — medians, the share signed in
 * time, sums — police-only notices count only for police liaisons, YP and ZJ see zeros, roles
 * that may not view notices get 403, and on the demo data the totals equal what a viewer can open.
 */
import { and, eq, gte } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { noticeDetails, noticeReceipts, recordAddressees, records } from "~db/schema";
import { findVisibleRecord } from "~/modules/access/policy.server";
import { getDb } from "~/modules/db/connection.server";
import { noticeFigures, type NoticeFigureRow } from "~/modules/notices/figures.server";
import { yearInChina } from "~/modules/records/references.server";
import { loader } from "~/routes/notices.figures";
import { callRoute, pactGet } from "./helpers/pact-requests";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";

useDemoData();

const DAY = 86_400_000;
const MIN = 60_000;
const Y2019 = { fromYear: 2019, toYear: 2019 };
let serial = 0;

interface Made {
  owner: "XH" | "TZ";
  policeOnly?: boolean;
  status: "sent" | "in_progress" | "concluded" | "cancelled";
  deadline: number;
  signed?: number;
  result?: number;
  caught?: number;
  recovered?: number;
}

/** A bare notice sent in 2019 under XH–TZ, straight into the tables; times in minutes after sending. */
function made(m: Made) {
  const db = getDb();
  const createdAt = Date.parse("2019-05-01T10:00:00+08:00") + serial * DAY;
  const to = m.owner === "XH" ? "TZ" : "XH";
  const { id } = db
    .insert(records)
    .values({
      ownerCountyId: countyIdOf(m.owner), pactId: pactIdBetween("XH", "TZ"), workflow: "notice", status: m.status,
      refNo: `${m.owner}-TB-2019-F${++serial}`, title: `统计测试 ${serial}`, policeOnly: m.policeOnly ?? false,
      createdBy: viewerOf(`${m.owner.toLowerCase()}.police`).userId, createdAt, updatedAt: createdAt,
    })
    .returning({ id: records.id })
    .get();
  db.insert(recordAddressees).values({ recordId: id, countyId: countyIdOf(to) }).run();
  db.insert(noticeDetails)
    .values({ recordId: id, kind: "assistance", urgency: "urgent", incidentAt: createdAt - 60 * MIN, crimeCategory: "盗窃", handlingCode: "crime_fighting_only" })
    .run();
  const at = (minutes?: number) => (minutes === undefined ? null : createdAt + minutes * MIN);
  db.insert(noticeReceipts)
    .values({
      recordId: id, countyId: countyIdOf(to), signDeadline: createdAt + m.deadline * MIN,
      signedAt: at(m.signed), signedBy: m.signed === undefined ? null : viewerOf(`${to.toLowerCase()}.police`).userId,
      resultAt: at(m.result), result: m.result === undefined ? null : "caught",
      suspectsCaught: m.caught ?? 0, itemsRecovered: m.recovered ?? 0,
    })
    .run();
}

let ready = false;
const setUp = () => {
  if (ready) return;
  ready = true;
  made({ owner: "XH", status: "concluded", deadline: 120, signed: 10, result: 600, caught: 2, recovered: 1 });
  made({ owner: "XH", status: "in_progress", deadline: 30, signed: 30, result: 1200, caught: 1 });
  made({ owner: "XH", status: "in_progress", deadline: 120, signed: 200 });
  made({ owner: "XH", status: "sent", deadline: 120 });
  made({ owner: "XH", status: "cancelled", deadline: 120 });
  made({ owner: "TZ", status: "concluded", deadline: 1440, signed: 60, result: 300, recovered: 3 });
  made({ owner: "XH", policeOnly: true, status: "concluded", deadline: 120, signed: 5, result: 100, caught: 4, recovered: 2 });
};

const numbers = (r: NoticeFigureRow) => [r.sent, r.received, r.medianSignMinutes, r.inTimeShare, r.medianResultMinutes, r.suspectsCaught, r.itemsRecovered];
const rowOf = (rows: NoticeFigureRow[], key: number | null) => numbers(rows.find((r) => r.key === key)!);

describe("figures equal hand counts", () => {
  it("political-legal staff: the six shared notices, police-only left out", () => {
    setUp();
    for (const u of ["xh.pl", "tz.pl", "xh.leader"]) {
      const byPact = noticeFigures(viewerOf(u), "pact", Y2019);
      expect(byPact.rows.map((r) => r.key), u).toEqual([pactIdBetween("XH", "TZ")]);
      expect(numbers(byPact.total), u).toEqual([6, 6, 45, 0.6, 600, 3, 4]);
      expect(rowOf(byPact.rows, pactIdBetween("XH", "TZ"))).toEqual([6, 6, 45, 0.6, 600, 3, 4]);
      const byCounty = noticeFigures(viewerOf(u), "county", Y2019);
      // XH sent five and received one (signed in an hour, in time; three items recovered).
      expect(rowOf(byCounty.rows, countyIdOf("XH")), u).toEqual([5, 1, 60, 1, 300, 0, 3]);
      // TZ sent one and received five: signed after 10, 30 and 200 minutes, one unsigned past its deadline, one cancelled.
      expect(rowOf(byCounty.rows, countyIdOf("TZ")), u).toEqual([1, 5, 30, 0.5, 900, 3, 1]);
      expect(numbers(byCounty.total), u).toEqual([6, 6, 45, 0.6, 600, 3, 4]);
      expect(byCounty.rows.find((r) => r.key === countyIdOf("XH"))!.name).toBe("新晃侗族自治县");
    }
  });

  it("police liaisons also count the police-only notice", () => {
    setUp();
    for (const u of ["xh.police", "tz.police"]) {
      const byPact = noticeFigures(viewerOf(u), "pact", Y2019);
      expect(numbers(byPact.total), u).toEqual([7, 7, 30, 4 / 6, 450, 7, 6]);
      const byCounty = noticeFigures(viewerOf(u), "county", Y2019);
      expect(rowOf(byCounty.rows, countyIdOf("XH")), u).toEqual([6, 1, 60, 1, 300, 0, 3]);
      expect(rowOf(byCounty.rows, countyIdOf("TZ")), u).toEqual([1, 6, 20, 0.6, 600, 7, 3]);
    }
  });

  it("YP and ZJ see zeros, whatever their role", () => {
    setUp();
    for (const u of ["yp.pl", "yp.police", "zj.pl", "zj.police", "yp.leader"]) {
      for (const dimension of ["pact", "county"] as const) {
        const f = noticeFigures(viewerOf(u), dimension, { fromYear: 2019, toYear: yearInChina(Date.now()) });
        expect(f.rows, u).toEqual([]);
        expect(numbers(f.total), u).toEqual([0, 0, null, null, null, 0, 0]);
      }
    }
  });

  it("roles that may not view notices see nothing", () => {
    setUp();
    expect(numbers(noticeFigures(viewerOf("xh.mediator"), "pact", Y2019).total)).toEqual([0, 0, null, null, null, 0, 0]);
  });
});

describe("the page", () => {
  it("403 for county admins, mediators and grid workers; figures for police, staff and leaders", async () => {
    for (const u of ["xh.admin", "xh.mediator", "tz.grid"]) {
      expect((await callRoute(loader, await pactGet(u, "/notices/figures"))).status, u).toBe(403);
    }
    for (const u of ["xh.police", "xh.pl", "tz.leader"]) {
      const answer = await callRoute(loader, await pactGet(u, "/notices/figures?from=2019&to=2019"));
      expect(answer.status, u).toBe(200);
      expect(answer.data.range).toEqual(Y2019);
      expect(answer.data.byPact.total.sent, u).toBe(u.endsWith("police") ? 7 : 6);
    }
  });

  it("on the demo data, every viewer's totals equal the notices they can open", async () => {
    const since = Date.parse(`${yearInChina(Date.now()) - 2}-01-01T00:00:00+08:00`);
    const all = getDb().select().from(records).where(and(eq(records.workflow, "notice"), gte(records.createdAt, since))).all();
    const range = { fromYear: yearInChina(Date.now()) - 2, toYear: yearInChina(Date.now()) };
    for (const u of ["xh.police", "tz.police", "xh.pl", "tz.leader", "yp.police"]) {
      const v = viewerOf(u);
      const visible = all.filter((r) => findVisibleRecord(v, r.id));
      const f = noticeFigures(v, "county", range);
      expect(f.total.sent, u).toBe(visible.length);
      expect(f.total.received, u).toBe(visible.length);
      const received = getDb().select().from(noticeReceipts).all().filter((r) => visible.some((n) => n.id === r.recordId));
      expect(f.total.suspectsCaught, u).toBe(received.reduce((n, r) => n + r.suspectsCaught, 0));
    }
    expect(noticeFigures(viewerOf("xh.police"), "pact", range).total.sent).toBeGreaterThan(noticeFigures(viewerOf("xh.pl"), "pact", range).total.sent);
  });
});
