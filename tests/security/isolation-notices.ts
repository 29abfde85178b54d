/**
 * Isolation rows for the notice pages (spread into GET_ROWS and WRITE_ROWS). The targets are two
 * notices xh.police sends under the XH–TZ pact to TZ, made once through sendNotice the first time
 * a row asks for them (before any write row's snapshot): one police-only, one shared with
 * political-legal staff. A police-only notice is seen only by the police liaisons of XH and TZ;
 * the shared one also by their pl_staff and leaders. Everyone else gets 404 (403 for a role that
 * may not open notices at all). YP's pact with XH does not cover notices: YP sees none.
 */
import { eq } from "drizzle-orm";
import { noticeDetails } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import { sendNotice } from "~/modules/notices/send.server";
import { countyIdOf, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import type { FormFields } from "../integration/helpers/requests";
import type { Address, Expectation, GetRow } from "./isolation-table";
import { MISSING_ID } from "./isolation-targets";
import type { DemoUser } from "./isolation-world";
import type { WriteRow } from "./isolation-writes";

const POLICE_ONLY = "隔离测试警务专用案";
const SHARED = "隔离测试政法共享案";

const seesNotices = (u: DemoUser) => u.suffix === "police" || u.suffix === "pl" || u.suffix === "leader";
const sides = (u: DemoUser) => u.county === "XH" || u.county === "TZ";
const show = (...mustSee: string[]): Expectation => ({ outcome: "data", mustSee });
const refuse = (outcome: 403 | 404): Expectation => ({ outcome });

/** The id of the test notice with this crime category, sent on first use. */
function noticeId(category: string): number {
  const found = getDb().select({ id: noticeDetails.recordId }).from(noticeDetails).where(eq(noticeDetails.crimeCategory, category)).get();
  if (found) return found.id;
  const result = sendNotice(viewerOf("xh.police"), {
    kind: "assistance", urgency: "normal", incidentAt: Date.now() - 3_600_000, placeText: "凉伞镇", crimeCategory: category,
    summary: `${category}的案情`, suspects: "", property: "", request: "请协查", pactId: pactIdBetween("XH", "TZ"),
    addresseeCountyIds: [countyIdOf("TZ")], policeOnly: category === POLICE_ONLY, handlingCode: "no_forwarding", vehicles: [],
  });
  if (!result.ok) throw new Error(`isolation notice refused: ${JSON.stringify(result.errors)}`);
  return result.id;
}

const noticeAt = (category: string) => (): Address => {
  const id = String(noticeId(category));
  return { path: `/notices/${id}`, params: { noticeId: id } };
};

export const NOTICE_ROWS: GetRow[] = [
  {
    route: "notices._index",
    name: "/notices",
    at: () => ({ path: "/notices" }),
    expect: (u) => (seesNotices(u) ? show() : refuse(403)),
  },
  {
    route: "notices._index",
    name: "/notices?overdue=1&direction=received",
    at: () => ({ path: "/notices?overdue=1&direction=received&status=sent" }),
    expect: (u) => (seesNotices(u) ? show() : refuse(403)),
  },
  {
    route: "notices.new",
    name: "/notices/new",
    at: () => ({ path: "/notices/new" }),
    expect: (u) => (u.suffix === "police" ? show() : refuse(403)),
  },
  {
    route: "notices.$noticeId",
    name: "/notices/:noticeId — a police-only XH notice to TZ",
    at: noticeAt(POLICE_ONLY),
    expect: (u) => (!seesNotices(u) ? refuse(404) : u.suffix === "police" && sides(u) ? show(POLICE_ONLY) : refuse(404)),
  },
  {
    route: "notices.$noticeId",
    name: "/notices/:noticeId — an XH notice to TZ shared with political-legal staff",
    at: noticeAt(SHARED),
    expect: (u) => (seesNotices(u) && sides(u) ? show(SHARED) : refuse(404)),
  },
  {
    route: "notices.$noticeId",
    name: "/notices/:noticeId — an id that does not exist",
    at: () => ({ path: `/notices/${MISSING_ID}`, params: { noticeId: MISSING_ID } }),
    expect: () => refuse(404),
  },
];

const step = (intent: string, extra: FormFields = {}) => (): FormFields => ({ intent, note: "越权操作测试", ...extra });

export const NOTICE_WRITES: WriteRow[] = [
  { route: "notices.$noticeId", name: "yp.police signs for the XH→TZ police-only notice", username: "yp.police", at: noticeAt(POLICE_ONLY), fields: step("sign"), outcome: 404 },
  { route: "notices.$noticeId", name: "tz.pl writes in the XH→TZ police-only notice's thread", username: "tz.pl", at: noticeAt(POLICE_ONLY), fields: () => ({ intent: "thread", body: "越界留言" }), outcome: 404 },
  { route: "notices.$noticeId", name: "zj.police cancels the XH→TZ shared notice", username: "zj.police", at: noticeAt(SHARED), fields: step("cancel"), outcome: 404 },
  { route: "notices.$noticeId", name: "xh.police (the sender) signs for its own notice", username: "xh.police", at: noticeAt(POLICE_ONLY), fields: step("sign"), outcome: 403 },
  { route: "notices.$noticeId", name: "tz.police (the receiver) cancels the sender's notice", username: "tz.police", at: noticeAt(SHARED), fields: step("cancel"), outcome: 403 },
  { route: "notices.$noticeId", name: "tz.pl (sees it, not police) signs for the shared notice", username: "tz.pl", at: noticeAt(SHARED), fields: step("sign"), outcome: 403 },
  { route: "notices.$noticeId", name: "xh.leader (read only) concludes the shared notice", username: "xh.leader", at: noticeAt(SHARED), fields: step("conclude"), outcome: 403 },
];
