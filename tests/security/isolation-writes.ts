/**
 * THE tenant-isolation table for writing: posts by a demo user that aim at another county's
 * things (or slip another county's people into their own). Each must be refused with the status
 * given and leave every domain table exactly as it was (the audit log may note the denial).
 * A new workflow adds its rows here; tenant-isolation.test.ts walks them.
 */
import { todayInChina } from "~/i18n";
import type { FormFields } from "../integration/helpers/requests";
import { countyIdOf } from "../setup/demo";
import { AGREEMENT_WRITES } from "./isolation-agreement";
import { DISPUTE_WRITES } from "./isolation-disputes";
import { HAZARD_WRITES } from "./isolation-hazards";
import { MEETING_WRITES } from "./isolation-meetings";
import { NOTICE_WRITES } from "./isolation-notices";
import { PATROL_WRITES } from "./isolation-patrols";
import { PROJECT_WRITES } from "./isolation-projects";
import type { RouteKey } from "./isolation-routes";
import type { Address } from "./isolation-table";
import type { Targets } from "./isolation-targets";
import type { PactKey } from "./isolation-world";

export interface WriteRow {
  route: RouteKey;
  /** How the test reads, e.g. "yp.admin countersigns the XH–TZ pact". */
  name: string;
  username: string;
  at: (t: Targets) => Address;
  fields: (t: Targets) => FormFields;
  /** 404: not theirs to know about · 403: known, but not their role's or county's to change · 400: a foreign choice. */
  outcome: 400 | 403 | 404;
}

const userAt = (username: string) => (t: Targets): Address => ({
  path: `/admin/users/${t.people[username].id}`,
  params: { userId: t.people[username].id },
});
const regionAt = (name: string) => (t: Targets): Address => ({
  path: `/admin/regions/${t.regions[name]}`,
  params: { regionId: String(t.regions[name]) },
});
const pactAt = (key: PactKey) => (t: Targets): Address => ({
  path: `/pacts/${t.pacts[key]}`,
  params: { pactId: String(t.pacts[key]) },
});
const newBodyAt = (key: PactKey) => (t: Targets): Address => ({
  path: `/pacts/${t.pacts[key]}/bodies/new`,
  params: { pactId: String(t.pacts[key]) },
});
/** Body number `index` of pact `owner`, addressed under pact `under` (the same one, or not). */
const bodyAt = (owner: PactKey, index: number, under: PactKey = owner) => (t: Targets): Address => ({
  path: `/pacts/${t.pacts[under]}/bodies/${t.bodies[owner][index]}`,
  params: { pactId: String(t.pacts[under]), bodyId: String(t.bodies[owner][index]) },
});

const id = (t: Targets, username: string) => t.people[username].id;
const profile = { intent: "profile", displayName: "冒名顶替", title: "无", phone: "13800000000", roles: ["county_admin"] };
const reason = (intent: string) => () => ({ intent, reason: "越权操作测试" });
const newBody = (members: string[]) => (t: Targets): FormFields => ({
  kind: "patrol_team",
  name: "越界组建的巡防队",
  memberIds: members.map((u) => id(t, u)),
});

const ADMIN_WRITES: WriteRow[] = [
  { route: "admin.users.$userId", name: "tz.admin edits an XH user's profile", username: "tz.admin", at: userAt("xh.leader"), fields: () => profile, outcome: 404 },
  { route: "admin.users.$userId", name: "tz.admin disables an XH user", username: "tz.admin", at: userAt("xh.leader"), fields: () => ({ intent: "disable" }), outcome: 404 },
  {
    route: "admin.users.$userId",
    name: "zj.admin resets the XH admin's password",
    username: "zj.admin",
    at: userAt("xh.admin"),
    fields: () => ({ intent: "reset_password", password: "taken-over-2026", confirm: "taken-over-2026" }),
    outcome: 404,
  },
  { route: "admin.users.$userId", name: "xh.pl (not an admin) disables an XH user", username: "xh.pl", at: userAt("xh.leader"), fields: () => ({ intent: "disable" }), outcome: 403 },
  { route: "admin.regions.$regionId", name: "zj.admin renames an XH village", username: "zj.admin", at: regionAt("街上村"), fields: () => ({ intent: "update", name: "改名村" }), outcome: 404 },
  { route: "admin.regions.$regionId", name: "tz.admin deletes an XH micro-grid (a leaf: it would go)", username: "tz.admin", at: regionAt("街上村第二微网格"), fields: () => ({ intent: "delete" }), outcome: 404 },
  {
    route: "admin.regions._index",
    name: "yp.admin adds a village under a TZ township",
    username: "yp.admin",
    at: () => ({ path: "/admin/regions" }),
    fields: (t) => ({ intent: "create", name: "插入村", parentId: String(t.regions["坪地镇"]) }),
    outcome: 404,
  },
];

