/**
 * Isolation rows for the statistics page (/stats) and its exports (/stats/export), spread into
 * GET_ROWS. Anyone who may view a workflow opens the page and sees only the pacts of the own
 * county; a pact of another county answers exactly like a missing one. Exports are for roles
 * that may export (grid workers and county admins get 403) and come back as CSV here, so that the
 * file's text is checked for what the county must not see. The county view (pact=county) holds
 * everything the county can see across its pacts: its figures, trends, breakdowns (with township
 * names) and its export are checked the same way.
 */
import { todayInChina } from "~/i18n";
import type { Expectation, GetRow } from "./isolation-table";
import { MISSING_ID, type Targets } from "./isolation-targets";
import { ALL_PACTS, countyName, isMember, memberPactsOf, type DemoUser, type PactFixture } from "./isolation-world";

const viewsSomething = (u: DemoUser) => u.suffix !== "admin";
const exports = (u: DemoUser) => ["pl", "police", "mediator", "leader"].includes(u.suffix);
const show = (...mustSee: string[]): Expectation => ({ outcome: "data", mustSee });

const year = () => todayInChina().slice(0, 4);
const exportAt = (pactId: string | number) => ({
  path: `/stats/export?${new URLSearchParams({ pact: String(pactId), from: `${year()}-01-01`, to: `${year()}-12-31`, format: "csv" })}`,
});
const pageAt = (p: PactFixture) => (t: Targets) => ({ path: `/stats?pact=${t.pacts[p.key]}&period=year` });

export const STATS_ROWS: GetRow[] = [
  {
    route: "stats._index",
    name: "/stats — the first pact of the county, or the empty state",
    at: () => ({ path: "/stats" }),
    expect: (u) => (viewsSomething(u) ? show(...memberPactsOf(u.county).map((p) => p.title)) : { outcome: 403 }),
  },
  ...ALL_PACTS.map((p): GetRow => ({
    route: "stats._index",
    name: `/stats?pact= — ${p.label}`,
    at: pageAt(p),
    expect: (u) => (!viewsSomething(u) ? { outcome: 403 } : isMember(p, u.county) ? show(p.title) : { outcome: 404 }),
  })),
  {
    route: "stats._index",
    name: "/stats?pact=county — the county across all its pacts, this year",
    at: () => ({ path: "/stats?pact=county&period=year" }),
    expect: (u) => (viewsSomething(u) ? show(countyName(u.county)) : { outcome: 403 }),
  },
  {
    route: "stats.export",
    name: "/stats/export?pact=county — the county view as a file",
    at: () => exportAt("county"),
    expect: (u) => (exports(u) ? { outcome: "file", mustSee: [countyName(u.county)] } : { outcome: 403 }),
  },
  {
    route: "stats._index",
    name: "/stats?pact= — a pact id that does not exist",
    at: () => ({ path: `/stats?pact=${MISSING_ID}` }),
    expect: (u) => (viewsSomething(u) ? { outcome: 404 } : { outcome: 403 }),
  },
  ...ALL_PACTS.map((p): GetRow => ({
    route: "stats.export",
    name: `/stats/export — ${p.label}`,
    at: (t) => exportAt(t.pacts[p.key]),
    expect: (u) => (!exports(u) ? { outcome: 403 } : isMember(p, u.county) ? { outcome: "file", mustSee: [p.title] } : { outcome: 404 }),
  })),
  {
    route: "stats.export",
    name: "/stats/export — a pact id that does not exist",
    at: () => exportAt(MISSING_ID),
    expect: (u) => (exports(u) ? { outcome: 404 } : { outcome: 403 }),
  },
];
