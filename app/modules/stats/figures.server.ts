/**
 * The figures of all six workflows for one pact and a period (figures.ts has the shape), each
 * split by the member county it belongs to, with the pact's total and the total of the period
 * before. Every count runs inside the access policy: records through visibleRecordsFilter, joint
 * activities through the pact membership rule, so a figure never counts what the viewer could not
 * open. Counts that describe the present (overdue, projects by status) have no previous period.
 */
import { and, sql, type SQL } from "drizzle-orm";
import { records } from "~db/schema";
import type { Workflow } from "~/modules/access/capabilities";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { DAY_MS, endOfChinaDay } from "~/modules/hazards/deadlines";
import type { Figure, FigureFormat, Period, WorkFigures } from "./figures";
import { activitiesInScope, countiesOfScope, memberPact, visibleInScope, workflowsOfScope, type StatsScope } from "./scope.server";

/** Per county id; the special key TOTAL holds the pact's total. */
type Values = Map<number, number | null>;
const TOTAL = -1;

interface Context {
  viewer: Viewer;
  scope: StatsScope;
  /** First and last millisecond of the period. */
  from: number;
  to: number;
  fromDay: string;
  toDay: string;
  now: number;
}

interface Definition {
  name: string;
  workflow: Workflow;
  format: FigureFormat;
  /** False for figures of the present moment (no previous period). */
  periodic: boolean;
  compute: (c: Context) => Values;
}

const visibleOf = (c: Context, workflow: Workflow): SQL => visibleInScope(c.viewer, c.scope, workflow);

/** `select <county> as k, <value> as n ... group by k`, with the total summed (counts) or computed. */
function grouped(query: SQL): Values {
  const rows = getDb().all<{ k: number | null; n: number | null }>(query);
  const values: Values = new Map();
  let total = 0;
  for (const r of rows) {
    if (r.k == null) continue;
    values.set(r.k, r.n ?? 0);
    total += r.n ?? 0;
  }
  values.set(TOTAL, total);
  return values;
}

