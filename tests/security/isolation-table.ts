/**
 * THE tenant-isolation table for reading: one row per route and target, and for each of the 24
 * demo users what the loader must answer — data (with a few strings it must show), 403, 404 or a
 * redirect. Whatever the answer, it must not contain the strings forbidden to the user's county
 * (isolation-world.ts derives them). A new workflow adds its rows here (or in a file of its own,
 * spread into GET_ROWS); tenant-isolation.test.ts walks whatever is listed.
 */
import { AGREEMENT_ROWS } from "./isolation-agreement";
import { refusedIdsOf } from "./isolation-audit";
import { CASE_ENGINE_ROWS } from "./isolation-case-engine";
import { DISPUTE_ROWS } from "./isolation-disputes";
import { HAZARD_ROWS } from "./isolation-hazards";
import { NOTICE_ROWS } from "./isolation-notices";
import { MEETING_ROWS } from "./isolation-meetings";
import { NOTICE_FIGURES_ROWS } from "./isolation-notice-figures";
import { PATROL_ROWS } from "./isolation-patrols";
import { PROJECT_ROWS } from "./isolation-projects";
import type { RouteKey } from "./isolation-routes";
import { SEARCH_ROWS } from "./isolation-search";
import { STATS_ROWS } from "./isolation-stats";
import { MISSING_ID, MISSING_USER_ID, type Targets } from "./isolation-targets";
import {
  ALL_PACTS,
  COUNTY_CODES,
  countyName,
  countyOf,
  hasSigned,
  isMember,
  memberPactsOf,
  nameOf,
  peopleNamedBy,
  peopleOf,
  regionNamesOf,
  type CountyCode,
  type DemoUser,
  type PactFixture,
} from "./isolation-world";

/** "file": a download (200 with a body, not page data), e.g. an export. */
export type Outcome = "data" | "file" | 403 | 404 | { redirect: string };

export interface Expectation {
  outcome: Outcome;
  /** For "data" and "file": strings the answer must contain (proof that the page is not simply empty). */
  mustSee?: string[];
}

export interface Address {
  path: string;
  params?: Record<string, string>;
}

export interface GetRow {
  route: RouteKey;
  /** How test names read, e.g. "/pacts/:pactId — the XH–TZ pact (demo)". */
  name: string;
  at: (t: Targets) => Address;
  expect: (user: DemoUser) => Expectation;
  /**
   * Strings the user's own county typed into earlier requests, which this page may echo back
   * (e.g. the audit log lists the ids its people tried to open). Read at test time.
   */
  ownInput?: (user: DemoUser) => string[];
}

const show = (...mustSee: string[]): Expectation => ({ outcome: "data", mustSee });
const refuse = (outcome: 403 | 404): Expectation => ({ outcome });
const redirectTo = (location: string): Expectation => ({ outcome: { redirect: location } });

const isAdmin = (u: DemoUser) => u.suffix === "admin";
const managesPacts = (u: DemoUser) => u.suffix === "admin" || u.suffix === "pl";
const names = (usernames: string[]) => usernames.map(nameOf);
const ownPeople = (u: DemoUser) => peopleOf(u.county).map((p) => p.displayName);
const adminsOnly = (rule: (u: DemoUser) => Expectation) => (u: DemoUser) => (isAdmin(u) ? rule(u) : refuse(403));
const pactAt = (p: PactFixture, rest = "") => (t: Targets): Address => ({
  path: `/pacts/${t.pacts[p.key]}${rest}`,
  params: { pactId: String(t.pacts[p.key]) },
});

export function describeOutcome(e: Expectation): string {
  return typeof e.outcome === "object" ? `redirect ${e.outcome.redirect}` : String(e.outcome);
}

// ── Home, pact list, liaison directory: every user, own pacts only ──────────────────────────────

function homeRule(u: DemoUser): Expectation {
  const mine = memberPactsOf(u.county);
  const proposed = mine.filter((p) => p.phase === "proposed");
  return show(
    u.displayName,
    countyName(u.county),
    ...mine.filter((p) => p.phase === "active").map((p) => p.title),
    // Admins see what waits for their county's signature; managers what waits for the others.
    ...(isAdmin(u) ? proposed.filter((p) => !hasSigned(p, u.county)).map((p) => p.title) : []),
    ...(managesPacts(u) ? proposed.filter((p) => hasSigned(p, u.county)).map((p) => p.title) : []),
  );
}

