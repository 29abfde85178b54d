/**
 * Isolation row for the notice figures page (/notices/figures), spread into GET_ROWS: police
 * liaisons, political-legal staff and leaders see it; every other role is refused with 403.
 */
import type { Expectation, GetRow } from "./isolation-table";
import type { DemoUser } from "./isolation-world";

const seesNotices = (u: DemoUser) => u.suffix === "police" || u.suffix === "pl" || u.suffix === "leader";
const show = (): Expectation => ({ outcome: "data", mustSee: [] });

export const NOTICE_FIGURES_ROWS: GetRow[] = [
  {
    route: "notices.figures",
    name: "/notices/figures",
    at: () => ({ path: "/notices/figures" }),
    expect: (u) => (seesNotices(u) ? show() : { outcome: 403 }),
  },
];
