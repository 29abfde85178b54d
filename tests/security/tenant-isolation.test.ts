/**
 * Walks the tenant-isolation tables: every GET row × the 24 demo users (isolation-table.ts), and
 * every refused write (isolation-writes.ts). Nothing here knows about particular routes: rows
 * are added to the tables, never to this walker.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getAs, postAs, routeArgs, settle } from "../integration/helpers/requests";
import { useDemoData } from "../setup/demo";
import { ROUTE_MODULES, type RouteKey, type RouteModule } from "./isolation-routes";
import { GET_ROWS, describeOutcome, type Expectation } from "./isolation-table";
import { prepareTargets, snapshotDomainTables, targets } from "./isolation-targets";
import { WRITE_ROWS } from "./isolation-writes";
import {
  DEMO_USERS,
  countyOf,
  pactFixture,
  peopleOf,
  regionNamesOf,
  type CountyCode,
  type DemoUser,
} from "./isolation-world";

useDemoData();
beforeAll(prepareTargets);

interface Answer {
  /** "data": the function returned; "response": it threw or returned a Response. */
  kind: "data" | "response";
  status: number;
  location: string | null;
  /** What a browser could receive: the JSON of the data, or the Response's body. */
  text: string;
}

function isDataWithInit(value: unknown): value is { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

async function answerOf(route: RouteKey, fn: "loader" | "action", request: Request, params: Record<string, string> = {}): Promise<Answer> {
  const run = (ROUTE_MODULES[route] as RouteModule)[fn];
  if (!run) throw new Error(`route ${route} has no ${fn}`);
  const out = await settle(Promise.resolve().then(() => run(routeArgs(request, params) as never)));
  if (out instanceof Response) {
    return { kind: "response", status: out.status, location: out.headers.get("Location"), text: await out.text() };
  }
  if (isDataWithInit(out)) {
    return { kind: "data", status: out.init?.status ?? 200, location: null, text: JSON.stringify(out.data) ?? "" };
  }
  return { kind: "data", status: 200, location: null, text: JSON.stringify(out) ?? "" };
}

/** Forbidden strings found in an answer; what the county typed itself is not held against it. */
function leaksIn(county: CountyCode, text: string, ownInput = ""): string[] {
  return targets.forbidden[county].filter((s) => text.includes(s) && !ownInput.includes(s));
}

function expectOutcome(answer: Answer, expected: Expectation) {
  const { outcome } = expected;
  if (outcome === "data") {
    expect(answer.kind, `expected data, got ${answer.status} ${answer.location ?? ""}`).toBe("data");
    expect(answer.status).toBe(200);
    for (const s of expected.mustSee ?? []) expect(answer.text, `must show ${s}`).toContain(s);
  } else if (outcome === "file") {
    expect(answer.kind, `expected a file, got data`).toBe("response");
    expect(answer.status).toBe(200);
    for (const s of expected.mustSee ?? []) expect(answer.text, `must hold ${s}`).toContain(s);
  } else if (typeof outcome === "object") {
    expect(answer.kind).toBe("response");
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(outcome.redirect);
  } else {
    expect(answer.kind, `expected ${outcome}, got data`).toBe("response");
    expect(answer.status).toBe(outcome);
    // A hidden thing and a missing one answer alike, down to the body.
    if (outcome === 404) expect(answer.text).toBe("Not Found");
  }
}

describe("the isolation table covers the portal", () => {
  it("lists exactly the route modules of app/routes", () => {
    const files = fs
      .readdirSync(path.resolve("app/routes"))
      .filter((f) => f.endsWith(".tsx") || f.endsWith(".ts"))
      .map((f) => f.replace(/\.tsx?$/, ""))
      .sort();
    expect(Object.keys(ROUTE_MODULES).sort()).toEqual(files);
  });

  it("has GET rows for every route, and write rows for every action that takes an id", () => {
    const read = new Set(GET_ROWS.map((r) => r.route));
    const written = new Set(WRITE_ROWS.map((r) => r.route));
    const keys = Object.keys(ROUTE_MODULES) as RouteKey[];
    expect(keys.filter((k) => (ROUTE_MODULES[k] as RouteModule).loader && !read.has(k))).toEqual([]);
    expect(keys.filter((k) => (ROUTE_MODULES[k] as RouteModule).action && k.includes(".$") && !written.has(k))).toEqual([]);
  });

  it("walks all 24 demo users: 4 counties × 6 roles", () => {
    expect(DEMO_USERS).toHaveLength(24);
    expect(new Set(DEMO_USERS.map((u) => u.username)).size).toBe(24);
  });

  it("forbids what the issue says: ZJ sees nothing of the others but its own pacts; YP nothing of TZ", () => {
    const names = (...usernames: string[]) => usernames.map((u) => DEMO_USERS.find((d) => d.username === u)!.displayName);
    // ZJ's only partner is XH, through the fresh pacts, which name xh.pl and xh.police alone.
    expect(targets.forbidden.ZJ).toEqual(expect.arrayContaining([
      ...names("xh.admin", "xh.mediator", "xh.grid", "xh.leader"),
      ...[...peopleOf("TZ"), ...peopleOf("YP")].flatMap((u) => [u.displayName, u.username]),
      ...regionNamesOf("TZ"), ...regionNamesOf("YP"),
      pactFixture("xhTz").title, pactFixture("xhYp").title,
      "凉伞—坪地边界联合调解委员会", "湘黔边界联合巡防队", "贡溪—皂角坪边界联合调解委员会",
    ]));
    expect(targets.forbidden.ZJ).not.toEqual(expect.arrayContaining(names("xh.pl")));
    expect(targets.forbidden.YP).toEqual(expect.arrayContaining([
      ...peopleOf("TZ").map((u) => u.displayName), ...regionNamesOf("TZ"),
      pactFixture("xhTz").title, "凉伞—坪地边界联合调解委员会", pactFixture("xhZj").title, pactFixture("xhZjProposed").title,
    ]));
    expect(targets.forbidden.TZ).toEqual(expect.arrayContaining([
      ...peopleOf("YP").map((u) => u.displayName), ...regionNamesOf("YP"),
      pactFixture("xhYp").title, "贡溪—皂角坪边界联合调解委员会", pactFixture("xhZj").title,
    ]));
    // A partner's people named by a shared pact are not forbidden; its other people are.
    expect(targets.forbidden.TZ).toEqual(expect.arrayContaining(names("xh.leader")));
    expect(targets.forbidden.TZ).not.toEqual(expect.arrayContaining(names("xh.pl")));
    // Regions are shared with hazard partners only (the report form offers them): TZ sees XH's,
    // never YP's; ZJ sees XH's through the fresh XH–ZJ pact that covers hazards.
    expect(targets.forbidden.TZ).not.toEqual(expect.arrayContaining(regionNamesOf("XH")));
    expect(targets.forbidden.ZJ).not.toEqual(expect.arrayContaining(regionNamesOf("XH")));
    // A partner's people who wrote in a hazard shared with the county are not forbidden.
    expect(targets.forbidden.YP).not.toEqual(expect.arrayContaining(names("xh.police")));
  });
});

describe.each(GET_ROWS.map((row) => [row.name, row] as const))("GET %s", (_name, row) => {
  const cases = DEMO_USERS.map((user) => [user.username, describeOutcome(row.expect(user)), user] as const);
  it.each(cases)("%s → %s", async (_username, _outcome, user: DemoUser) => {
    const { path: url, params } = row.at(targets);
    const answer = await answerOf(row.route, "loader", await getAs(user.username, url), params);
    expectOutcome(answer, row.expect(user));
    const echoed = (row.ownInput?.(user) ?? []).join("\n");
    expect(leaksIn(user.county, answer.text, echoed), "strings this county must not see").toEqual([]);
  });
});

describe("refused writes change nothing", () => {
  it.each(WRITE_ROWS.map((row) => [row.name, row.outcome, row] as const))("POST: %s → %s", async (_name, _outcome, row) => {
    const { path: url, params } = row.at(targets);
    const fields = row.fields(targets);
    const request = await postAs(row.username, url, fields);
    const before = snapshotDomainTables();
    const answer = await answerOf(row.route, "action", request, params);
    expect(answer.status).toBe(row.outcome);
    if (row.outcome === 404) expect(answer.text).toBe("Not Found");
    expect(snapshotDomainTables()).toEqual(before);
    expect(leaksIn(countyOf(row.username), answer.text, JSON.stringify(fields)), "strings this county must not see").toEqual([]);
  });
});