const OVERVIEW_ROWS: GetRow[] = [
  { route: "_index", name: "/ (home)", at: () => ({ path: "/" }), expect: homeRule },
  {
    route: "pacts._index",
    name: "/pacts",
    at: () => ({ path: "/pacts" }),
    expect: (u) => show(...memberPactsOf(u.county).map((p) => p.title)),
  },
  {
    route: "liaisons",
    name: "/liaisons",
    at: () => ({ path: "/liaisons" }),
    expect: (u) =>
      show(...memberPactsOf(u.county).filter((p) => p.phase === "active").flatMap((p) => [p.title, ...names(p.liaisons)])),
  },
  {
    route: "pacts.new",
    name: "/pacts/new",
    at: () => ({ path: "/pacts/new" }),
    // County names are public: the partner choice lists them all; people are the viewer's own.
    expect: (u) =>
      managesPacts(u)
        ? show(...COUNTY_CODES.filter((c) => c !== u.county).map(countyName), ...ownPeople(u))
        : refuse(403),
  },
];

// ── A pact and its joint bodies: members only; a hidden pact answers like a missing one ────────

const PACT_ROWS: GetRow[] = [
  ...ALL_PACTS.map((p): GetRow => ({
    route: "pacts.$pactId._index",
    name: `/pacts/:pactId — ${p.label}`,
    at: pactAt(p),
    expect: (u) =>
      isMember(p, u.county) ? show(p.title, ...p.bodies.map((b) => b.name), ...names(peopleNamedBy(p))) : refuse(404),
  })),
  {
    route: "pacts.$pactId._index",
    name: "/pacts/:pactId — a pact id that does not exist",
    at: () => ({ path: `/pacts/${MISSING_ID}`, params: { pactId: MISSING_ID } }),
    expect: () => refuse(404),
  },
  {
    route: "pacts.$pactId._index",
    name: "/pacts/:pactId — not an id at all",
    at: () => ({ path: "/pacts/1%20or%201=1", params: { pactId: "1 or 1=1" } }),
    expect: () => refuse(404),
  },
  ...ALL_PACTS.map((p): GetRow => ({
    route: "pacts.$pactId.bodies.new",
    name: `/pacts/:pactId/bodies/new — ${p.label}`,
    at: pactAt(p, "/bodies/new"),
    expect: (u) => (!isMember(p, u.county) ? refuse(404) : managesPacts(u) ? show(p.title, ...ownPeople(u)) : refuse(403)),
  })),
  {
    route: "pacts.$pactId.bodies.new",
    name: "/pacts/:pactId/bodies/new — a pact id that does not exist",
    at: () => ({ path: `/pacts/${MISSING_ID}/bodies/new`, params: { pactId: MISSING_ID } }),
    expect: () => refuse(404),
  },
  ...ALL_PACTS.flatMap((p) =>
    p.bodies.map((b, i): GetRow => ({
      route: "pacts.$pactId.bodies.$bodyId",
      name: `/pacts/:pactId/bodies/:bodyId — ${b.name} of ${p.label}`,
      at: (t) => ({
        path: `/pacts/${t.pacts[p.key]}/bodies/${t.bodies[p.key][i]}`,
        params: { pactId: String(t.pacts[p.key]), bodyId: String(t.bodies[p.key][i]) },
      }),
      expect: (u) => (isMember(p, u.county) ? show(p.title, b.name, ...names(b.members)) : refuse(404)),
    })),
  ),
  {
    // YP is a member of XH–YP, but this body belongs to XH–TZ: a pact the viewer sees must not
    // open a body of another pact.
    route: "pacts.$pactId.bodies.$bodyId",
    name: "/pacts/:pactId/bodies/:bodyId — an XH–TZ body addressed under the XH–YP pact",
    at: (t) => ({
      path: `/pacts/${t.pacts.xhYp}/bodies/${t.bodies.xhTz[0]}`,
      params: { pactId: String(t.pacts.xhYp), bodyId: String(t.bodies.xhTz[0]) },
    }),
    expect: () => refuse(404),
  },
  {
    route: "pacts.$pactId.bodies.$bodyId",
    name: "/pacts/:pactId/bodies/:bodyId — a body id that does not exist, under the XH–TZ pact",
    at: (t) => ({
      path: `/pacts/${t.pacts.xhTz}/bodies/${MISSING_ID}`,
      params: { pactId: String(t.pacts.xhTz), bodyId: MISSING_ID },
    }),
    expect: () => refuse(404),
  },
];


// ── County administration: the county's own admin only; another county's ids answer 404 ───────

/** One user of each county, aimed at by every county's admin. */
const TARGET_USERS = ["xh.leader", "tz.mediator", "yp.grid", "zj.police"];
/** One node of each county that has any (ZJ has none). */
const TARGET_REGIONS: { county: CountyCode; name: string }[] = [
  { county: "XH", name: "街上村" },
  { county: "TZ", name: "阳寨村" },
  { county: "YP", name: "皂角坪街道" },
];

