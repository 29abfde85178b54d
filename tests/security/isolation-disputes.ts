/**
 * Isolation rows for the dispute pages (spread into GET_ROWS and WRITE_ROWS). The targets are
 * disputes made here through the real services the first time a row needs them (after the demo
 * seed and prepareTargets): two under XH–TZ (one XH-led, one TZ-led, with the XH–TZ committee),
 * one under XH–YP and one internal to XH. A dispute is seen by its owner county and, under an
 * active pact, the addressed partner, and only by roles that may view disputes: YP sees the XH–YP
 * dispute but no XH–TZ one; ZJ sees none. Their titles, descriptions and the parties' phone and ID
 * numbers are added to the strings each county that does not see them must never receive.
 */
import { eq } from "drizzle-orm";
import { jointBodies, regions } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import { reportDispute } from "~/modules/disputes/report.server";
import type { PartyInput } from "~/modules/disputes/schemas";
import type { FormFields } from "../integration/helpers/requests";
import { countyIdOf, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import type { Address, Expectation, GetRow } from "./isolation-table";
import { MISSING_ID, type Targets } from "./isolation-targets";
import { COUNTY_CODES, countyName, type CountyCode, type DemoUser } from "./isolation-world";
import type { WriteRow } from "./isolation-writes";

type DisputeKey = "xhTz" | "tzXh" | "xhYp" | "xhOnly";

interface DisputeFixture {
  key: DisputeKey;
  label: string;
  title: string;
  description: string;
  by: string;
  pact: [CountyCode, CountyCode] | null;
  region: string | null;
  committee: string | null;
  parties: [CountyCode, CountyCode];
  counties: CountyCode[];
}

const DISPUTES: DisputeFixture[] = [
  { key: "xhTz", label: "an XH-led XH–TZ dispute", title: "花园村与阳寨村林界纠纷（隔离）", description: "隔离测试：花园村与阳寨村为杉木林界线争执。", by: "xh.mediator", pact: ["XH", "TZ"], region: "花园村", committee: "凉伞—坪地边界联合调解委员会", parties: ["XH", "TZ"], counties: ["XH", "TZ"] },
  { key: "tzXh", label: "a TZ-led XH–TZ dispute", title: "阳寨村灌溉用水纠纷（隔离）", description: "隔离测试：阳寨村与街上村争用山塘水。", by: "tz.mediator", pact: ["XH", "TZ"], region: "阳寨村", committee: "凉伞—坪地边界联合调解委员会", parties: ["TZ", "XH"], counties: ["XH", "TZ"] },
  { key: "xhYp", label: "an XH–YP dispute", title: "贡溪镇务工工资纠纷（隔离）", description: "隔离测试：玉屏务工人员与贡溪镇工地拖欠工资。", by: "xh.mediator", pact: ["XH", "YP"], region: "贡溪镇", committee: "贡溪—皂角坪边界联合调解委员会", parties: ["XH", "YP"], counties: ["XH", "YP"] },
  { key: "xhOnly", label: "an XH internal dispute", title: "林冲镇邻里宅基地纠纷（隔离）", description: "隔离测试：林冲镇两户宅基地滴水纠纷。", by: "xh.mediator", pact: null, region: "林冲镇", committee: null, parties: ["XH", "XH"], counties: ["XH"] },
];

const made = {} as Record<DisputeKey, { id: number; secrets: string[] }>;

const idOfRegion = (name: string) => getDb().select({ id: regions.id }).from(regions).where(eq(regions.name, name)).get()!.id;
const idOfBody = (name: string) => getDb().select({ id: jointBodies.id }).from(jointBodies).where(eq(jointBodies.name, name)).get()!.id;

/** Makes the disputes once, and forbids their text and personal data to the counties that do not see them. */
function disputeTargets(t: Targets) {
  if (made.xhTz) return made;
  DISPUTES.forEach((d, i) => {
    const parties: PartyInput[] = d.parties.map((code, j) => ({
      name: `隔离当事人${i}${j}`, countyId: countyIdOf(code), village: "", phone: `1550000${i}${j}${i}${j}`, idNumber: `5226271980010${i}${j}${i}${j}X`,
    }));
    const result = reportDispute(viewerOf(d.by), {
      title: d.title, type: "land_forest", escalationRisk: "medium", pactId: d.pact ? pactIdBetween(...d.pact) : null,
      regionId: d.region ? idOfRegion(d.region) : null, committeeId: d.committee ? idOfBody(d.committee) : null,
      placeText: "", peopleInvolved: 4, amountInvolved: 1000, description: d.description, parties,
    });
    if (!result.ok) throw new Error(`dispute ${d.key} refused: ${JSON.stringify(result.errors)}`);
    const secrets = [d.title, d.description, ...parties.flatMap((p) => [p.phone, p.idNumber])];
    made[d.key] = { id: result.id, secrets };
    for (const code of COUNTY_CODES) if (!d.counties.includes(code)) t.forbidden[code].push(...secrets);
  });
  return made;
}

const seesDisputes = (u: DemoUser) => ["pl", "mediator", "grid", "leader"].includes(u.suffix);
const reports = (u: DemoUser) => ["pl", "mediator", "grid"].includes(u.suffix);
const show = (...mustSee: string[]): Expectation => ({ outcome: "data", mustSee });
const refuse = (outcome: 403 | 404): Expectation => ({ outcome });

const disputeAt = (key: DisputeKey) => (t: Targets): Address => {
  const id = String(disputeTargets(t)[key].id);
  return { path: `/disputes/${id}`, params: { disputeId: id } };
};
const titlesSeenBy = (county: CountyCode) => DISPUTES.filter((d) => d.counties.includes(county)).map((d) => d.title);

export const DISPUTE_ROWS: GetRow[] = [
  {
    route: "disputes._index",
    name: "/disputes",
    at: (t) => (disputeTargets(t), { path: "/disputes" }),
    expect: (u) => (seesDisputes(u) ? show(...titlesSeenBy(u.county)) : refuse(403)),
  },
  {
    route: "disputes._index",
    name: "/disputes?lead= another county, pact= another county's pact",
    at: (t) => (disputeTargets(t), { path: `/disputes?lead=${countyIdOf("TZ")}&pact=${t.pacts.xhTz}` }),
    expect: (u) => (seesDisputes(u) ? show() : refuse(403)),
  },
  {
    route: "disputes.new",
    name: "/disputes/new",
    at: () => ({ path: "/disputes/new" }),
    expect: (u) => (reports(u) ? show(countyName(u.county)) : refuse(403)),
  },
  ...DISPUTES.map((d): GetRow => ({
    route: "disputes.$disputeId",
    name: `/disputes/:disputeId — ${d.label}`,
    at: disputeAt(d.key),
    expect: (u) => (seesDisputes(u) && d.counties.includes(u.county) ? show(d.title) : refuse(404)),
  })),
  {
    route: "disputes.$disputeId",
    name: "/disputes/:disputeId — an id that does not exist",
    at: () => ({ path: `/disputes/${MISSING_ID}`, params: { disputeId: MISSING_ID } }),
    expect: () => refuse(404),
  },
];

const uid = (t: Targets, username: string) => t.people[username].id;
const step = (intent: string, extra: FormFields = {}) => (): FormFields => ({ intent, note: "越权操作测试", ...extra });
const sessionBy = (...mediators: string[]) => (t: Targets): FormFields => ({
  intent: "session", heldOn: "2026-01-05", place: "越界", notes: "越权", mediatorIds: mediators.map((m) => uid(t, m)),
});
const lead = (code: CountyCode) => (): FormFields => ({ intent: "lead", leadCountyId: String(countyIdOf(code)), reason: "越权操作测试" });

export const DISPUTE_WRITES: WriteRow[] = [
  { route: "disputes.$disputeId", name: "yp.mediator assesses the XH–TZ dispute", username: "yp.mediator", at: disputeAt("xhTz"), fields: step("assess", { status: "registered" }), outcome: 404 },
  { route: "disputes.$disputeId", name: "zj.pl writes in the XH–TZ dispute's thread", username: "zj.pl", at: disputeAt("xhTz"), fields: () => ({ intent: "thread", body: "越界留言" }), outcome: 404 },
  { route: "disputes.$disputeId", name: "tz.mediator logs a session on the XH–YP dispute", username: "tz.mediator", at: disputeAt("xhYp"), fields: sessionBy("tz.mediator"), outcome: 404 },
  { route: "disputes.$disputeId", name: "yp.pl changes the lead of an XH internal dispute", username: "yp.pl", at: disputeAt("xhOnly"), fields: lead("YP"), outcome: 404 },
  { route: "disputes.$disputeId", name: "tz.grid (sees it, does not mediate) logs a session on the XH–TZ dispute", username: "tz.grid", at: disputeAt("xhTz"), fields: sessionBy("tz.mediator"), outcome: 403 },
  { route: "disputes.$disputeId", name: "xh.leader (reads only) assesses the XH–TZ dispute", username: "xh.leader", at: disputeAt("xhTz"), fields: step("assess", { status: "registered" }), outcome: 403 },
  { route: "disputes.$disputeId", name: "tz.mediator (not of the lead county) takes the lead of the XH-led dispute", username: "tz.mediator", at: disputeAt("xhTz"), fields: lead("TZ"), outcome: 403 },
  { route: "disputes.$disputeId", name: "xh.mediator hands the XH–TZ dispute's lead to YP", username: "xh.mediator", at: disputeAt("xhTz"), fields: lead("YP"), outcome: 400 },
  { route: "disputes.$disputeId", name: "xh.mediator names YP's mediator at an XH–TZ session", username: "xh.mediator", at: disputeAt("xhTz"), fields: sessionBy("xh.mediator", "yp.mediator"), outcome: 400 },
];
