/**
 * Read state: what is new for a user in a record's thread. Their own entries never count, nor
 * other counties' internal notes; opening the record (markThreadRead) clears the rest.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { markThreadRead, unreadCounts } from "~/modules/records/read-state.server";
import { createCountyUser } from "~/modules/tenancy/users.server";
import { useDemoData, viewerOf } from "../setup/demo";
import { openHazard, postToThread } from "../fixtures/threads";

useDemoData();

let hazard: number;
let other: number;
beforeAll(() => {
  hazard = openHazard({ by: "xh.pl", pact: ["XH", "TZ"] });
  other = openHazard({ by: "tz.pl", pact: ["XH", "TZ"] });
});

const unread = (username: string, id = hazard) => unreadCounts(viewerOf(username), [id]).get(id) ?? 0;

async function say(username: string, body: string, internal = false) {
  const result = await postToThread(username, hazard, { body, internal });
  expect(result.ok).toBe(true);
}

describe("unread entries", () => {
  it("a new record is news to the other county and to colleagues, not to its author", () => {
    expect(unread("xh.pl")).toBe(0);
    expect(unread("xh.grid")).toBe(1);
    expect(unread("tz.pl")).toBe(1);
    expect(unreadCounts(viewerOf("tz.pl"), [hazard, other])).toEqual(new Map([[hazard, 1]]));
  });

  it("another county's internal notes never count; one's own county's do", async () => {
    await say("xh.pl", "内部：先核实权属", true);
    expect(unread("tz.pl")).toBe(1);
    expect(unread("tz.leader")).toBe(1);
    expect(unread("xh.grid")).toBe(2);
    expect(unread("xh.pl")).toBe(0);
  });

  it("one's own messages never count", async () => {
    await say("tz.pl", "我方明日到场");
    expect(unread("tz.pl")).toBe(1);
    expect(unread("xh.pl")).toBe(1);
    expect(unread("xh.grid")).toBe(3);
  });

  it("opening the record clears it, up to the newest entry the viewer may read", async () => {
    markThreadRead(viewerOf("tz.pl"), hazard);
    expect(unread("tz.pl")).toBe(0);
    // Newest entry now an XH internal note, beyond TZ's mark: still nothing new for TZ.
    await say("xh.grid", "内部：照片已存档", true);
    expect(unread("tz.pl")).toBe(0);
    await say("xh.pl", "请贵方派员联合核查");
    expect(unread("tz.pl")).toBe(1);
    // The opening event, TZ's message and XH's message; XH's two internal notes are not TZ's to read.
    expect(unread("tz.grid")).toBe(3);
  });

  it("the mark only moves forward, and marking an empty or foreign thread does nothing harmful", () => {
    markThreadRead(viewerOf("xh.grid"), hazard);
    expect(unread("xh.grid")).toBe(0);
    markThreadRead(viewerOf("xh.grid"), hazard);
    expect(unread("xh.grid")).toBe(0);
    markThreadRead(viewerOf("xh.grid"), 999_999);
    expect(unreadCounts(viewerOf("xh.grid"), [])).toEqual(new Map());
  });

  it("read state is per user, not per county", () => {
    expect(unread("tz.police")).toBe(3);
    expect(unread("tz.pl")).toBe(1);
  });

  it("a newcomer does not inherit the history written before their account existed", async () => {
    const admin = viewerOf("tz.admin");
    await createCountyUser(admin, {
      username: "tz.newcomer", displayName: "新同事", title: "", phone: "", roles: ["police_liaison"], password: "long-password-1",
    });
    expect(unread("tz.newcomer")).toBe(0);
    // Appear strictly later than the account's creation.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await say("xh.pl", "新情况：对方村民再次反映");
    expect(unread("tz.newcomer")).toBe(1);
  });
});
