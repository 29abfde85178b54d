/**
 * Isolation rows for the hazard pages (spread into GET_ROWS and WRITE_ROWS). The targets are demo
 * hazards and sweeps (db/seed/hazards-demo*.ts), looked up by their stable titles: a hazard is seen
 * by its owner county and, under an active pact, the addressed partner, and only by roles that may
 * view hazards; a sweep by the member counties of its pact. Everything else answers 404 (403 for a
 * role that may not open the page at all).
 */
import { and, eq } from "drizzle-orm";
import { jointSweeps, records } from "~db/schema";
import { FIREWORKS_TITLE } from "~db/seed/hazards-demo-data";
import { getDb } from "~/modules/db/connection.server";
import type { FormFields } from "../integration/helpers/requests";
import type { Address, Expectation, GetRow } from "./isolation-table";
import { MISSING_ID } from "./isolation-targets";
import { countyName, type CountyCode, type DemoUser } from "./isolation-world";
import type { WriteRow } from "./isolation-writes";

const seesHazards = (u: DemoUser) => u.suffix !== "admin" && u.suffix !== "mediator";
const reports = (u: DemoUser) => u.suffix === "pl" || u.suffix === "police" || u.suffix === "grid";
const handles = (u: DemoUser) => u.suffix === "pl" || u.suffix === "police";
const show = (...mustSee: string[]): Expectation => ({ outcome: "data", mustSee });
const refuse = (outcome: 403 | 404): Expectation => ({ outcome });

function hazardId(title: string): number {
  const row = getDb().select({ id: records.id }).from(records).where(and(eq(records.workflow, "hazard"), eq(records.title, title))).get();
  if (!row) throw new Error(`demo hazard ${title} is missing`);
  return row.id;
}

function sweepId(title: string): number {
  const row = getDb().select({ id: jointSweeps.id }).from(jointSweeps).where(eq(jointSweeps.title, title)).get();
  if (!row) throw new Error(`demo sweep ${title} is missing`);
  return row.id;
}

const hazardAt = (title: string) => (): Address => {
  const id = String(hazardId(title));
  return { path: `/hazards/${id}`, params: { hazardId: id } };
};
const sweepAt = (title: string) => (): Address => {
  const id = String(sweepId(title));
  return { path: `/hazards/sweeps/${id}`, params: { sweepId: id } };
};

/** Demo hazards: who owns each and which counties it is shared with. */
const HAZARDS: { title: string; label: string; counties: CountyCode[] }[] = [
  { title: FIREWORKS_TITLE, label: "the fireworks store (XH, shared with TZ)", counties: ["XH", "TZ"] },
  { title: "阳寨村私设加油点", label: "a TZ hazard shared with XH", counties: ["XH", "TZ"] },
  { title: "贡溪镇与皂角坪交界处废弃矿洞", label: "an XH hazard shared with YP", counties: ["XH", "YP"] },
  { title: "皂角坪至贡溪公路落石", label: "a YP hazard shared with XH", counties: ["XH", "YP"] },
  { title: "花园村山塘堤坝渗水", label: "an XH internal hazard", counties: ["XH"] },
  { title: "邦洞街道网吧接纳未成年人", label: "a TZ internal hazard", counties: ["TZ"] },
];

/** The newest hazard each county sees first in its list. */
const NEWEST: Partial<Record<CountyCode, string>> = { XH: "花园村山塘堤坝渗水", TZ: "阳寨村出租屋存放大量液化气罐", YP: "老旧小区电动车楼道充电" };

const SWEEPS: { title: string; label: string; counties: CountyCode[] }[] = [
  { title: "凉伞—坪地边界隐患季度联合排查", label: "the XH–TZ periodic sweep", counties: ["XH", "TZ"] },
  { title: "贡溪—皂角坪烟花爆竹与危险品重点排查", label: "the XH–YP focused sweep", counties: ["XH", "YP"] },
];

