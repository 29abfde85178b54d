/**
 * Isolation rows for the project pages (spread into GET_ROWS and WRITE_ROWS). The targets are
 * demo projects under the XH–TZ pact: the joint touring theatre (XH leads, active, with a TZ
 * milestone) and the village road (TZ leads, proposed). Political-legal staff and leaders of XH
 * and TZ see them; the XH–YP pact does not cover projects, so YP sees none, nor does ZJ; roles
 * without projects get 403 on the list and the form, and 404 on a project like everyone else who
 * may not see it. Only the lead county steps a project or adds milestones; a milestone is marked
 * done by its responsible county or the lead.
 */
import { and, asc, eq } from "drizzle-orm";
import { projectMilestones, records } from "~db/schema";
import { MORE_PROJECTS, TOURING_THEATRE } from "~db/seed/projects-demo-data";
import { todayInChina } from "~/i18n";
import { getDb } from "~/modules/db/connection.server";
import { countyIdOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import type { FormFields } from "../integration/helpers/requests";
import type { Address, Expectation, GetRow } from "./isolation-table";
import { MISSING_ID } from "./isolation-targets";
import type { DemoUser } from "./isolation-world";
import type { WriteRow } from "./isolation-writes";

const THEATRE = TOURING_THEATRE.title;
const ROAD = MORE_PROJECTS.find((p) => p.key === "village-road")!.title;
const TEA = MORE_PROJECTS.find((p) => p.key === "tea-tourism")!.title;

const seesProjects = (u: DemoUser) => u.suffix === "pl" || u.suffix === "leader";
const sides = (u: DemoUser) => u.county === "XH" || u.county === "TZ";
const show = (...mustSee: string[]): Expectation => ({ outcome: "data", mustSee });
const refuse = (outcome: 403 | 404): Expectation => ({ outcome });

const projectId = (title: string) =>
  getDb().select({ id: records.id }).from(records).where(and(eq(records.workflow, "project"), eq(records.title, title))).get()!.id;

/** The first milestone of a demo project whose responsible county is `code`. */
const milestoneOf = (title: string, code: string) =>
  getDb()
    .select({ id: projectMilestones.id })
    .from(projectMilestones)
    .where(and(eq(projectMilestones.recordId, projectId(title)), eq(projectMilestones.responsibleCountyId, countyIdOf(code))))
    .orderBy(asc(projectMilestones.id))
    .get()!.id;

const projectAt = (title: string) => (): Address => {
  const id = String(projectId(title));
  return { path: `/projects/${id}`, params: { projectId: id } };
};

export const PROJECT_ROWS: GetRow[] = [
  {
    route: "projects._index",
    name: "/projects",
    at: () => ({ path: "/projects" }),
    expect: (u) => (!seesProjects(u) ? refuse(403) : sides(u) ? show(THEATRE, ROAD) : show()),
  },
  {
    route: "projects._index",
    name: "/projects?side=partner&status=active&overdue=1&field=culture",
    at: () => ({ path: "/projects?side=partner&status=active&overdue=1&field=culture" }),
    expect: (u) => (!seesProjects(u) ? refuse(403) : u.county === "TZ" ? show(THEATRE) : show()),
  },
  {
    route: "projects.new",
    name: "/projects/new",
    at: () => ({ path: "/projects/new" }),
    expect: (u) => (u.suffix !== "pl" ? refuse(403) : sides(u) ? show("新晃—天柱平安边界“六联”协议") : show()),
  },
  {
    route: "projects.$projectId",
    name: "/projects/:projectId — XH's joint touring theatre with TZ",
    at: projectAt(THEATRE),
    expect: (u) => (seesProjects(u) && sides(u) ? show(THEATRE, TOURING_THEATRE.plan.fileName) : refuse(404)),
  },
  {
    route: "projects.$projectId",
    name: "/projects/:projectId — TZ's proposed village road with XH",
    at: projectAt(ROAD),
    expect: (u) => (seesProjects(u) && sides(u) ? show(ROAD) : refuse(404)),
  },
  {
    route: "projects.$projectId",
    name: "/projects/:projectId — an id that does not exist",
    at: () => ({ path: `/projects/${MISSING_ID}`, params: { projectId: MISSING_ID } }),
    expect: () => refuse(404),
  },
];

const step = (intent: string, status: string) => (): FormFields => ({ intent, status, note: "越权操作测试" });
const done = (title: string, code: string) => (): FormFields => ({ intent: "milestone_done", milestoneId: String(milestoneOf(title, code)), note: "越权" });
const proposal = (partner: string, responsible: string) => (): FormFields => ({
  pactId: String(pactIdBetween("XH", "TZ")), field: "culture", title: "越界联建项目", description: "测试", startsOn: todayInChina(),
  endsOn: "2030-12-31", addresseeCountyIds: [String(countyIdOf(partner))],
  "milestone-0-title": "节点", "milestone-0-dueOn": "2030-01-01", "milestone-0-county": String(countyIdOf(responsible)),
});

export const PROJECT_WRITES: WriteRow[] = [
  { route: "projects.$projectId", name: "yp.pl activates TZ's village road project", username: "yp.pl", at: projectAt(ROAD), fields: step("activate", "proposed"), outcome: 404 },
  { route: "projects.$projectId", name: "zj.pl writes in the touring theatre's thread", username: "zj.pl", at: projectAt(THEATRE), fields: () => ({ intent: "thread", body: "越界留言" }), outcome: 404 },
  { route: "projects.$projectId", name: "yp.pl marks TZ's touring-theatre milestone done", username: "yp.pl", at: projectAt(THEATRE), fields: done(THEATRE, "TZ"), outcome: 404 },
  { route: "projects.$projectId", name: "tz.police (no projects) marks its county's milestone done", username: "tz.police", at: projectAt(THEATRE), fields: done(THEATRE, "TZ"), outcome: 404 },
  { route: "projects.$projectId", name: "tz.pl (partner) suspends XH's touring theatre", username: "tz.pl", at: projectAt(THEATRE), fields: step("suspend", "active"), outcome: 403 },
  { route: "projects.$projectId", name: "xh.pl (partner) activates TZ's village road", username: "xh.pl", at: projectAt(ROAD), fields: step("activate", "proposed"), outcome: 403 },
  { route: "projects.$projectId", name: "tz.leader (read only) marks TZ's milestone done", username: "tz.leader", at: projectAt(THEATRE), fields: done(THEATRE, "TZ"), outcome: 403 },
  { route: "projects.$projectId", name: "tz.pl marks XH's touring-theatre milestone done", username: "tz.pl", at: projectAt(THEATRE), fields: done(THEATRE, "XH"), outcome: 403 },
  {
    route: "projects.$projectId",
    name: "tz.pl adds a milestone to XH's touring theatre",
    username: "tz.pl",
    at: projectAt(THEATRE),
    fields: () => ({ intent: "milestone_add", title: "越权节点", dueOn: todayInChina(), responsibleCountyId: String(countyIdOf("TZ")) }),
    outcome: 403,
  },
  { route: "projects.$projectId", name: "xh.pl marks a tea-tourism milestone done through the touring theatre", username: "xh.pl", at: projectAt(THEATRE), fields: done(TEA, "XH"), outcome: 404 },
  { route: "projects.new", name: "xh.police (no projects) proposes a project", username: "xh.police", at: () => ({ path: "/projects/new" }), fields: proposal("TZ", "TZ"), outcome: 403 },
  { route: "projects.new", name: "xh.pl proposes a project with YP as partner", username: "xh.pl", at: () => ({ path: "/projects/new" }), fields: proposal("YP", "XH"), outcome: 400 },
  { route: "projects.new", name: "xh.pl proposes a project with a ZJ milestone", username: "xh.pl", at: () => ({ path: "/projects/new" }), fields: proposal("TZ", "ZJ"), outcome: 400 },
];
