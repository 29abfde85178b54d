/**
 * Every route module of app/routes, by file name (without .tsx). tenant-isolation.test.ts checks
 * that this list is exactly what app/routes holds and that every module has a row in the table,
 * so a new route cannot arrive without its isolation rows.
 */
import * as catchAll from "~/routes/$";
import * as home from "~/routes/_index";
import * as accountPassword from "~/routes/account.password";
import * as accountSecondFactor from "~/routes/account.second-factor";
import * as adminHome from "~/routes/admin._index";
import * as adminAudit from "~/routes/admin.audit";
import * as adminSecondFactor from "~/routes/admin.second-factor";
import * as adminRegion from "~/routes/admin.regions.$regionId";
import * as adminRegions from "~/routes/admin.regions._index";
import * as adminUser from "~/routes/admin.users.$userId";
import * as adminUsers from "~/routes/admin.users._index";
import * as adminNewUser from "~/routes/admin.users.new";
import * as dispute from "~/routes/disputes.$disputeId";
import * as disputeAgreement from "~/routes/disputes.$disputeId_.agreement";
import * as disputeList from "~/routes/disputes._index";
import * as disputeFigures from "~/routes/disputes.figures";
import * as newDispute from "~/routes/disputes.new";
import * as attachmentFile from "~/routes/files.$attachmentId";
import * as hazard from "~/routes/hazards.$hazardId";
import * as hazardList from "~/routes/hazards._index";
import * as newHazard from "~/routes/hazards.new";
import * as meeting from "~/routes/meetings.$meetingId";
import * as meetingBriefing from "~/routes/meetings.$meetingId_.briefing";
import * as meetingList from "~/routes/meetings._index";
import * as actionItem from "~/routes/meetings.actions.$actionId";
import * as newMeeting from "~/routes/meetings.new";
import * as notice from "~/routes/notices.$noticeId";
import * as noticeList from "~/routes/notices._index";
import * as newNotice from "~/routes/notices.new";
import * as noticeFigures from "~/routes/notices.figures";
import * as sweep from "~/routes/hazards.sweeps.$sweepId";
import * as sweepList from "~/routes/hazards.sweeps._index";
import * as newSweep from "~/routes/hazards.sweeps.new";
import * as inbox from "~/routes/inbox";
import * as lang from "~/routes/lang";
import * as liaisons from "~/routes/liaisons";
import * as login from "~/routes/login";
import * as loginSecondFactor from "~/routes/login_.second-factor";
import * as logout from "~/routes/logout";
import * as pact from "~/routes/pacts.$pactId._index";
import * as body from "~/routes/pacts.$pactId.bodies.$bodyId";
import * as newBody from "~/routes/pacts.$pactId.bodies.new";
import * as pactList from "~/routes/pacts._index";
import * as patrol from "~/routes/patrols.$patrolId";
import * as patrolList from "~/routes/patrols._index";
import * as newPatrol from "~/routes/patrols.new";
import * as activity from "~/routes/patrols.activities.$activityId";
import * as activityList from "~/routes/patrols.activities._index";
import * as newActivity from "~/routes/patrols.activities.new";
import * as newPact from "~/routes/pacts.new";
import * as project from "~/routes/projects.$projectId";
import * as projectList from "~/routes/projects._index";
import * as newProject from "~/routes/projects.new";
import * as search from "~/routes/search";
import * as stats from "~/routes/stats._index";
import * as statsExport from "~/routes/stats.export";

type RouteFunction = (args: never) => unknown;
export interface RouteModule {
  loader?: RouteFunction;
  action?: RouteFunction;
}

export const ROUTE_MODULES = {
  $: catchAll,
  _index: home,
  "account.password": accountPassword,
  "account.second-factor": accountSecondFactor,
  "admin._index": adminHome,
  "admin.audit": adminAudit,
  "admin.second-factor": adminSecondFactor,
  "admin.regions.$regionId": adminRegion,
  "admin.regions._index": adminRegions,
  "admin.users.$userId": adminUser,
  "admin.users._index": adminUsers,
  "admin.users.new": adminNewUser,
  "disputes.$disputeId": dispute,
  "disputes.$disputeId_.agreement": disputeAgreement,
  "disputes._index": disputeList,
  "disputes.figures": disputeFigures,
  "disputes.new": newDispute,
  "files.$attachmentId": attachmentFile,
  "hazards.$hazardId": hazard,
  "hazards._index": hazardList,
  "hazards.new": newHazard,
  "hazards.sweeps.$sweepId": sweep,
  "hazards.sweeps._index": sweepList,
  "hazards.sweeps.new": newSweep,
  "meetings.$meetingId": meeting,
  "meetings.$meetingId_.briefing": meetingBriefing,
  "meetings._index": meetingList,
  "meetings.actions.$actionId": actionItem,
  "meetings.new": newMeeting,
  "notices.$noticeId": notice,
  "notices._index": noticeList,
  "notices.new": newNotice,
  "notices.figures": noticeFigures,
  inbox,
  lang,
  liaisons,
  login,
  "login_.second-factor": loginSecondFactor,
  logout,
  "pacts.$pactId._index": pact,
  "pacts.$pactId.bodies.$bodyId": body,
  "pacts.$pactId.bodies.new": newBody,
  "pacts._index": pactList,
  "pacts.new": newPact,
  "patrols.$patrolId": patrol,
  "patrols._index": patrolList,
  "patrols.new": newPatrol,
  "patrols.activities.$activityId": activity,
  "patrols.activities._index": activityList,
  "patrols.activities.new": newActivity,
  "projects.$projectId": project,
  "projects._index": projectList,
  "projects.new": newProject,
  search,
  "stats._index": stats,
  "stats.export": statsExport,
} satisfies Record<string, RouteModule>;

export type RouteKey = keyof typeof ROUTE_MODULES;
