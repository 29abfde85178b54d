/**
 * THE catalogue of URL parameters: every route of app/routes with a loader, its path parameter
 * (and the ids it is tried with) and the query parameters it reads. Filter names come from the
 * app's own filter schemas. hostile-catalogue checks that every loader has an entry here.
 */
import { disputeFilterSchema } from "~/modules/disputes/schemas";
import { hazardFilterSchema } from "~/modules/hazards/schemas";
import { meetingFilterSchema } from "~/modules/meetings/schemas";
import { noticeFilterSchema } from "~/modules/notices/schemas";
import { activityFilterSchema } from "~/modules/patrols/activity-schemas";
import { patrolFilterSchema } from "~/modules/patrols/schemas";
import { projectFilterSchema } from "~/modules/projects/schemas";
import { searchParamsSchema } from "~/modules/search/filters.server";
import { auditFilterSchema } from "~/modules/tenancy/schemas";
import type { RouteKey } from "../isolation-routes";
import { shapeOf } from "./fields";
import type { World } from "./world";

export interface UrlEntry {
  route: RouteKey;
  username: string;
  /** The path with `:id` where the path parameter goes. */
  path: string;
  /** The route's path parameter and the real ids to try besides hostile ones. */
  param?: { name: string; ids: (w: World) => (string | number)[] };
  /** Query parameters the loader reads (`notice` is read by every page for its banner). */
  query: string[];
}

const keys = (schema: Parameters<typeof shapeOf>[0]) => shapeOf(schema).map(([name]) => name);
const records = (workflow: string) => (w: World) => [...w.visible[workflow].slice(0, 3), ...w.hidden.slice(0, 2)];
const PERIOD = ["pact", "period", "from", "to"];

