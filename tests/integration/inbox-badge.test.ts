/**
 * The menu badge counts the inbox again only after something changed: another county's message,
 * a new record, the viewer reading a thread. Between changes the remembered count is used, and it
 * is never older than a minute.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/modules/db/connection.server";
import { inboxBadgeCount } from "~/modules/records/inbox-badge.server";
import { inboxCount } from "~/modules/records/inbox.server";
import { markThreadRead } from "~/modules/records/read-state.server";
import { useDemoData, viewerOf } from "../setup/demo";
import { openHazard, postToThread } from "../fixtures/threads";

useDemoData();

let shared = 0;
beforeAll(() => {
  shared = openHazard({ pact: ["XH", "TZ"], title: "界河采砂点无人看管" });
});

const readRecord = (username: string, recordId: number) => markThreadRead(viewerOf(username), recordId);

describe("the menu badge", () => {
  it("is the inbox count for every kind of user", () => {
    for (const user of ["xh.pl", "xh.grid", "tz.pl", "tz.leader", "yp.police", "zj.admin"]) {
      expect(inboxBadgeCount(viewerOf(user)), user).toBe(inboxCount(viewerOf(user)));
    }
  });

  it("counts a partner's new message at once, and drops when the viewer reads it", async () => {
    readRecord("tz.grid", shared);
    const before = inboxBadgeCount(viewerOf("tz.grid"));
    await postToThread("xh.pl", shared, { body: "请贵方网格员到现场看看" });
    expect(inboxBadgeCount(viewerOf("tz.grid"))).toBe(before + 1);
    readRecord("tz.grid", shared);
    expect(inboxBadgeCount(viewerOf("tz.grid"))).toBe(before);
  });

  it("counts a new record shared with the county at once; another county's badge stays", () => {
    const tz = inboxBadgeCount(viewerOf("tz.pl"));
    const yp = inboxBadgeCount(viewerOf("yp.pl"));
    openHazard({ pact: ["XH", "TZ"], title: "渡口救生衣缺失" });
    expect(inboxBadgeCount(viewerOf("tz.pl"))).toBe(tz + 1);
    expect(inboxBadgeCount(viewerOf("yp.pl"))).toBe(yp);
  });

  it("reading a thread already read writes nothing", () => {
    readRecord("xh.grid", shared);
    const row = () => getDb().$client.prepare("select read_at from read_states where user_id = ? and record_id = ?");
    const before = row().pluck().get(viewerOf("xh.grid").userId, shared);
    readRecord("xh.grid", shared);
    expect(row().pluck().get(viewerOf("xh.grid").userId, shared)).toBe(before);
  });

  it("uses the remembered count between changes, and counts again once it is a minute old", () => {
    const viewer = viewerOf("tz.grid");
    const now = Date.now();
    const soon = openHazard({ pact: ["XH", "TZ"], status: "rectifying", dueAt: now + 30_000, title: "临时码头护栏缺失" });
    readRecord("tz.grid", soon);
    const before = inboxBadgeCount(viewer, now);
    expect(before).toBe(inboxCount(viewer, now));
    // The deadline passes with no write at all: the inbox has one more item 45 s later, which
    // the badge shows once its count is a minute old.
    expect(inboxCount(viewer, now + 45_000)).toBe(before + 1);
    expect(inboxBadgeCount(viewer, now + 45_000)).toBe(before);
    expect(inboxBadgeCount(viewer, now + 61_000)).toBe(before + 1);
  });

  it("is counted again after a write to a record of the viewer's county, not after another county's", () => {
    const viewer = viewerOf("tz.grid");
    readRecord("tz.grid", shared);
    const before = inboxBadgeCount(viewer);
    // Made overdue by hand in the database (no audit entry): not seen while nothing else changes.
    getDb().$client.prepare("update records set status = 'rectifying', due_at = ? where id = ?").run(Date.now() - 1000, shared);
    expect(inboxCount(viewer)).toBe(before + 1);
    openHazard({ by: "yp.pl", pact: ["XH", "YP"], title: "玉屏一侧界桩倾斜" });
    expect(inboxBadgeCount(viewer), "a write to an XH–YP record").toBe(before);
    openHazard({ by: "xh.pl", pact: null, title: "新晃县内排水沟堵塞" });
    expect(inboxBadgeCount(viewer), "a write to an XH-internal record").toBe(before);
    openHazard({ pact: ["XH", "TZ"], title: "界河浮桥缆绳磨损" });
    expect(inboxBadgeCount(viewer), "a write to an XH–TZ record").toBe(inboxCount(viewer));
    expect(inboxBadgeCount(viewer)).toBeGreaterThanOrEqual(before + 1);
  });
});