const PACT_WRITES: WriteRow[] = [
  { route: "pacts.$pactId._index", name: "yp.admin countersigns the XH–TZ pact", username: "yp.admin", at: pactAt("xhTz"), fields: (t) => ({ intent: "countersign", liaisonIds: [id(t, "yp.pl")] }), outcome: 404 },
  { route: "pacts.$pactId._index", name: "yp.admin suspends the XH–TZ pact", username: "yp.admin", at: pactAt("xhTz"), fields: reason("suspend"), outcome: 404 },
  { route: "pacts.$pactId._index", name: "yp.pl terminates the XH–TZ pact", username: "yp.pl", at: pactAt("xhTz"), fields: reason("terminate"), outcome: 404 },
  { route: "pacts.$pactId._index", name: "tz.admin countersigns the XH–ZJ proposal", username: "tz.admin", at: pactAt("xhZjProposed"), fields: (t) => ({ intent: "countersign", liaisonIds: [id(t, "tz.pl")] }), outcome: 404 },
  { route: "pacts.$pactId._index", name: "tz.admin declines the XH–ZJ proposal", username: "tz.admin", at: pactAt("xhZjProposed"), fields: () => ({ intent: "decline", reason: "" }), outcome: 404 },
  { route: "pacts.$pactId._index", name: "tz.pl suspends the active XH–ZJ pact", username: "tz.pl", at: pactAt("xhZj"), fields: reason("suspend"), outcome: 404 },
  { route: "pacts.$pactId._index", name: "yp.pl resumes the XH–ZJ pact", username: "yp.pl", at: pactAt("xhZj"), fields: () => ({ intent: "resume" }), outcome: 404 },
  { route: "pacts.$pactId._index", name: "yp.pl asks to resume the XH–ZJ pact", username: "yp.pl", at: pactAt("xhZj"), fields: () => ({ intent: "request_resume", reason: "" }), outcome: 404 },
  {
    route: "pacts.$pactId._index",
    name: "yp.pl proposes new terms for the XH–TZ pact",
    username: "yp.pl",
    at: pactAt("xhTz"),
    fields: () => ({ intent: "amend_propose", workflows: ["hazard"], endsOn: "", note: "" }),
    outcome: 404,
  },
  { route: "pacts.$pactId._index", name: "yp.admin countersigns an amendment of the XH–TZ pact", username: "yp.admin", at: pactAt("xhTz"), fields: () => ({ intent: "amend_countersign", amendmentId: "1" }), outcome: 404 },
  {
    route: "pacts.$pactId._index",
    name: "zj.admin countersigns the XH–ZJ proposal naming an XH user as ZJ's liaison",
    username: "zj.admin",
    at: pactAt("xhZjProposed"),
    fields: (t) => ({ intent: "countersign", liaisonIds: [id(t, "xh.leader")] }),
    outcome: 400,
  },
  {
    route: "pacts.new",
    name: "tz.pl proposes a pact naming an XH user as TZ's liaison",
    username: "tz.pl",
    at: () => ({ path: "/pacts/new" }),
    fields: (t) => ({
      title: "借用他县联络员的协议",
      partnerCountyIds: [String(countyIdOf("ZJ"))],
      workflows: ["hazard"],
      startsOn: todayInChina(),
      articles: "第一条 测试。",
      liaisonIds: [id(t, "xh.pl")],
    }),
    outcome: 400,
  },
];

const BODY_WRITES: WriteRow[] = [
  { route: "pacts.$pactId.bodies.new", name: "zj.pl forms a joint body on the XH–TZ pact", username: "zj.pl", at: newBodyAt("xhTz"), fields: newBody(["zj.police"]), outcome: 404 },
  { route: "pacts.$pactId.bodies.new", name: "tz.pl forms a joint body on the XH–ZJ pact", username: "tz.pl", at: newBodyAt("xhZj"), fields: newBody(["tz.police"]), outcome: 404 },
  { route: "pacts.$pactId.bodies.new", name: "zj.pl forms a body on the XH–ZJ pact with an XH member", username: "zj.pl", at: newBodyAt("xhZj"), fields: newBody(["xh.grid"]), outcome: 400 },
  { route: "pacts.$pactId.bodies.$bodyId", name: "zj.pl joins zj.grid to the XH–TZ committee", username: "zj.pl", at: bodyAt("xhTz", 0), fields: (t) => ({ intent: "add", userId: id(t, "zj.grid") }), outcome: 404 },
  { route: "pacts.$pactId.bodies.$bodyId", name: "tz.pl removes xh.mediator from the XH–YP committee", username: "tz.pl", at: bodyAt("xhYp", 0), fields: (t) => ({ intent: "remove", userId: id(t, "xh.mediator") }), outcome: 404 },
  {
    route: "pacts.$pactId.bodies.$bodyId",
    name: "yp.pl joins yp.grid to the XH–TZ committee, addressed under the XH–YP pact",
    username: "yp.pl",
    at: bodyAt("xhTz", 0, "xhYp"),
    fields: (t) => ({ intent: "add", userId: id(t, "yp.grid") }),
    outcome: 404,
  },
  {
    route: "pacts.$pactId.bodies.$bodyId",
    name: "yp.pl removes tz.grid from the XH–TZ committee, addressed under the XH–YP pact",
    username: "yp.pl",
    at: bodyAt("xhTz", 0, "xhYp"),
    fields: (t) => ({ intent: "remove", userId: id(t, "tz.grid") }),
    outcome: 404,
  },
  { route: "pacts.$pactId.bodies.$bodyId", name: "xh.pl removes TZ's mediator from the XH–TZ committee", username: "xh.pl", at: bodyAt("xhTz", 0), fields: (t) => ({ intent: "remove", userId: id(t, "tz.mediator") }), outcome: 403 },
  { route: "pacts.$pactId.bodies.$bodyId", name: "zj.pl joins xh.grid to the XH–ZJ patrol team", username: "zj.pl", at: bodyAt("xhZj", 0), fields: (t) => ({ intent: "add", userId: id(t, "xh.grid") }), outcome: 400 },
];

export const WRITE_ROWS: WriteRow[] = [...ADMIN_WRITES, ...PACT_WRITES, ...BODY_WRITES, ...HAZARD_WRITES, ...DISPUTE_WRITES, ...AGREEMENT_WRITES, ...NOTICE_WRITES,
  ...PATROL_WRITES, ...MEETING_WRITES, ...PROJECT_WRITES];
