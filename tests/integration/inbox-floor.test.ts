/**
 * The inbox tests only the records that can wait for the viewer: the county's open records and
 * those changed since the viewer's unread floor (county_records, kept by triggers). These tests
 * hold it to the inbox computed from every visible record, and check the table the triggers keep.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/modules/db/connection.server";
import { suspendPact, resumePact } from "~/modules/pacts/lifecycle.server";
import { inboxBadgeCount, inboxChangedSince } from "~/modules/records/inbox-badge.server";
import { inboxCount, inboxFor } from "~/modules/records/inbox.server";
import { markThreadRead } from "~/modules/records/read-state.server";
import { HAZARD_MACHINE } from "~/modules/hazards/machine";
import { applyTransition } from "~/modules/records/transitions.server";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { openHazard, postToThread, recordRow } from "../fixtures/threads";

useDemoData();

const sqlite = () => getDb().$client;

const USERS = [
  "xh.pl",
  "xh.grid",
  "xh.police",
  "xh.mediator",
  "xh.leader",
  "tz.pl",
  "tz.grid",
  "tz.police",
  "tz.mediator",
  "yp.pl",
  "yp.police",
  "zj.pl",
  "zj.admin",
];

/** What county_records should hold, worked out from the records, addressees and entries. */
function expectedRows() {
  return sqlite()
    .prepare(
      `select v.county_id as countyId, r.id as recordId, r.workflow, r.status,
         max(r.updated_at, coalesce((select max(t.created_at) from thread_entries t where t.record_id = r.id), 0)) as changedAt
       from (select id as record_id, owner_county_id as county_id from records
             union select record_id, county_id from record_addressees) v
       join records r on r.id = v.record_id order by 1, 2`
    )
    .all();
}

const storedRows = () =>
  sqlite()
    .prepare(
      "select county_id as countyId, record_id as recordId, workflow, status, changed_at as changedAt from county_records order by 1, 2"
    )
    .all();

/** The inbox read from the viewer's floor equals the one read from every visible record. */
function expectSameInboxForAll(label: string) {
  const now = Date.now();
  for (const user of USERS) {
    const viewer = viewerOf(user);
    const count = inboxBadgeCount(viewer, now);
    const since = inboxChangedSince(viewer, now);
    expect(inboxFor(viewer, now, since), `${label}: ${user}`).toEqual(inboxFor(viewer, now, 0));
    expect(count, `${label}: ${user}`).toBe(inboxCount(viewer, now, 0));
  }
}

/** Marks every thread the viewer may see as read. */
function readEverything(username: string) {
  const viewer = viewerOf(username);
  for (let round = 0; round < 50; round++) {
    const unread = inboxFor(viewer).filter((i) => i.unread > 0);
    if (unread.length === 0) return;
    for (const item of unread) markThreadRead(viewer, item.recordId);
  }
  throw new Error(`${username} still has unread threads`);
}

/** An old, closed XH–TZ hazard (a demo record nobody would list as waiting). */
function oldClosedSharedHazard(): { id: number; changedAt: number } {
  return sqlite()
    .prepare(
      `select c.record_id as id, c.changed_at as changedAt from county_records c join records r on r.id = c.record_id
       where c.county_id = ? and r.owner_county_id = ? and r.pact_id = ? and c.workflow = 'hazard' and c.status in ('eliminated', 'dismissed')
       order by c.changed_at limit 1`
    )
    .get(countyIdOf("TZ"), countyIdOf("XH"), pactIdBetween("XH", "TZ")) as {
    id: number;
    changedAt: number;
  };
}

describe("county_records", () => {
  it("holds one row per record and county that may see it, with its status and last change", () => {
    expect(storedRows().length).toBeGreaterThan(100);
    expect(storedRows()).toEqual(expectedRows());
  });

  it("follows new records, steps and thread entries", async () => {
    const id = openHazard({ pact: ["XH", "TZ"], title: "界河堤坝渗水" });
    const rowsOf = () =>
      sqlite().prepare("select county_id, status, changed_at from county_records where record_id = ? order by county_id").all(id) as {
        county_id: number;
        status: string;
        changed_at: number;
      }[];
    expect(rowsOf().map((r) => r.county_id)).toEqual([countyIdOf("XH"), countyIdOf("TZ")].sort((a, b) => a - b));
    const created = rowsOf()[0].changed_at;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await postToThread("tz.pl", id, { body: "已派人查看" });
    expect(rowsOf().every((r) => r.changed_at > created)).toBe(true);
    const step = HAZARD_MACHINE.transitions.find((t) => t.action === "verify")!;
    expect(
      applyTransition(viewerOf("xh.pl"), recordRow(id), HAZARD_MACHINE, step.action, { dueAt: Date.now() + 86_400_000 })
    ).toMatchObject({ ok: true });
    expect(rowsOf().map((r) => r.status)).toEqual([step.to, step.to]);
    expect(storedRows()).toEqual(expectedRows());
  });
});