export const URL_ENTRIES: UrlEntry[] = [
  { route: "$", username: "xh.pl", path: "/:id", param: { name: "*", ids: () => ["x", "admin/../..", "%2e%2e"] }, query: [] },
  { route: "_index", username: "xh.pl", path: "/", query: ["notice"] },
  { route: "login", username: "xh.pl", path: "/login", query: ["redirectTo", "signedOut", "passwordChanged"] },
  { route: "lang", username: "xh.pl", path: "/lang", query: [] },
  { route: "logout", username: "xh.pl", path: "/logout", query: [] },
  { route: "account.password", username: "xh.pl", path: "/account/password", query: [] },
  { route: "account.second-factor", username: "xh.pl", path: "/account/second-factor", query: [] },
  { route: "login_.second-factor", username: "xh.pl", path: "/login/second-factor", query: [] },
  { route: "admin.second-factor", username: "xh.admin", path: "/admin/second-factor", query: [] },
  { route: "admin._index", username: "xh.admin", path: "/admin", query: [] },
  { route: "admin.audit", username: "xh.admin", path: "/admin/audit", query: [...keys(auditFilterSchema), "verify"] },
  { route: "admin.regions._index", username: "xh.admin", path: "/admin/regions", query: ["parent", "notice"] },
  { route: "admin.regions.$regionId", username: "xh.admin", path: "/admin/regions/:id", param: { name: "regionId", ids: (w) => [...w.xhRegions.slice(0, 2), ...w.otherRegions.slice(0, 2)] }, query: ["notice"] },
  { route: "admin.users._index", username: "xh.admin", path: "/admin/users", query: ["notice"] },
  { route: "admin.users.new", username: "xh.admin", path: "/admin/users/new", query: [] },
  { route: "admin.users.$userId", username: "xh.admin", path: "/admin/users/:id", param: { name: "userId", ids: (w) => [w.users["xh.grid"], w.users["tz.grid"]] }, query: ["notice"] },
  { route: "hazards._index", username: "xh.pl", path: "/hazards", query: keys(hazardFilterSchema) },
  { route: "hazards.new", username: "xh.grid", path: "/hazards/new", query: ["sweep", "patrol", "finding"] },
  { route: "hazards.$hazardId", username: "xh.pl", path: "/hazards/:id", param: { name: "hazardId", ids: records("hazard") }, query: ["notice"] },
  { route: "hazards.sweeps._index", username: "xh.pl", path: "/hazards/sweeps", query: [] },
  { route: "hazards.sweeps.new", username: "xh.pl", path: "/hazards/sweeps/new", query: [] },
  { route: "hazards.sweeps.$sweepId", username: "xh.pl", path: "/hazards/sweeps/:id", param: { name: "sweepId", ids: (w) => w.sweeps.slice(0, 4) }, query: ["notice"] },
  { route: "disputes._index", username: "xh.mediator", path: "/disputes", query: keys(disputeFilterSchema) },
  { route: "disputes.new", username: "xh.mediator", path: "/disputes/new", query: ["patrol", "finding"] },
  { route: "disputes.figures", username: "xh.pl", path: "/disputes/figures", query: ["from", "to"] },
  { route: "disputes.$disputeId", username: "xh.mediator", path: "/disputes/:id", param: { name: "disputeId", ids: records("dispute") }, query: ["notice"] },
  { route: "disputes.$disputeId_.agreement", username: "xh.mediator", path: "/disputes/:id/agreement", param: { name: "disputeId", ids: records("dispute") }, query: ["notice"] },
  { route: "notices._index", username: "xh.police", path: "/notices", query: keys(noticeFilterSchema) },
  { route: "notices.new", username: "xh.police", path: "/notices/new", query: ["patrol", "finding"] },
  { route: "notices.figures", username: "xh.police", path: "/notices/figures", query: ["from", "to"] },
  { route: "notices.$noticeId", username: "xh.police", path: "/notices/:id", param: { name: "noticeId", ids: records("notice") }, query: ["notice"] },
  { route: "patrols._index", username: "xh.police", path: "/patrols", query: keys(patrolFilterSchema) },
  { route: "patrols.new", username: "xh.police", path: "/patrols/new", query: [] },
  { route: "patrols.$patrolId", username: "xh.police", path: "/patrols/:id", param: { name: "patrolId", ids: records("patrol") }, query: ["notice"] },
  { route: "patrols.activities._index", username: "xh.pl", path: "/patrols/activities", query: keys(activityFilterSchema) },
  { route: "patrols.activities.new", username: "xh.pl", path: "/patrols/activities/new", query: [] },
  { route: "patrols.activities.$activityId", username: "xh.pl", path: "/patrols/activities/:id", param: { name: "activityId", ids: (w) => w.activities }, query: [] },
  { route: "meetings._index", username: "xh.pl", path: "/meetings", query: keys(meetingFilterSchema) },
  { route: "meetings.new", username: "xh.pl", path: "/meetings/new", query: ["pact"] },
  { route: "meetings.$meetingId", username: "xh.pl", path: "/meetings/:id", param: { name: "meetingId", ids: records("meeting") }, query: ["notice"] },
  { route: "meetings.$meetingId_.briefing", username: "xh.pl", path: "/meetings/:id/briefing", param: { name: "meetingId", ids: records("meeting") }, query: [] },
  { route: "meetings.actions.$actionId", username: "xh.pl", path: "/meetings/actions/:id", param: { name: "actionId", ids: (w) => w.actionItems.slice(0, 4) }, query: ["notice"] },
  { route: "projects._index", username: "xh.pl", path: "/projects", query: keys(projectFilterSchema) },
  { route: "projects.new", username: "xh.pl", path: "/projects/new", query: [] },
  { route: "projects.$projectId", username: "xh.pl", path: "/projects/:id", param: { name: "projectId", ids: records("project") }, query: ["notice"] },
  { route: "pacts._index", username: "xh.pl", path: "/pacts", query: [] },
  { route: "pacts.new", username: "xh.pl", path: "/pacts/new", query: [] },
  { route: "pacts.$pactId._index", username: "xh.admin", path: "/pacts/:id", param: { name: "pactId", ids: (w) => [...w.xhPacts, ...w.otherPacts] }, query: ["deadlines", "notice"] },
  { route: "pacts.$pactId.bodies.new", username: "xh.pl", path: "/pacts/:id/bodies/new", param: { name: "pactId", ids: (w) => w.xhPacts }, query: [] },
  { route: "pacts.$pactId.bodies.$bodyId", username: "xh.pl", path: "/pacts/:pact/bodies/:id", param: { name: "bodyId", ids: (w) => w.bodies.slice(0, 4) }, query: [] },
  { route: "files.$attachmentId", username: "xh.pl", path: "/files/:id", param: { name: "attachmentId", ids: (w) => w.attachments.slice(0, 4) }, query: ["inline"] },
  { route: "inbox", username: "xh.pl", path: "/inbox", query: [] },
  { route: "liaisons", username: "xh.pl", path: "/liaisons", query: [] },
  { route: "search", username: "xh.pl", path: "/search", query: keys(searchParamsSchema) },
  { route: "stats._index", username: "xh.pl", path: "/stats", query: PERIOD },
  { route: "stats.export", username: "xh.pl", path: "/stats/export", query: [...PERIOD, "format"] },
];
