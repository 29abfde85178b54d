/**
 * The inbox (待办) per demo user: records with news, records waiting for a step the user's roles
 * may take, overdue records — only ever records the access policy lets them see — and the menu
 * badge in the root loader counting exactly those.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { findVisibleRecord } from "~/modules/access/policy.server";
import { inboxCount, inboxFor } from "~/modules/records/inbox.server";
import { markThreadRead } from "~/modules/records/read-state.server";
import { loader as rootLoader } from "~/root";
import { loader as inboxLoader } from "~/routes/inbox";
import { expectData, getAs, routeArgs } from "./helpers/requests";
import { useDemoData, viewerOf } from "../setup/demo";
import { openHazard, postToThread } from "../fixtures/threads";

useDemoData();

const COUNTIES = ["xh", "tz", "yp", "zj"];
const SUFFIXES = ["admin", "pl", "police", "mediator", "grid", "leader"];
const EVERYONE = COUNTIES.flatMap((c) => SUFFIXES.map((s) => `${c}.${s}`));

const HOUR = 3_600_000;
const r = { xhTz: 0, xhYp: 0, xhOnly: 0, overdue: 0, closed: 0, tzOwn: 0 };

beforeAll(() => {
  r.xhTz = openHazard({ pact: ["XH", "TZ"], title: "凉伞镇烟花爆竹隐蔽存放点" });
  r.xhYp = openHazard({ pact: ["XH", "YP"], title: "贡溪镇界桩松动" });
  r.xhOnly = openHazard({ pact: null, title: "县内消防通道堵塞" });
  r.overdue = openHazard({ pact: ["XH", "TZ"], status: "rectifying", dueAt: Date.now() - HOUR, title: "坪地镇河堤塌方" });
  r.closed = openHazard({ pact: ["XH", "TZ"], status: "eliminated", dueAt: Date.now() - HOUR, title: "已销号隐患" });
  r.tzOwn = openHazard({ by: "tz.pl", pact: ["XH", "TZ"], status: "rectifying", dueAt: Date.now() + 24 * HOUR });
});

const itemOf = (username: string, recordId: number) => inboxFor(viewerOf(username)).find((i) => i.recordId === recordId);
const idsOf = (username: string) => inboxFor(viewerOf(username)).map((i) => i.recordId);

describe("what is in the inbox", () => {
  it("handlers of the partner county: a new record to verify, with its news", () => {
    const item = itemOf("tz.pl", r.xhTz)!;
    expect(item).toMatchObject({ refNo: expect.stringMatching(/^XH-YH-\d{4}-\d{4}$/), title: "凉伞镇烟花爆竹隐蔽存放点", status: "reported" });
    expect(item).toMatchObject({ unread: 1, actions: ["verify", "dismiss"], overdue: false, path: `/hazards/${r.xhTz}` });
    expect(idsOf("tz.police")).toContain(r.xhTz);
  });

  it("overdue open records come first; closed ones are never overdue nor waiting", () => {
    const items = inboxFor(viewerOf("xh.pl"));
    expect(items[0]).toMatchObject({ recordId: r.overdue, overdue: true, actions: ["adjust", "eliminate"], unread: 0 });
    expect(items.map((i) => i.recordId)).not.toContain(r.closed);
    expect(itemOf("xh.pl", r.tzOwn)).toMatchObject({ overdue: false, actions: ["adjust", "eliminate"], unread: 1 });
  });

  it("roles that may not take steps see only news (and overdue records)", () => {
    const grid = itemOf("xh.grid", r.xhTz)!;
    expect(grid).toMatchObject({ unread: 1, actions: [] });
    expect(itemOf("tz.leader", r.overdue)).toMatchObject({ overdue: true, actions: [] });
    markThreadRead(viewerOf("tz.grid"), r.xhTz);
    expect(idsOf("tz.grid")).not.toContain(r.xhTz);
    expect(idsOf("tz.grid")).toContain(r.overdue);
  });

  it("reading a record clears its news; a step waiting keeps it in the inbox", async () => {
    markThreadRead(viewerOf("tz.pl"), r.xhTz);
    expect(itemOf("tz.pl", r.xhTz)).toMatchObject({ unread: 0, actions: ["verify", "dismiss"] });
    // XH's internal note is not news for TZ; XH's message is.
    await postToThread("xh.pl", r.xhTz, { body: "内部：属我方辖区", internal: true });
    expect(itemOf("tz.pl", r.xhTz)?.unread).toBe(0);
    expect(itemOf("tz.grid", r.xhTz)).toBeUndefined();
    await postToThread("xh.pl", r.xhTz, { body: "请贵方明日派员联合核查" });
    expect(itemOf("tz.grid", r.xhTz)?.unread).toBe(1);
    expect(itemOf("xh.grid", r.xhTz)?.unread).toBe(3);
  });

  it("YP sees its own pact's records and never an XH–TZ or XH-internal record", () => {
    for (const suffix of ["pl", "police", "grid", "leader"]) {
      const ids = idsOf(`yp.${suffix}`);
      expect(ids).toContain(r.xhYp);
      for (const hidden of [r.xhTz, r.xhOnly, r.overdue, r.tzOwn]) expect(ids, `yp.${suffix}`).not.toContain(hidden);
    }
    for (const user of ["tz.pl", "tz.grid", "tz.leader"]) {
      expect(idsOf(user)).not.toContain(r.xhYp);
      expect(idsOf(user)).not.toContain(r.xhOnly);
    }
    expect(idsOf("xh.leader")).toContain(r.xhOnly);
  });

  it("ZJ and county admins have nothing; mediators only disputes (no hazards to see)", () => {
    for (const user of [...SUFFIXES.map((s) => `zj.${s}`), "xh.admin", "tz.admin"]) {
      expect(inboxFor(viewerOf(user)), user).toEqual([]);
      expect(inboxCount(viewerOf(user)), user).toBe(0);
    }
    expect(inboxFor(viewerOf("xh.mediator")).every((i) => i.workflow === "dispute")).toBe(true);
  });

  it("for every demo user: only visible records, and the count matches the list", () => {
    for (const user of EVERYONE) {
      const viewer = viewerOf(user);
      const items = inboxFor(viewer);
      expect(inboxCount(viewer), user).toBe(items.length);
      for (const item of items) {
        expect(findVisibleRecord(viewer, item.recordId), `${user} → ${item.refNo}`).not.toBeNull();
        expect(item.unread > 0 || item.actions.length > 0 || item.overdue, `${user} → ${item.refNo}`).toBe(true);
      }
    }
  });
});

describe("the inbox page and the menu badge", () => {
  it("the page lists the viewer's inbox", async () => {
    const data = await expectData(inboxLoader(routeArgs(await getAs("yp.pl", "/inbox"))));
    expect(data.items.map((i) => i.recordId)).toEqual(idsOf("yp.pl"));
    expect(data.total).toBe(data.items.length);
    expect(JSON.stringify(data)).not.toContain("凉伞镇烟花爆竹隐蔽存放点");
  });

  it("the page is empty, not refused, for someone with nothing to see", async () => {
    const data = await expectData(inboxLoader(routeArgs(await getAs("zj.admin", "/inbox"))));
    expect(data).toEqual({ items: [], total: 0 });
  });

  it("the root loader counts the inbox for the badge", async () => {
    for (const user of ["xh.pl", "xh.grid", "tz.pl", "tz.leader", "yp.police", "zj.pl", "xh.admin"]) {
      const data = await expectData(rootLoader(routeArgs(await getAs(user, "/"))));
      expect(data.inboxCount, user).toBe(inboxCount(viewerOf(user)));
    }
    const tz = await expectData(rootLoader(routeArgs(await getAs("tz.pl", "/"))));
    expect(tz.inboxCount).toBeGreaterThan(0);
    const anonymous = await expectData(rootLoader(routeArgs(new Request("http://localhost/"))));
    expect(anonymous).toMatchObject({ viewer: null, inboxCount: 0 });
  });

  it("the badge drops when the viewer reads a record that only had news", async () => {
    const before = inboxCount(viewerOf("xh.grid"));
    markThreadRead(viewerOf("xh.grid"), r.xhTz);
    expect(inboxCount(viewerOf("xh.grid"))).toBe(before - 1);
  });
});