describe("the inbox from the unread floor", () => {
  beforeAll(() => {
    for (const user of ["tz.grid", "tz.pl"]) readEverything(user);
  });

  it("is the inbox of every visible record, for every kind of user", () => {
    expectSameInboxForAll("at the start");
    expectSameInboxForAll("counted again");
  });

  it("is a recent time once the viewer has read everything, so old closed records are not tested", () => {
    const viewer = viewerOf("tz.grid");
    inboxBadgeCount(viewer);
    const since = inboxChangedSince(viewer);
    expect(since).toBeGreaterThan(oldClosedSharedHazard().changedAt);
    expect(since).toBeGreaterThan(Date.now() - 5 * 60_000);
  });

  it("still finds a partner's message on an old, closed record", async () => {
    const old = oldClosedSharedHazard();
    const viewer = viewerOf("tz.grid");
    const before = inboxBadgeCount(viewer);
    expect(inboxChangedSince(viewer)).toBeGreaterThan(old.changedAt);
    expect(inboxFor(viewer, Date.now(), inboxChangedSince(viewer)).some((i) => i.recordId === old.id)).toBe(false);
    await postToThread("xh.pl", old.id, { body: "整改材料已归档，请贵方知悉" });
    expect(inboxBadgeCount(viewer)).toBe(before + 1);
    const item = inboxFor(viewer, Date.now(), inboxChangedSince(viewer)).find((i) => i.recordId === old.id);
    expect(item).toMatchObject({ unread: 1, actions: [] });
    expectSameInboxForAll("after a message on an old record");
    // Unread, the record holds the floor down to its change; read, the floor moves past it.
    markThreadRead(viewer, old.id);
    expect(inboxBadgeCount(viewer)).toBe(before);
    expectSameInboxForAll("after reading it");
  });

  it("is forgotten after a pact step, so records shared anew are found", () => {
    const viewer = viewerOf("tz.pl");
    inboxBadgeCount(viewer);
    expect(inboxChangedSince(viewer)).toBeGreaterThan(0);
    const pact = pactIdBetween("XH", "TZ");
    expect(suspendPact(viewerOf("xh.pl"), pact, { reason: "换届期间暂停" }).ok).toBe(true);
    expect(inboxChangedSince(viewer)).toBe(0);
    expectSameInboxForAll("pact suspended");
    expect(resumePact(viewerOf("xh.pl"), pact).ok).toBe(true);
    expect(inboxChangedSince(viewer)).toBe(0);
    expectSameInboxForAll("pact resumed");
    expect(inboxChangedSince(viewer)).toBeGreaterThan(0);
  });

  it("is forgotten on a new day (a pact's term may begin or end at midnight)", () => {
    const viewer = viewerOf("tz.pl");
    const now = Date.now();
    inboxBadgeCount(viewer, now);
    expect(inboxChangedSince(viewer, now)).toBeGreaterThan(0);
    expect(inboxChangedSince(viewer, now + 24 * 3_600_000)).toBe(0);
  });

  it("stays below the oldest unread record of a viewer who has not read it", async () => {
    const old = oldClosedSharedHazard();
    await postToThread("xh.pl", old.id, { body: "补充一份现场照片说明" });
    const changedAt = sqlite()
      .prepare("select changed_at from county_records where record_id = ? and county_id = ?")
      .pluck()
      .get(old.id, countyIdOf("TZ")) as number;
    const viewer = viewerOf("tz.grid");
    inboxBadgeCount(viewer, changedAt + 10 * 60_000 + 61_000);
    // Ten minutes on, the floor is no later than the unread record's change.
    expect(inboxChangedSince(viewer, changedAt + 10 * 60_000 + 61_000)).toBeLessThanOrEqual(changedAt);
    expectSameInboxForAll("an unread old record");
  });
});
