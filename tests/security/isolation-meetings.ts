/**
 * Isolation rows for the meeting pages (spread into GET_ROWS and WRITE_ROWS). The targets are the
 * demo's meetings (db/seed/meetings-demo-data.ts): the third XH–TZ meeting (held), the upcoming
 * XH–TZ meeting, the XH–YP meeting, and TZ's overdue action item. A meeting and its action items
 * are seen by the political-legal staff and leaders of the pact's members; everyone else gets 404
 * (403 on the list for a role that may not open meetings at all). YP sees nothing of XH–TZ.
 */
import { and, eq } from "drizzle-orm";
import { records } from "~db/schema";
import { DEMO_MEETINGS } from "~db/seed/meetings-demo-data";
import { getDb } from "~/modules/db/connection.server";
import type { FormFields } from "../integration/helpers/requests";
import { countyIdOf } from "../setup/demo";
import type { Address, Expectation, GetRow } from "./isolation-table";
import { MISSING_ID, type Targets } from "./isolation-targets";
import type { CountyCode, DemoUser } from "./isolation-world";
import type { WriteRow } from "./isolation-writes";

const meeting = (key: string) => DEMO_MEETINGS.find((m) => m.key === key)!;
const HELD = meeting("xt-3");
const UPCOMING = meeting("xt-4");
const XH_YP = meeting("xy-1");
const OVERDUE_TEXT = HELD.decisions![0].text;

const seesMeetings = (u: DemoUser) => u.suffix === "pl" || u.suffix === "leader";
const memberOf = (pact: string) => (u: DemoUser) => pact.split("-").includes(u.county);
const show = (...mustSee: string[]): Expectation => ({ outcome: "data", mustSee });
const refuse = (outcome: 403 | 404): Expectation => ({ outcome });

function idByTitle(title: string): string {
  const row = getDb().select({ id: records.id }).from(records).where(and(eq(records.workflow, "meeting"), eq(records.title, title))).get();
  if (!row) throw new Error(`no demo meeting record "${title}"`);
  return String(row.id);
}

/**
 * Where an action item's page is. Test names are made before the demo is seeded, when there is
 * no id yet: they read the route's pattern; the test itself compares with the real address.
 */
function actionPathOf(title: string): string {
  const row = getDb().select({ id: records.id }).from(records).where(and(eq(records.workflow, "meeting"), eq(records.title, title))).get();
  return `/meetings/actions/${row ? row.id : ":actionId"}`;
}

const meetingAt = (title: string, rest = "") => (): Address => {
  const id = idByTitle(title);
  return { path: `/meetings/${id}${rest}`, params: { meetingId: id } };
};
const actionAt = (title: string) => (): Address => {
  const id = idByTitle(title);
  return { path: `/meetings/actions/${id}`, params: { actionId: id } };
};

/** The pact's members' political-legal staff and leaders see it; the others get 404. */
const pactRecord = (pact: string, ...mustSee: string[]) => (u: DemoUser) => (seesMeetings(u) && memberOf(pact)(u) ? show(...mustSee) : refuse(404));

/** What each county's list must show: the titles of the demo meetings it shares. */
const listed = (county: CountyCode) => DEMO_MEETINGS.filter((m) => m.pact.split("-").includes(county)).map((m) => m.title);

