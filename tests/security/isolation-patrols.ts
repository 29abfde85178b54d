/**
 * Isolation rows for the patrol pages (spread into GET_ROWS and WRITE_ROWS). The targets are
 * three patrols made once through planPatrol the first time a row asks for them (before any write
 * row's snapshot): one XH–TZ patrol planned by xh.police, one XH–TZ patrol under way with a
 * finding (for the hazard form opened from it), and one XH–YP patrol planned by yp.police; and a
 * demo joint activity of each pact. A patrol or activity is seen by the police liaisons, political-
 * legal staff and leaders of its pact's counties; the same roles elsewhere get 404; roles that may
 * not see patrols get 403 on lists and forms (404 on a record, like any record they cannot see).
 */
import { asc, eq } from "drizzle-orm";
import { jointActivities, patrolDetails, patrolFindings } from "~db/schema";
import { demoActivities } from "~db/seed/patrols-demo-data";
import { requireVisibleRecord } from "~/modules/access/policy.server";
import { getDb } from "~/modules/db/connection.server";
import { logFinding } from "~/modules/patrols/findings.server";
import { planPatrol } from "~/modules/patrols/plan.server";
import { takePatrolStep } from "~/modules/patrols/steps.server";
import { viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { planInput } from "../integration/helpers/patrol-fixtures";
import type { Address, Expectation, GetRow } from "./isolation-table";
import { MISSING_ID } from "./isolation-targets";
import type { DemoUser } from "./isolation-world";
import type { WriteRow } from "./isolation-writes";

const XH_TZ = "隔离测试湘黔边界巡防路线";
const XH_TZ_UNDER_WAY = "隔离测试湘黔边界巡防发现路线";
const XH_YP = "隔离测试新晃玉屏边界巡防路线";
const FINDING = "隔离测试巡防发现：交界山林火堆未熄灭";

const seesPatrols = (u: DemoUser) => u.suffix === "police" || u.suffix === "pl" || u.suffix === "leader";
const plansPatrols = (u: DemoUser) => u.suffix === "police" || u.suffix === "pl";
const show = (...mustSee: string[]): Expectation => ({ outcome: "data", mustSee });
const refuse = (outcome: 403 | 404): Expectation => ({ outcome });
const TEAMS: Record<DemoUser["county"], string[]> = {
  XH: ["湘黔边界联合巡防队", "新晃—玉屏边界联合巡防队", "新晃—芷江边界联合巡防队"],
  TZ: ["湘黔边界联合巡防队"],
  YP: ["新晃—玉屏边界联合巡防队"],
  ZJ: ["新晃—芷江边界联合巡防队"],
};
const inPact = (u: DemoUser, pact: "XH-TZ" | "XH-YP") => pact.split("-").includes(u.county);

/** The id of the test patrol with this route, planned (and moved on) on first use. */
function patrolId(route: string): number {
  const found = getDb().select({ id: patrolDetails.recordId }).from(patrolDetails).where(eq(patrolDetails.route, route)).get();
  if (found) return found.id;
  const [username, pact] = route === XH_YP ? (["yp.police", "XH-YP"] as const) : (["xh.police", "XH-TZ"] as const);
  const planned = planPatrol(viewerOf(username), { ...planInput(pact), route });
  if (!planned.ok) throw new Error(`isolation patrol refused: ${JSON.stringify(planned)}`);
  if (route === XH_TZ_UNDER_WAY) {
    const viewer = viewerOf("tz.police");
    takePatrolStep(viewer, requireVisibleRecord(viewer, planned.id), "start", { startedAt: Date.now() - 3_600_000 });
    logFinding(viewer, requireVisibleRecord(viewer, planned.id), { foundAt: Date.now() - 1_800_000, description: FINDING, regionId: null });
  }
  return planned.id;
}

function findingId(): number {
  const patrol = patrolId(XH_TZ_UNDER_WAY);
  return getDb().select({ id: patrolFindings.id }).from(patrolFindings).where(eq(patrolFindings.recordId, patrol)).get()!.id;
}

const patrolAt = (route: string) => (): Address => {
  const id = String(patrolId(route));
  return { path: `/patrols/${id}`, params: { patrolId: id } };
};

/** The oldest demo activity of a pact: its id (read at test time) and title (known from the demo). */
function activityOf(pact: "XH-TZ" | "XH-YP") {
  const [a, b] = pact.split("-");
  return getDb().select({ id: jointActivities.id }).from(jointActivities)
    .where(eq(jointActivities.pactId, pactIdBetween(a, b))).orderBy(asc(jointActivities.id)).get()!;
}
const activityTitle = (pact: "XH-TZ" | "XH-YP") => demoActivities(Date.now()).find((a) => a.pact === pact)!.title;

const activityAt = (pact: "XH-TZ" | "XH-YP") => (): Address => {
  const id = String(activityOf(pact).id);
  return { path: `/patrols/activities/${id}`, params: { activityId: id } };
};

const patrolRule = (pact: "XH-TZ" | "XH-YP", route: string) => (u: DemoUser) =>
  seesPatrols(u) && inPact(u, pact) ? show(route) : refuse(404);

const activityRule = (pact: "XH-TZ" | "XH-YP") => (u: DemoUser) =>
  !seesPatrols(u) ? refuse(403) : inPact(u, pact) ? show(activityTitle(pact)) : refuse(404);

export const PATROL_ROWS: GetRow[] = [
  { route: "patrols._index", name: "/patrols", at: () => ({ path: "/patrols" }), expect: (u) => (seesPatrols(u) ? show() : refuse(403)) },
  {
    route: "patrols._index",
    name: "/patrols?status=planned&kind=routine (filters)",
    at: () => ({ path: "/patrols?status=planned&kind=routine&from=2024-01-01" }),
    expect: (u) => (seesPatrols(u) ? show() : refuse(403)),
  },
  {
    route: "patrols.new",
    name: "/patrols/new",
    at: () => ({ path: "/patrols/new" }),
    expect: (u) => (plansPatrols(u) ? show(...TEAMS[u.county]) : refuse(403)),
  },
  { route: "patrols.$patrolId", name: "/patrols/:patrolId — an XH–TZ patrol", at: patrolAt(XH_TZ), expect: patrolRule("XH-TZ", XH_TZ) },
  {
    route: "patrols.$patrolId",
    name: "/patrols/:patrolId — an XH–TZ patrol under way with a finding",
    at: patrolAt(XH_TZ_UNDER_WAY),
    expect: (u) => (seesPatrols(u) && inPact(u, "XH-TZ") ? show(XH_TZ_UNDER_WAY, FINDING) : refuse(404)),
  },
  { route: "patrols.$patrolId", name: "/patrols/:patrolId — an XH–YP patrol", at: patrolAt(XH_YP), expect: patrolRule("XH-YP", XH_YP) },
  {
    route: "patrols.$patrolId",
    name: "/patrols/:patrolId — an id that does not exist",
    at: () => ({ path: `/patrols/${MISSING_ID}`, params: { patrolId: MISSING_ID } }),
    expect: () => refuse(404),
  },
  {
    route: "patrols.activities._index",
    name: "/patrols/activities",
    at: () => ({ path: "/patrols/activities" }),
    expect: (u) => (seesPatrols(u) ? show() : refuse(403)),
  },
  {
    route: "patrols.activities._index",
    name: "/patrols/activities?pact=<XH–TZ>&kind=legal_aid&year=2025",
    at: () => ({ path: `/patrols/activities?pact=${pactIdBetween("XH", "TZ")}&kind=legal_aid&year=2025` }),
    expect: (u) => (seesPatrols(u) ? show() : refuse(403)),
  },
  {
    route: "patrols.activities.new",
    name: "/patrols/activities/new",
    at: () => ({ path: "/patrols/activities/new" }),
    expect: (u) => (plansPatrols(u) ? show() : refuse(403)),
  },
  { route: "patrols.activities.$activityId", name: "/patrols/activities/:id — an XH–TZ activity", at: activityAt("XH-TZ"), expect: activityRule("XH-TZ") },
  { route: "patrols.activities.$activityId", name: "/patrols/activities/:id — an XH–YP activity", at: activityAt("XH-YP"), expect: activityRule("XH-YP") },
  {
    route: "patrols.activities.$activityId",
    name: "/patrols/activities/:id — an id that does not exist",
    at: () => ({ path: `/patrols/activities/${MISSING_ID}`, params: { activityId: MISSING_ID } }),
    expect: (u) => (seesPatrols(u) ? refuse(404) : refuse(403)),
  },
  {
    route: "hazards.new",
    name: "/hazards/new?patrol=…&finding=… — from a finding of an XH–TZ patrol",
    at: () => ({ path: `/hazards/new?patrol=${patrolId(XH_TZ_UNDER_WAY)}&finding=${findingId()}` }),
    expect: (u) =>
      !["pl", "police", "grid"].includes(u.suffix) ? refuse(403) : plansPatrols(u) && inPact(u, "XH-TZ") ? show(FINDING) : refuse(404),
  },
];

const step = (intent: string, extra: Record<string, string> = {}) => () => ({ intent, status: "planned", note: "越权操作测试", startedAt: "2026-01-05T09:00", ...extra });

export const PATROL_WRITES: WriteRow[] = [
  { route: "patrols.$patrolId", name: "yp.police starts the XH–TZ patrol", username: "yp.police", at: patrolAt(XH_TZ), fields: step("start"), outcome: 404 },
  { route: "patrols.$patrolId", name: "tz.police cancels the XH–YP patrol", username: "tz.police", at: patrolAt(XH_YP), fields: step("cancel"), outcome: 404 },
  {
    route: "patrols.$patrolId", name: "zj.pl writes in the XH–YP patrol's thread", username: "zj.pl", at: patrolAt(XH_YP),
    fields: () => ({ intent: "thread", body: "越界留言" }), outcome: 404,
  },
  {
    route: "patrols.$patrolId", name: "tz.grid logs a finding on the XH–TZ patrol under way", username: "tz.grid", at: patrolAt(XH_TZ_UNDER_WAY),
    fields: () => ({ intent: "finding", foundAt: "2026-01-05T09:00", description: "越界记录" }), outcome: 404,
  },
  { route: "patrols.$patrolId", name: "xh.leader (read only) starts the XH–TZ patrol", username: "xh.leader", at: patrolAt(XH_TZ), fields: step("start"), outcome: 403 },
  {
    route: "patrols.$patrolId", name: "tz.leader (read only) logs a finding on the XH–TZ patrol under way", username: "tz.leader", at: patrolAt(XH_TZ_UNDER_WAY),
    fields: () => ({ intent: "finding", foundAt: "2026-01-05T09:00", description: "越权记录" }), outcome: 403,
  },
  {
    route: "patrols.new", name: "tz.police plans a patrol for the XH–YP team", username: "tz.police", at: () => ({ path: "/patrols/new" }),
    fields: () => {
      const input = planInput("XH-YP");
      return { ...input, teamId: String(input.teamId), regionIds: [], participantIds: input.participantIds };
    },
    outcome: 400,
  },
  {
    route: "patrols.activities.new", name: "tz.pl records an activity under the XH–YP pact", username: "tz.pl", at: () => ({ path: "/patrols/activities/new" }),
    fields: () => ({ pactId: String(pactIdBetween("XH", "YP")), kind: "legal_education", title: "越界登记", heldOn: "2026-01-05", attendance: "10" }),
    outcome: 400,
  },
  {
    route: "hazards.new", name: "yp.police opens a hazard from a finding of the XH–TZ patrol", username: "yp.police", at: () => ({ path: "/hazards/new" }),
    fields: () => ({
      title: "越界立案", category: "other", severity: "general", description: "越界", pactId: "", source: "patrol",
      patrolId: String(patrolId(XH_TZ_UNDER_WAY)), findingId: String(findingId()),
    }),
    outcome: 400,
  },
];