const ADMIN_ROWS: GetRow[] = [
  { route: "admin._index", name: "/admin", at: () => ({ path: "/admin" }), expect: adminsOnly((u) => show(countyName(u.county))) },
  {
    route: "admin.second-factor",
    name: "/admin/second-factor",
    at: () => ({ path: "/admin/second-factor" }),
    expect: adminsOnly((u) => show(...ownPeople(u))),
  },
  {
    route: "admin.users._index",
    name: "/admin/users",
    at: () => ({ path: "/admin/users" }),
    expect: adminsOnly((u) => show(countyName(u.county), ...ownPeople(u))),
  },
  { route: "admin.users.new", name: "/admin/users/new", at: () => ({ path: "/admin/users/new" }), expect: adminsOnly(() => show()) },
  ...TARGET_USERS.map((username): GetRow => ({
    route: "admin.users.$userId",
    name: `/admin/users/:userId — ${username}`,
    at: (t) => ({ path: `/admin/users/${t.people[username].id}`, params: { userId: t.people[username].id } }),
    expect: adminsOnly((u) => (u.county === countyOf(username) ? show(nameOf(username), username) : refuse(404))),
  })),
  {
    route: "admin.users.$userId",
    name: "/admin/users/:userId — a user id that does not exist",
    at: () => ({ path: `/admin/users/${MISSING_USER_ID}`, params: { userId: MISSING_USER_ID } }),
    expect: adminsOnly(() => refuse(404)),
  },
  {
    route: "admin.regions._index",
    name: "/admin/regions",
    at: () => ({ path: "/admin/regions" }),
    expect: adminsOnly((u) => show(countyName(u.county), ...regionNamesOf(u.county))),
  },
  {
    // "Add below" preselects a parent: only one of the county's own nodes.
    route: "admin.regions._index",
    name: "/admin/regions?parent= a TZ township",
    at: (t) => ({ path: `/admin/regions?parent=${t.regions["坪地镇"]}` }),
    expect: adminsOnly((u) => (u.county === "TZ" ? show(...regionNamesOf("TZ")) : show('"parentId":""'))),
  },
  ...TARGET_REGIONS.map(({ county, name }): GetRow => ({
    route: "admin.regions.$regionId",
    name: `/admin/regions/:regionId — ${county} ${name}`,
    at: (t) => ({ path: `/admin/regions/${t.regions[name]}`, params: { regionId: String(t.regions[name]) } }),
    expect: adminsOnly((u) => (u.county === county ? show(name) : refuse(404))),
  })),
  {
    route: "admin.regions.$regionId",
    name: "/admin/regions/:regionId — a region id that does not exist",
    at: () => ({ path: `/admin/regions/${MISSING_ID}`, params: { regionId: MISSING_ID } }),
    expect: adminsOnly(() => refuse(404)),
  },
  {
    route: "admin.audit",
    name: "/admin/audit",
    at: () => ({ path: "/admin/audit" }),
    expect: adminsOnly((u) => show(countyName(u.county))),
    ownInput: refusedIdsOf,
  },
  {
    route: "admin.audit",
    name: "/admin/audit?verify=1 (whole chain checked, only ok/broken shown)",
    at: () => ({ path: "/admin/audit?verify=1" }),
    expect: adminsOnly((u) => show(countyName(u.county), '"ok":true')),
    ownInput: refusedIdsOf,
  },
];

// ── Everyone's own pages, sign-in plumbing and unknown addresses ───────────────────────────────

const OTHER_ROWS: GetRow[] = [
  { route: "account.password", name: "/account/password", at: () => ({ path: "/account/password" }), expect: () => show() },
  { route: "account.second-factor", name: "/account/second-factor", at: () => ({ path: "/account/second-factor" }), expect: () => show() },
  {
    route: "login_.second-factor",
    name: "/login/second-factor (signed in, nothing pending)",
    at: () => ({ path: "/login/second-factor" }),
    expect: () => show(),
  },
  {
    route: "$",
    name: "/* (unknown address)",
    at: (t) => ({ path: `/pacts-archive/${t.pacts.xhTz}`, params: { "*": `pacts-archive/${t.pacts.xhTz}` } }),
    expect: () => refuse(404),
  },
  { route: "login", name: "/login (signed in)", at: () => ({ path: "/login" }), expect: () => redirectTo("/") },
  {
    route: "login",
    name: "/login?redirectTo=/pacts (signed in)",
    at: () => ({ path: "/login?redirectTo=%2Fpacts" }),
    expect: () => redirectTo("/pacts"),
  },
  { route: "logout", name: "/logout (GET)", at: () => ({ path: "/logout" }), expect: () => redirectTo("/") },
  { route: "lang", name: "/lang (GET)", at: () => ({ path: "/lang" }), expect: () => redirectTo("/") },
];

export const GET_ROWS: GetRow[] = [...OVERVIEW_ROWS, ...PACT_ROWS, ...ADMIN_ROWS, ...OTHER_ROWS, ...SEARCH_ROWS, ...CASE_ENGINE_ROWS, ...HAZARD_ROWS, ...DISPUTE_ROWS, ...AGREEMENT_ROWS, ...NOTICE_ROWS, ...NOTICE_FIGURES_ROWS,
  ...PATROL_ROWS, ...MEETING_ROWS, ...PROJECT_ROWS, ...STATS_ROWS];