export const MEETING_ROWS: GetRow[] = [
  {
    route: "meetings._index",
    name: "/meetings",
    at: () => ({ path: "/meetings" }),
    expect: (u) => (seesMeetings(u) ? show(...listed(u.county)) : refuse(403)),
  },
  {
    route: "meetings._index",
    name: "/meetings?view=actions&filter=overdue&mine=1",
    at: () => ({ path: "/meetings?view=actions&filter=overdue&mine=1" }),
    expect: (u) => (seesMeetings(u) ? show(...(u.county === "TZ" ? [OVERDUE_TEXT] : [])) : refuse(403)),
  },
  {
    route: "meetings.new",
    name: "/meetings/new",
    at: () => ({ path: "/meetings/new" }),
    expect: (u) => (u.suffix === "pl" ? show() : refuse(403)),
  },
  {
    route: "meetings.new",
    name: "/meetings/new?pact=<XH–TZ> (the form with both sides' people)",
    at: (t: Targets) => ({ path: `/meetings/new?pact=${t.pacts.xhTz}` }),
    expect: (u) => (u.suffix !== "pl" ? refuse(403) : memberOf("XH-TZ")(u) ? show("天柱县", "新晃侗族自治县") : show()),
  },
  {
    route: "meetings.$meetingId",
    name: "/meetings/:meetingId — the third XH–TZ meeting (held)",
    at: meetingAt(HELD.title),
    expect: pactRecord("XH-TZ", HELD.title, HELD.minutes!),
  },
  {
    route: "meetings.$meetingId",
    name: "/meetings/:meetingId — the upcoming XH–TZ meeting",
    at: meetingAt(UPCOMING.title),
    expect: pactRecord("XH-TZ", UPCOMING.title),
  },
  {
    route: "meetings.$meetingId",
    name: "/meetings/:meetingId — the XH–YP meeting",
    at: meetingAt(XH_YP.title),
    expect: pactRecord("XH-YP", XH_YP.title),
  },
  {
    route: "meetings.$meetingId",
    name: "/meetings/:meetingId — an action item's id goes on to its own page",
    at: meetingAt(OVERDUE_TEXT),
    expect: (u) => (seesMeetings(u) && memberOf("XH-TZ")(u) ? { outcome: { redirect: actionPathOf(OVERDUE_TEXT) } } : refuse(404)),
  },
  {
    route: "meetings.$meetingId",
    name: "/meetings/:meetingId — an id that does not exist",
    at: () => ({ path: `/meetings/${MISSING_ID}`, params: { meetingId: MISSING_ID } }),
    expect: () => refuse(404),
  },
  {
    route: "meetings.$meetingId_.briefing",
    name: "/meetings/:meetingId/briefing — the upcoming XH–TZ meeting",
    at: meetingAt(UPCOMING.title, "/briefing"),
    expect: pactRecord("XH-TZ", UPCOMING.title, OVERDUE_TEXT),
  },
  {
    route: "meetings.$meetingId_.briefing",
    name: "/meetings/:meetingId/briefing — the XH–YP meeting",
    at: meetingAt(XH_YP.title, "/briefing"),
    expect: pactRecord("XH-YP", XH_YP.title),
  },
  {
    route: "meetings.$meetingId_.briefing",
    name: "/meetings/:meetingId/briefing — an action item has none",
    at: () => {
      const id = idByTitle(OVERDUE_TEXT);
      return { path: `/meetings/${id}/briefing`, params: { meetingId: id } };
    },
    expect: () => refuse(404),
  },
  {
    route: "meetings.actions.$actionId",
    name: "/meetings/actions/:actionId — TZ's overdue action item",
    at: actionAt(OVERDUE_TEXT),
    expect: pactRecord("XH-TZ", OVERDUE_TEXT, HELD.title),
  },
  {
    route: "meetings.actions.$actionId",
    name: "/meetings/actions/:actionId — a meeting's id is no action item",
    at: () => {
      const id = idByTitle(HELD.title);
      return { path: `/meetings/actions/${id}`, params: { actionId: id } };
    },
    expect: () => refuse(404),
  },
  {
    route: "meetings.actions.$actionId",
    name: "/meetings/actions/:actionId — an id that does not exist",
    at: () => ({ path: `/meetings/actions/${MISSING_ID}`, params: { actionId: MISSING_ID } }),
    expect: () => refuse(404),
  },
];

const step = (intent: string, extra: FormFields = {}) => (): FormFields => ({ intent, note: "越权操作测试", ...extra });
const personId = (t: Targets, username: string) => t.people[username].id;
const decisionFor = (county: string, owner: (t: Targets) => string) => (t: Targets): FormFields => ({
  intent: "hold", status: "scheduled", minutes: "越界纪要",
  "decision-0-text": "越界决定", "decision-0-county": String(countyIdOf(county)), "decision-0-owner": owner(t), "decision-0-deadline": "2099-01-01",
});

