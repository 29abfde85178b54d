/**
 * THE catalogue of form actions: every route of app/routes with an action, each intent it takes
 * and the fields of each intent. Field names come from the app's own zod schemas where they are
 * exported (so a new field is fuzzed without touching this file), plus the numbered row fields
 * the parsers read by hand (party-0-name, agenda-0-title, decision-0-owner …). hostile-catalogue
 * checks that every route with an action has an entry here.
 */
import type fc from "fast-check";
import type { z } from "zod";
import { STEP_SCHEMAS as DISPUTE_STEPS, leadChangeSchema, reportSchema as disputeReportSchema, sessionSchema } from "~/modules/disputes/schemas";
import { agreementSchema, judicialAnswerSchema, judicialApplySchema } from "~/modules/disputes/agreement-schemas";
import { PARTY_FIELDS } from "~/modules/disputes/vocabulary";
import { STEP_SCHEMAS as HAZARD_STEPS, reportSchema as hazardReportSchema } from "~/modules/hazards/schemas";
import { cancelSweepSchema, completeSweepSchema, planSweepSchema, sweepParticipantSchema } from "~/modules/hazards/sweep-schemas";
import { MEETING_ACTIONS } from "~/modules/meetings/machine";
import { attendeesSchema, holdSchema, noteSchema, scheduleSchema } from "~/modules/meetings/schemas";
import { amendmentCountersignSchema, amendmentDeclineSchema, amendmentProposalSchema, amendmentWithdrawSchema } from "~/modules/pacts/amendment-schemas";
import { STEP_SCHEMAS as NOTICE_STEPS, sendSchema } from "~/modules/notices/schemas";
import { bodyMemberSchema, countersignSchema, declineSchema, jointBodySchema, proposalSchema as pactProposalSchema, reasonSchema, removeMemberSchema, resumeRequestSchema } from "~/modules/pacts/schemas";
import { activitySchema } from "~/modules/patrols/activity-schemas";
import { STEP_SCHEMAS as PATROL_STEPS, findingSchema, planSchema } from "~/modules/patrols/schemas";
import { STEP_SCHEMAS as PROJECT_STEPS, milestoneAddSchema, milestoneDoneSchema, proposalSchema as projectProposalSchema } from "~/modules/projects/schemas";
import { threadEntrySchema } from "~/modules/records/thread-form.server";
import { newUserSchema, regionCreateSchema, regionUpdateSchema, resetPasswordSchema, userProfileSchema } from "~/modules/tenancy/schemas";
import type { RouteKey } from "../isolation-routes";
import { plausibleFor, shapeOf } from "./fields";
import { world, type World } from "./world";

export interface Address {
  path: string;
  params: Record<string, string>;
}

/** The fields of one intent: name → plausible values. */
export type Fields = [string, fc.Arbitrary<string>][];

export interface ActionEntry {
  route: RouteKey;
  /** Who posts: a user whose role may use the form. */
  username: string;
  /** Where: the user's own things first, then another county's, then ids nothing has. */
  at: (w: World) => Address[];
  /** Intent → fields ("" when the form posts no intent). */
  intents: Record<string, () => Fields>;
  /** The form is multipart and takes files (uploads are fuzzed in hostile-uploads). */
  files?: boolean;
}

/** Fields from schemas and extra names, each with its plausible values. */
function fieldsOf(schemas: z.ZodType[], extra: string[] = []): () => Fields {
  return () => [
    ...schemas.flatMap((s) => shapeOf(s)).map(([name, schema]): [string, fc.Arbitrary<string>] => [name, plausibleFor(name, schema)]),
    ...extra.map((name): [string, fc.Arbitrary<string>] => [name, plausibleFor(name)]),
  ];
}

const rows = (prefix: string, names: readonly string[], count = 2) =>
  Array.from({ length: count }, (_, i) => names.map((n) => `${prefix}-${i}-${n}`)).flat();

const MISSING = "999999";

const at = (path: (id: string) => string, param: string, pool: (w: World) => number[]) => (w: World): Address[] =>
  [...pool(w).map(String), MISSING].map((id) => ({ path: path(id), params: { [param]: id } }));

const recordPage = (segment: string, param: string, workflow: string) =>
  at((id) => `/${segment}/${id}`, param, (w) => [...w.visible[workflow].slice(0, 4), ...w.hidden.slice(0, 2)]);

/** The posts every record page shares: thread, link and unlink. */
const DISCUSSION = {
  thread: fieldsOf([threadEntrySchema]),
  link: fieldsOf([], ["refNo"]),
  unlink: fieldsOf([], ["recordId"]),
};

function steps(schemas: Record<string, z.ZodType>): Record<string, () => Fields> {
  // The status the form was drawn for (`status`) is left out: a stale one is a conflict before anything else.
  return Object.fromEntries(Object.entries(schemas).map(([intent, schema]) => [intent, fieldsOf([schema])]));
}