function countRecords(c: Context, workflow: Workflow, countyKey: SQL, extra: SQL, join: SQL = sql``): Values {
  return grouped(sql`select ${countyKey} as k, count(*) as n from ${records} ${join}
    where ${visibleOf(c, workflow)} and ${extra} group by k`);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Per county and total from raw rows: `reduce` turns a group's rows into one value. */
function byRows<R extends { k: number }>(rows: R[], reduce: (rows: R[]) => number | null): Values {
  const values: Values = new Map();
  for (const k of new Set(rows.map((r) => r.k))) values.set(k, reduce(rows.filter((r) => r.k === k)));
  values.set(TOTAL, reduce(rows));
  return values;
}

const inPeriod = (column: SQL, c: Context) => sql`${column} between ${c.from} and ${c.to}`;
const reachedIn = (status: string[], c: Context) =>
  sql`exists (select 1 from thread_entries te where te.record_id = ${records.id} and te.kind = 'event'
    and te.to_status in (${sql.join(status.map((s) => sql`${s}`), sql`, `)}) and te.created_at between ${c.from} and ${c.to})`;

const HAZARD = sql`join hazard_details hd on hd.record_id = ${records.id}`;
const DISPUTE = sql`join dispute_details dd on dd.record_id = ${records.id}`;
const PATROL = sql`join patrol_details pd on pd.record_id = ${records.id}`;
const MEETING = sql`join meeting_details md on md.record_id = ${records.id}`;
const ACTION = sql`join action_items ai on ai.record_id = ${records.id}`;
const PROJECT = sql`join project_details pr on pr.record_id = ${records.id}`;
const owner = sql`${records.ownerCountyId}`;

function disputeOutcomes(c: Context, statuses: string[]): Values {
  return countRecords(c, "dispute", sql`dd.lead_county_id`, and(inPeriod(sql`${records.createdAt}`, c), sql`${records.status} in (${sql.join(statuses.map((s) => sql`${s}`), sql`, `)})`)!, DISPUTE);
}

function receiptsOf(c: Context) {
  return getDb().all<{ k: number; createdAt: number; signedAt: number | null; deadline: number }>(sql`
    select nr.county_id as k, ${records.createdAt} as createdAt, nr.signed_at as signedAt, nr.sign_deadline as deadline
    from notice_receipts nr join ${records} on ${records.id} = nr.record_id
    where ${visibleOf(c, "notice")} and ${inPeriod(sql`${records.createdAt}`, c)}`);
}

function activitySum(c: Context, column: string, kind: string | null): Values {
  return grouped(sql`select organiser_county_id as k, ${kind === null ? sql.raw(`sum(${column})`) : sql`count(*)`} as n
    from joint_activities where ${activitiesInScope(c.viewer, c.scope)}
      and held_on between ${c.fromDay} and ${c.toDay} ${kind ? sql`and kind = ${kind}` : sql``}
    group by k`);
}

const DEFINITIONS: Definition[] = [
  // 问题隐患联防
  { name: "hazardsFound", workflow: "hazard", format: "count", periodic: true, compute: (c) => countRecords(c, "hazard", owner, inPeriod(sql`${records.createdAt}`, c), HAZARD) },
  { name: "hazardsEliminated", workflow: "hazard", format: "count", periodic: true, compute: (c) => countRecords(c, "hazard", sql`coalesce(hd.responsible_county_id, ${records.ownerCountyId})`, and(sql`${records.status} = 'eliminated'`, reachedIn(["eliminated"], c))!, HAZARD) },
  { name: "hazardsOverdue", workflow: "hazard", format: "count", periodic: false, compute: (c) => countRecords(c, "hazard", sql`coalesce(hd.responsible_county_id, ${records.ownerCountyId})`, sql`${records.status} = 'rectifying' and ${records.dueAt} < ${c.now}`, HAZARD) },
  // 矛盾纠纷联调 (by the lead county, disputes opened in the period)
  { name: "disputesAccepted", workflow: "dispute", format: "count", periodic: true, compute: (c) => countRecords(c, "dispute", sql`dd.lead_county_id`, and(inPeriod(sql`${records.createdAt}`, c), sql`${records.status} <> 'reported'`)!, DISPUTE) },
  { name: "disputesResolved", workflow: "dispute", format: "count", periodic: true, compute: (c) => disputeOutcomes(c, ["resolved", "followed_up"]) },
  { name: "disputesStabilised", workflow: "dispute", format: "count", periodic: true, compute: (c) => disputeOutcomes(c, ["stabilised"]) },
  { name: "disputesFailed", workflow: "dispute", format: "count", periodic: true, compute: (c) => disputeOutcomes(c, ["failed"]) },
  {
    name: "disputeSuccessRate", workflow: "dispute", format: "share", periodic: true,
    compute: (c) => {
      const ok = disputeOutcomes(c, ["resolved", "followed_up"]);
      const decided = disputeOutcomes(c, ["resolved", "followed_up", "stabilised", "failed"]);
      return new Map([...decided].map(([k, n]) => [k, n ? (ok.get(k) ?? 0) / n : null]));
    },
  },
  // 刑事犯罪联打 (sent by the sender, received and signed by each addressed county)
  { name: "noticesSent", workflow: "notice", format: "count", periodic: true, compute: (c) => countRecords(c, "notice", owner, inPeriod(sql`${records.createdAt}`, c)) },
  { name: "noticesReceived", workflow: "notice", format: "count", periodic: true, compute: (c) => byRows(receiptsOf(c), (rows) => rows.length) },
  { name: "noticeMedianSignMinutes", workflow: "notice", format: "minutes", periodic: true, compute: (c) => byRows(receiptsOf(c), (rows) => { const m = median(rows.filter((r) => r.signedAt !== null).map((r) => (r.signedAt! - r.createdAt) / 60_000)); return m === null ? null : Math.round(m); }) },
  {
    name: "noticeSignedInTime", workflow: "notice", format: "share", periodic: true,
    compute: (c) => byRows(receiptsOf(c), (rows) => {
      const due = rows.filter((r) => r.signedAt !== null || r.deadline < c.now);
      return due.length ? due.filter((r) => r.signedAt !== null && r.signedAt <= r.deadline).length / due.length : null;
    }),
  },
  // 社会治安联治
  { name: "patrolsCompleted", workflow: "patrol", format: "count", periodic: true, compute: (c) => countRecords(c, "patrol", owner, sql`${records.status} = 'completed' and pd.patrol_on between ${c.fromDay} and ${c.toDay}`, PATROL) },
  { name: "legalEducationEvents", workflow: "patrol", format: "count", periodic: true, compute: (c) => activitySum(c, "", "legal_education") },
  { name: "legalEducationAttendance", workflow: "patrol", format: "count", periodic: true, compute: (c) => activitySum(c, "attendance", null) },
  { name: "legalConsultations", workflow: "patrol", format: "count", periodic: true, compute: (c) => activitySum(c, "consultations", null) },
  { name: "legalAidCases", workflow: "patrol", format: "count", periodic: true, compute: (c) => activitySum(c, "legal_aid_cases", null) },
  { name: "publicRequestsResolved", workflow: "patrol", format: "count", periodic: true, compute: (c) => activitySum(c, "requests_resolved", null) },
  // 平安边界联创
  { name: "meetingsHeld", workflow: "meeting", format: "count", periodic: true, compute: (c) => countRecords(c, "meeting", sql`md.host_county_id`, sql`${records.status} = 'held' and md.starts_at between ${c.from} and ${c.to}`, MEETING) },
  { name: "actionItemsDone", workflow: "meeting", format: "count", periodic: true, compute: (c) => countRecords(c, "meeting", sql`ai.responsible_county_id`, sql`${records.status} = 'done' and ai.done_at between ${c.from} and ${c.to}`, ACTION) },
  { name: "actionItemsOpen", workflow: "meeting", format: "count", periodic: false, compute: (c) => countRecords(c, "meeting", sql`ai.responsible_county_id`, sql`${records.status} = 'open'`, ACTION) },
  { name: "actionItemsOverdue", workflow: "meeting", format: "count", periodic: false, compute: (c) => countRecords(c, "meeting", sql`ai.responsible_county_id`, sql`${records.status} = 'open' and ${records.dueAt} < ${c.now}`, ACTION) },
  // 民生事业联动 (by the lead county, as they stand now)
  ...(["proposed", "active", "completed", "suspended"] as const).map((status): Definition => ({
    name: `projects_${status}`, workflow: "project", format: "count", periodic: false,
    compute: (c) => countRecords(c, "project", owner, sql`${records.status} = ${status}`, PROJECT),
  })),
];

/** The period of the same length just before `period`. */
export function previousPeriodOf(period: Period): Period {
  const start = Date.parse(`${period.from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${period.to}T00:00:00Z`) - start) / DAY_MS) + 1;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: iso(start - days * DAY_MS), to: iso(start - DAY_MS) };
}

