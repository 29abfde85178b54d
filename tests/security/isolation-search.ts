/**
 * Isolation rows for /search (spread into GET_ROWS). Whatever is searched, the answer may carry
 * only the viewer's own county, its pacts and partners as choices, and records the policy lets it
 * see; a county admin's role sees no workflow and is refused.
 */
import type { Expectation, GetRow } from "./isolation-table";
import { countyName, type DemoUser } from "./isolation-world";

const rule = (u: DemoUser): Expectation =>
  u.suffix === "admin" ? { outcome: 403 } : { outcome: "data", mustSee: [countyName(u.county)] };

/** Typed into the box, so echoed back: not held against the county. */
const QUERY = "隐患";

export const SEARCH_ROWS: GetRow[] = [
  { route: "search", name: "/search (nothing typed yet)", at: () => ({ path: "/search" }), expect: rule },
  {
    route: "search",
    name: "/search?q=隐患",
    at: () => ({ path: `/search?q=${encodeURIComponent(QUERY)}` }),
    expect: rule,
    ownInput: () => [QUERY],
  },
];