const fixed = (address: string) => (): Address[] => [{ path: address, params: {} }];

export const ACTION_ENTRIES: ActionEntry[] = [
  { route: "login", username: "", at: fixed("/login"), intents: { "": fieldsOf([], ["username", "password", "redirectTo"]) } },
  { route: "lang", username: "xh.pl", at: fixed("/lang"), intents: { "": fieldsOf([], ["locale", "redirectTo"]) } },
  { route: "logout", username: "xh.grid", at: fixed("/logout"), intents: { "": fieldsOf([]) } },
  { route: "account.password", username: "xh.leader", at: fixed("/account/password"), intents: { "": fieldsOf([], ["current", "password", "confirm"]) } },
  {
    route: "account.second-factor",
    username: "xh.leader",
    at: fixed("/account/second-factor"),
    intents: { start: fieldsOf([]), confirm: fieldsOf([], ["code"]), regenerate: fieldsOf([], ["current"]), remove: fieldsOf([], ["current"]) },
  },
  { route: "login_.second-factor", username: "xh.pl", at: fixed("/login/second-factor"), intents: { "": fieldsOf([], ["code", "remember"]) } },
  {
    route: "admin.second-factor",
    username: "xh.admin",
    at: fixed("/admin/second-factor"),
    intents: { require: fieldsOf([], ["required"]), reset: fieldsOf([], ["userId"]) },
  },
  {
    route: "admin.users.new",
    username: "xh.admin",
    at: fixed("/admin/users/new"),
    intents: { "": fieldsOf([newUserSchema]) },
  },
  {
    route: "admin.users.$userId",
    username: "xh.admin",
    at: (w) => ["xh.grid", "xh.admin", "tz.grid"].map((u) => ({ path: `/admin/users/${w.users[u]}`, params: { userId: w.users[u] } })),
    intents: { profile: fieldsOf([userProfileSchema]), disable: fieldsOf([]), enable: fieldsOf([]), reset_password: fieldsOf([resetPasswordSchema]) },
  },
  { route: "admin.regions._index", username: "xh.admin", at: fixed("/admin/regions"), intents: { create: fieldsOf([regionCreateSchema]) } },
  {
    route: "admin.regions.$regionId",
    username: "xh.admin",
    at: at((id) => `/admin/regions/${id}`, "regionId", (w) => [...w.xhRegions.slice(-4), ...w.otherRegions.slice(0, 2)]),
    intents: { update: fieldsOf([regionUpdateSchema]), delete: fieldsOf([]) },
  },
  {
    route: "pacts.new",
    username: "xh.pl",
    at: fixed("/pacts/new"),
    intents: { "": fieldsOf([pactProposalSchema]) },
  },
  {
    route: "pacts.$pactId._index",
    username: "xh.admin",
    at: at((id) => `/pacts/${id}`, "pactId", (w) => [...w.xhPacts, ...w.otherPacts.slice(0, 2)]),
    intents: {
      amend_propose: fieldsOf([amendmentProposalSchema]),
      amend_countersign: fieldsOf([amendmentCountersignSchema]),
      amend_decline: fieldsOf([amendmentDeclineSchema]),
      amend_withdraw: fieldsOf([amendmentWithdrawSchema]),
      countersign: fieldsOf([countersignSchema]),
      decline: fieldsOf([declineSchema]),
      suspend: fieldsOf([reasonSchema]),
      terminate: fieldsOf([reasonSchema]),
      resume: fieldsOf([]),
      request_resume: fieldsOf([resumeRequestSchema]),
    },
  },
  {
    route: "pacts.$pactId.bodies.new",
    username: "xh.pl",
    at: at((id) => `/pacts/${id}/bodies/new`, "pactId", (w) => [...w.xhPacts, ...w.otherPacts.slice(0, 1)]),
    intents: { "": () => [...fieldsOf([jointBodySchema])(), ...["xh.grid", "tz.grid"].map((u): [string, fc.Arbitrary<string>] => [`duty.${world.users[u]}`, plausibleFor("duty")])] },
  },
  {
    route: "pacts.$pactId.bodies.$bodyId",
    username: "xh.pl",
    at: (w) => w.bodies.slice(0, 4).flatMap((b) => w.xhPacts.slice(0, 2).map((p) => ({ path: `/pacts/${p}/bodies/${b}`, params: { pactId: String(p), bodyId: String(b) } }))),
    intents: { add: fieldsOf([bodyMemberSchema]), remove: fieldsOf([removeMemberSchema]) },
  },
  {
    route: "hazards.new",
    username: "xh.grid",
    at: fixed("/hazards/new"),
    intents: { "": fieldsOf([hazardReportSchema], ["patrolId", "findingId"]) },
    files: true,
  },
  {
    route: "hazards.$hazardId",
    username: "xh.pl",
    at: recordPage("hazards", "hazardId", "hazard"),
    intents: { ...DISCUSSION, ...steps(HAZARD_STEPS) },
    files: true,
  },
  { route: "hazards.sweeps.new", username: "xh.pl", at: fixed("/hazards/sweeps/new"), intents: { "": fieldsOf([planSweepSchema]) } },
  {
    route: "hazards.sweeps.$sweepId",
    username: "xh.pl",
    at: at((id) => `/hazards/sweeps/${id}`, "sweepId", (w) => w.sweeps.slice(0, 6)),
    intents: { add: fieldsOf([sweepParticipantSchema]), remove: fieldsOf([sweepParticipantSchema]), complete: fieldsOf([completeSweepSchema]), cancel: fieldsOf([cancelSweepSchema]) },
  },
  {
    route: "disputes.new",
    username: "xh.mediator",
    at: fixed("/disputes/new"),
    intents: { "": fieldsOf([disputeReportSchema], rows("party", PARTY_FIELDS)) },
  },
  {
    route: "disputes.$disputeId",
    username: "xh.mediator",
    at: recordPage("disputes", "disputeId", "dispute"),
    intents: { ...DISCUSSION, ...steps(DISPUTE_STEPS), session: fieldsOf([sessionSchema]), lead: fieldsOf([leadChangeSchema]) },
    files: true,
  },
  {
    route: "disputes.$disputeId_.agreement",
    username: "xh.mediator",
    at: at((id) => `/disputes/${id}/agreement`, "disputeId", (w) => [...w.visible.dispute.slice(0, 4), ...w.hidden.slice(0, 1)]),
    intents: { agreement: fieldsOf([agreementSchema]), judicial_apply: fieldsOf([judicialApplySchema]), judicial_answer: fieldsOf([judicialAnswerSchema]) },
  },
  {
    route: "notices.new",
    username: "xh.police",
    at: fixed("/notices/new"),
    intents: { "": fieldsOf([sendSchema], rows("vehicle", ["plate", "type", "colour"])) },
    files: true,
  },
  {
    route: "notices.$noticeId",
    username: "xh.police",
    at: recordPage("notices", "noticeId", "notice"),
    intents: { ...DISCUSSION, ...steps(NOTICE_STEPS) },
    files: true,
  },
  { route: "patrols.new", username: "xh.police", at: fixed("/patrols/new"), intents: { "": fieldsOf([planSchema]) } },
  {
    route: "patrols.$patrolId",
    username: "xh.police",
    at: recordPage("patrols", "patrolId", "patrol"),
    intents: { ...DISCUSSION, ...steps(PATROL_STEPS), finding: fieldsOf([findingSchema]) },
    files: true,
  },
  { route: "patrols.activities.new", username: "xh.pl", at: fixed("/patrols/activities/new"), intents: { "": fieldsOf([activitySchema]) } },
  {
    route: "meetings.new",
    username: "xh.pl",
    at: fixed("/meetings/new"),
    intents: { "": fieldsOf([scheduleSchema], rows("agenda", ["title", "ref"])) },
  },
  {
    route: "meetings.$meetingId",
    username: "xh.pl",
    at: recordPage("meetings", "meetingId", "meeting"),
    intents: {
      ...DISCUSSION,
      attendees: fieldsOf([attendeesSchema]),
      ...Object.fromEntries(MEETING_ACTIONS.map((a) => [a, a === "hold" ? fieldsOf([holdSchema], rows("decision", ["text", "county", "owner", "deadline"])) : fieldsOf([noteSchema])])),
    },
    files: true,
  },
  {
    route: "meetings.actions.$actionId",
    username: "xh.pl",
    at: at((id) => `/meetings/actions/${id}`, "actionId", (w) => [...w.actionItems.slice(0, 4), ...w.visible.meeting.slice(0, 1), ...w.hidden.slice(0, 1)]),
    intents: { ...DISCUSSION, ...Object.fromEntries(MEETING_ACTIONS.map((a) => [a, fieldsOf([noteSchema])])) },
    files: true,
  },
  {
    route: "projects.new",
    username: "xh.pl",
    at: fixed("/projects/new"),
    intents: { "": fieldsOf([projectProposalSchema], [...rows("milestone", ["title", "dueOn", "county"]), "contribution-1", "contribution-2"]) },
    files: true,
  },
  {
    route: "projects.$projectId",
    username: "xh.pl",
    at: recordPage("projects", "projectId", "project"),
    intents: { ...DISCUSSION, ...steps(PROJECT_STEPS), milestone_done: fieldsOf([milestoneDoneSchema]), milestone_add: fieldsOf([milestoneAddSchema]) },
    files: true,
  },
];

/** Users who post from another county, to aim at things that are not theirs. */
export const OUTSIDERS = ["zj.pl", "tz.pl", "yp.admin", "zj.police"];