export const MEETING_WRITES: WriteRow[] = [
  { route: "meetings.$meetingId", name: "yp.pl records minutes of the upcoming XH–TZ meeting", username: "yp.pl", at: meetingAt(UPCOMING.title), fields: decisionFor("XH", (t) => personId(t, "xh.pl")), outcome: 404 },
  { route: "meetings.$meetingId", name: "zj.pl writes in the XH–TZ meeting's thread", username: "zj.pl", at: meetingAt(HELD.title), fields: () => ({ intent: "thread", body: "越界留言" }), outcome: 404 },
  { route: "meetings.$meetingId", name: "yp.pl names its people as attendees of the XH–TZ meeting", username: "yp.pl", at: meetingAt(UPCOMING.title), fields: (t) => ({ intent: "attendees", attendeeIds: [personId(t, "yp.pl")] }), outcome: 404 },
  { route: "meetings.$meetingId", name: "tz.police (no meeting rights) cancels the XH–TZ meeting", username: "tz.police", at: meetingAt(UPCOMING.title), fields: step("cancel"), outcome: 404 },
  { route: "meetings.$meetingId", name: "tz.leader (read only) cancels the XH–TZ meeting", username: "tz.leader", at: meetingAt(UPCOMING.title), fields: step("cancel", { status: "scheduled" }), outcome: 403 },
  { route: "meetings.$meetingId", name: "tz.pl names XH's leader among TZ's attendees", username: "tz.pl", at: meetingAt(UPCOMING.title), fields: (t) => ({ intent: "attendees", attendeeIds: [personId(t, "tz.pl"), personId(t, "xh.leader")] }), outcome: 400 },
  { route: "meetings.$meetingId", name: "tz.pl makes YP's pl the owner of an XH–TZ action item", username: "tz.pl", at: meetingAt(UPCOMING.title), fields: decisionFor("TZ", (t) => personId(t, "yp.pl")), outcome: 400 },
  { route: "meetings.$meetingId", name: "tz.pl makes YP responsible for an XH–TZ action item", username: "tz.pl", at: meetingAt(UPCOMING.title), fields: decisionFor("YP", (t) => personId(t, "yp.pl")), outcome: 400 },
  { route: "meetings.actions.$actionId", name: "yp.pl reports TZ's XH–TZ action item done", username: "yp.pl", at: actionAt(OVERDUE_TEXT), fields: step("complete"), outcome: 404 },
  { route: "meetings.actions.$actionId", name: "xh.pl (not responsible) reports TZ's action item done", username: "xh.pl", at: actionAt(OVERDUE_TEXT), fields: step("complete", { status: "open" }), outcome: 403 },
  { route: "meetings.actions.$actionId", name: "zj.leader writes in TZ's action item thread", username: "zj.leader", at: actionAt(OVERDUE_TEXT), fields: () => ({ intent: "thread", body: "越界留言" }), outcome: 404 },
  { route: "meetings.new", name: "xh.pl schedules an XH–TZ meeting with YP's pl as attendee", username: "xh.pl", at: (t) => ({ path: `/meetings/new?pact=${t.pacts.xhTz}` }),
    fields: (t) => ({ pactId: String(t.pacts.xhTz), level: "county", hostCountyId: String(countyIdOf("XH")), title: "越界会议", startsAt: "2099-01-01T09:00", placeText: "会议室",
      attendeeIds: [personId(t, "xh.pl"), personId(t, "yp.pl")], "agenda-0-title": "议题" }), outcome: 400 },
  { route: "meetings.new", name: "yp.pl schedules a meeting under the XH–TZ pact", username: "yp.pl", at: () => ({ path: "/meetings/new" }),
    fields: (t) => ({ pactId: String(t.pacts.xhTz), level: "county", hostCountyId: String(countyIdOf("YP")), title: "越界会议", startsAt: "2099-01-01T09:00", placeText: "会议室",
      "agenda-0-title": "议题" }), outcome: 400 },
];