export const HAZARD_ROWS: GetRow[] = [
  {
    route: "hazards._index",
    name: "/hazards",
    at: () => ({ path: "/hazards" }),
    expect: (u) => (!seesHazards(u) ? refuse(403) : NEWEST[u.county] ? show(NEWEST[u.county]!) : show()),
  },
  {
    route: "hazards._index",
    name: "/hazards?overdue=1 (another county's id as owner filter)",
    at: () => ({ path: "/hazards?overdue=1&county=1&pact=1" }),
    expect: (u) => (seesHazards(u) ? show() : refuse(403)),
  },
  {
    route: "hazards.new",
    name: "/hazards/new",
    at: () => ({ path: "/hazards/new" }),
    expect: (u) => (reports(u) ? show(countyName(u.county)) : refuse(403)),
  },
  ...SWEEPS.map((s): GetRow => ({
    route: "hazards.new",
    name: `/hazards/new?sweep= ${s.label}`,
    at: () => ({ path: `/hazards/new?sweep=${sweepId(s.title)}` }),
    expect: (u) => (!reports(u) ? refuse(403) : s.counties.includes(u.county) ? show(s.title) : refuse(404)),
  })),
  ...HAZARDS.map((h): GetRow => ({
    route: "hazards.$hazardId",
    name: `/hazards/:hazardId — ${h.label}`,
    at: hazardAt(h.title),
    expect: (u) => (seesHazards(u) && h.counties.includes(u.county) ? show(h.title) : refuse(404)),
  })),
  {
    route: "hazards.$hazardId",
    name: "/hazards/:hazardId — an id that does not exist",
    at: () => ({ path: `/hazards/${MISSING_ID}`, params: { hazardId: MISSING_ID } }),
    expect: () => refuse(404),
  },
  {
    route: "hazards.sweeps._index",
    name: "/hazards/sweeps",
    at: () => ({ path: "/hazards/sweeps" }),
    expect: (u) => (!seesHazards(u) ? refuse(403) : show(...SWEEPS.filter((s) => s.counties.includes(u.county)).map((s) => s.title))),
  },
  {
    route: "hazards.sweeps.new",
    name: "/hazards/sweeps/new",
    at: () => ({ path: "/hazards/sweeps/new" }),
    expect: (u) => (handles(u) ? show() : refuse(403)),
  },
  ...SWEEPS.map((s): GetRow => ({
    route: "hazards.sweeps.$sweepId",
    name: `/hazards/sweeps/:sweepId — ${s.label}`,
    at: sweepAt(s.title),
    expect: (u) => (!seesHazards(u) ? refuse(403) : s.counties.includes(u.county) ? show(s.title) : refuse(404)),
  })),
  {
    route: "hazards.sweeps.$sweepId",
    name: "/hazards/sweeps/:sweepId — an id that does not exist",
    at: () => ({ path: `/hazards/sweeps/${MISSING_ID}`, params: { sweepId: MISSING_ID } }),
    expect: (u) => (seesHazards(u) ? refuse(404) : refuse(403)),
  },
];

const step = (intent: string, extra: FormFields = {}) => (): FormFields => ({ intent, note: "越权操作测试", ...extra });

export const HAZARD_WRITES: WriteRow[] = [
  { route: "hazards.$hazardId", name: "yp.police verifies the XH–TZ fireworks hazard", username: "yp.police", at: hazardAt(FIREWORKS_TITLE), fields: step("verify"), outcome: 404 },
  { route: "hazards.$hazardId", name: "zj.pl writes in the XH–TZ fireworks thread", username: "zj.pl", at: hazardAt(FIREWORKS_TITLE), fields: () => ({ intent: "thread", body: "越界留言" }), outcome: 404 },
  { route: "hazards.$hazardId", name: "tz.pl dismisses an XH–YP hazard", username: "tz.pl", at: hazardAt("贡溪镇与皂角坪交界处废弃矿洞"), fields: step("dismiss"), outcome: 404 },
  { route: "hazards.$hazardId", name: "xh.police writes in a TZ internal hazard", username: "xh.police", at: hazardAt("邦洞街道网吧接纳未成年人"), fields: () => ({ intent: "thread", body: "越界留言" }), outcome: 404 },
  { route: "hazards.$hazardId", name: "tz.grid (sees it, may not handle it) verifies a TZ hazard shared with XH", username: "tz.grid", at: hazardAt("阳寨村出租屋存放大量液化气罐"), fields: step("verify"), outcome: 403 },
  {
    route: "hazards.$hazardId",
    name: "tz.police adjusts a YP hazard's rectification (XH–YP)",
    username: "tz.police",
    at: hazardAt("皂角坪至贡溪公路落石"),
    fields: step("adjust", { measures: "改", deadline: "2099-01-01" }),
    outcome: 404,
  },
  { route: "hazards.sweeps.$sweepId", name: "yp.police joins yp.grid to the XH–TZ sweep", username: "yp.police", at: sweepAt("凉伞—坪地边界隐患季度联合排查"), fields: (t) => ({ intent: "add", userId: t.people["yp.grid"].id }), outcome: 404 },
  { route: "hazards.sweeps.$sweepId", name: "xh.police joins YP's grid worker to the XH–YP sweep", username: "xh.police", at: sweepAt("贡溪—皂角坪烟花爆竹与危险品重点排查"), fields: (t) => ({ intent: "add", userId: t.people["yp.grid"].id }), outcome: 400 },
  { route: "hazards.sweeps.$sweepId", name: "tz.police completes the XH–YP sweep", username: "tz.police", at: sweepAt("贡溪—皂角坪烟花爆竹与危险品重点排查"), fields: () => ({ intent: "complete", outcome: "越权" }), outcome: 404 },
  { route: "hazards.sweeps.$sweepId", name: "xh.grid (member, not a handler) cancels the XH–YP sweep", username: "xh.grid", at: sweepAt("贡溪—皂角坪烟花爆竹与危险品重点排查"), fields: () => ({ intent: "cancel", reason: "越权" }), outcome: 403 },
];