/** The figures of `scope` for the period (the viewer's county must be in a pact scope; pactFigures checks). */
function figuresOf(viewer: Viewer, scope: StatsScope, title: string, period: Period, now: number): WorkFigures {
  const members = countiesOfScope(viewer, scope);
  const shown = workflowsOfScope(viewer, scope);
  const previousPeriod = previousPeriodOf(period);
  const context = (p: Period): Context => ({
    viewer, scope, now, fromDay: p.from, toDay: p.to, from: Date.parse(`${p.from}T00:00:00+08:00`), to: endOfChinaDay(p.to),
  });
  const current = context(period);
  const previous = context(previousPeriod);
  const figures: Figure[] = DEFINITIONS.filter((d) => shown.includes(d.workflow))
    .sort((a, b) => shown.indexOf(a.workflow) - shown.indexOf(b.workflow))
    .map((d) => {
      const values = d.compute(current);
      const byCounty = Object.fromEntries(members.map((m) => [m.id, values.get(m.id) ?? (d.format === "count" ? 0 : null)]));
      return {
        name: d.name,
        workflow: d.workflow,
        format: d.format,
        byCounty,
        total: values.get(TOTAL) ?? null,
        previousTotal: d.periodic ? (d.compute(previous).get(TOTAL) ?? null) : null,
      };
    });
  return { scope: scope.kind, pactId: scope.kind === "pact" ? scope.pactId : null, title, period, previousPeriod, counties: members, figures };
}

/** The pact's figures for the period, or null when the viewer's county is not a member of the pact. */
export function pactFigures(viewer: Viewer, pactId: number, period: Period, now = Date.now()): WorkFigures | null {
  const pact = memberPact(viewer, pactId);
  return pact ? figuresOf(viewer, { kind: "pact", pactId }, pact.title, period, now) : null;
}

/** The viewer's county across all its pacts and its internal records; `title` names the county. */
export function countyFigures(viewer: Viewer, title: string, period: Period, now = Date.now()): WorkFigures {
  return figuresOf(viewer, { kind: "county" }, title, period, now);
}
