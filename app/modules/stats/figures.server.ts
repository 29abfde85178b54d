/**
 * The figures of all six workflows for one pact and a period (figures.ts has the shape), each
 * split by the member county it belongs to, with the pact's total and the total of the period
 * before. Every count runs inside the access policy: records through visibleRecordsOf, joint
 * activities through the pact membership rule, so a figure never counts what the viewer could not
 * open. Counts that describe the present (overdue, projects by status) have no previous period.
 *
 * Each workflow's figures come from one query (notices: two, patrols: the records and the joint
 * activities), for the period and the one before together: every figure is a
 * `sum(case when <its condition> then 1 else 0 end)` for each period, grouped by the county
 * columns the figures are split by. The access policy is then applied once per workflow rather
 * than once per figure and period (decision 0014).
 */
import { sql, type SQL } from "drizzle-orm";
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

/** First and last millisecond, and first and last day, of a period. */
interface Bounds {
  from: number;
  to: number;
  fromDay: string;
  toDay: string;
}

interface Context {
  viewer: Viewer;
  scope: StatsScope;
  current: Bounds;
  previous: Bounds;
  now: number;
}

/** One count of a workflow's query: the rows it counts in a period (or now), and by which county. */
interface Count {
  name: string;
  /** The county column (an index into the query's `keys`). */
  key: number;
  /** False for counts of the present moment (no previous period). */
  periodic: boolean;
  when: (b: Bounds, c: Context) => SQL;
  /** What a counted row adds (default 1): a column of joint activities. */
  value?: SQL;
}

/** The query of one workflow's counts. */
interface Tally {
  /** The table and the joins. */
  from: SQL;
  /** The access policy and the rows any of the counts may need, in both periods together. */
  where: (c: Context) => SQL;
  keys: SQL[];
  counts: Count[];
}

/** What a tally gives for each count: per county and total, now and in the period before. */
type Tallied = Map<string, { current: Values; previous: Values | null }>;

const visibleOf = (c: Context, workflow: Workflow): SQL => visibleInScope(c.viewer, c.scope, workflow);
/** From the start of the period before to the end of the period: what the periodic counts may need. */
const spanOf = (c: Context): Bounds => ({ from: c.previous.from, to: c.current.to, fromDay: c.previous.fromDay, toDay: c.current.toDay });
const list = (values: string[]) => sql.join(values.map((s) => sql`${s}`), sql`, `);

/**
 * Runs the tally: one row per combination of its county columns, a column per count and period.
 * A count's values are summed by its own county column; rows without a county are left out, as is
 * a county for which no row matched at all (it reads as 0, or as undefined for a share).
 */
function tally(c: Context, t: Tally): Tallied {
  const columns: SQL[] = t.keys.map((k, i) => sql`${k} as ${sql.raw(`k${i}`)}`);
  t.counts.forEach((count, i) => {
    const value = count.value ?? sql`1`;
    columns.push(sql`sum(case when ${count.when(c.current, c)} then ${value} else 0 end) as ${sql.raw(`c${i}`)}`);
    if (count.periodic) columns.push(sql`sum(case when ${count.when(c.previous, c)} then ${value} else 0 end) as ${sql.raw(`p${i}`)}`);
  });
  const groups = t.keys.map((_, i) => sql.raw(`k${i}`));
  const rows = getDb().all<Record<string, number | null>>(
    sql`select ${sql.join(columns, sql`, `)} from ${t.from} where ${t.where(c)} group by ${sql.join(groups, sql`, `)}`,
  );
  const result: Tallied = new Map();
  t.counts.forEach((count, i) => {
    const sum = (column: string): Values => {
      const values: Values = new Map();
      let total = 0;
      for (const row of rows) {
        const k = row[`k${count.key}`];
        const n = row[column];
        if (k == null || n === 0) continue;
        values.set(k, (values.get(k) ?? 0) + (n ?? 0));
        total += n ?? 0;
      }
      values.set(TOTAL, total);
      return values;
    };
    result.set(count.name, { current: sum(`c${i}`), previous: count.periodic ? sum(`p${i}`) : null });
  });
  return result;
}

const inPeriod = (column: SQL, b: Bounds) => sql`${column} between ${b.from} and ${b.to}`;
const reachedIn = (status: string[], b: Bounds) =>
  sql`exists (select 1 from thread_entries te where te.record_id = ${records.id} and te.kind = 'event'
    and te.to_status in (${list(status)}) and te.created_at between ${b.from} and ${b.to})`;
const statusIn = (statuses: string[]) => sql`${records.status} in (${list(statuses)})`;

const DECIDED = ["resolved", "followed_up", "stabilised", "failed"];
const OK = ["resolved", "followed_up"];

const TALLIES: Partial<Record<Workflow, Tally[]>> = {
  // 问题隐患联防: found by the owner; eliminated and overdue by the responsible county (else the owner).
  hazard: [{
    from: sql`${records} join hazard_details hd on hd.record_id = ${records.id}`,
    where: (c) => sql`${visibleOf(c, "hazard")} and (${inPeriod(sql`${records.createdAt}`, spanOf(c))}
      or ${records.status} = 'eliminated' or (${records.status} = 'rectifying' and ${records.dueAt} < ${c.now}))`,
    keys: [sql`${records.ownerCountyId}`, sql`coalesce(hd.responsible_county_id, ${records.ownerCountyId})`],
    counts: [
      { name: "hazardsFound", key: 0, periodic: true, when: (b) => inPeriod(sql`${records.createdAt}`, b) },
      { name: "hazardsEliminated", key: 1, periodic: true, when: (b) => sql`${records.status} = 'eliminated' and ${reachedIn(["eliminated"], b)}` },
      { name: "hazardsOverdue", key: 1, periodic: false, when: (_b, c) => sql`${records.status} = 'rectifying' and ${records.dueAt} < ${c.now}` },
    ],
  }],
  // 矛盾纠纷联调: by the lead county, disputes opened in the period.
  dispute: [{
    from: sql`${records} join dispute_details dd on dd.record_id = ${records.id}`,
    where: (c) => sql`${visibleOf(c, "dispute")} and ${inPeriod(sql`${records.createdAt}`, spanOf(c))}`,
    keys: [sql`dd.lead_county_id`],
    counts: [
      { name: "disputesAccepted", key: 0, periodic: true, when: (b) => sql`${inPeriod(sql`${records.createdAt}`, b)} and ${records.status} <> 'reported'` },
      { name: "disputesResolved", key: 0, periodic: true, when: (b) => sql`${inPeriod(sql`${records.createdAt}`, b)} and ${statusIn(OK)}` },
      { name: "disputesStabilised", key: 0, periodic: true, when: (b) => sql`${inPeriod(sql`${records.createdAt}`, b)} and ${statusIn(["stabilised"])}` },
      { name: "disputesFailed", key: 0, periodic: true, when: (b) => sql`${inPeriod(sql`${records.createdAt}`, b)} and ${statusIn(["failed"])}` },
      { name: "disputesDecided", key: 0, periodic: true, when: (b) => sql`${inPeriod(sql`${records.createdAt}`, b)} and ${statusIn(DECIDED)}` },
    ],
  }],
  // 刑事犯罪联打: sent by the sender (receipts: receiptsOf).
  notice: [{
    from: sql`${records}`,
    where: (c) => sql`${visibleOf(c, "notice")} and ${inPeriod(sql`${records.createdAt}`, spanOf(c))}`,
    keys: [sql`${records.ownerCountyId}`],
    counts: [{ name: "noticesSent", key: 0, periodic: true, when: (b) => inPeriod(sql`${records.createdAt}`, b) }],
  }],
  // 社会治安联治: patrols completed on a day of the period, and the joint activities held in it.
  patrol: [
    {
      from: sql`${records} join patrol_details pd on pd.record_id = ${records.id}`,
      where: (c) => sql`${visibleOf(c, "patrol")} and ${records.status} = 'completed'`,
      keys: [sql`${records.ownerCountyId}`],
      counts: [{ name: "patrolsCompleted", key: 0, periodic: true, when: (b) => sql`pd.patrol_on between ${b.fromDay} and ${b.toDay}` }],
    },
    {
      from: sql`joint_activities`,
      where: (c) => sql`${activitiesInScope(c.viewer, c.scope)} and held_on between ${c.previous.fromDay} and ${c.current.toDay}`,
      keys: [sql`organiser_county_id`],
      counts: [
        { name: "legalEducationEvents", key: 0, periodic: true, when: (b) => sql`held_on between ${b.fromDay} and ${b.toDay} and kind = 'legal_education'` },
        ...(["attendance", "consultations", "legal_aid_cases", "requests_resolved"] as const).map((column, i): Count => ({
          name: ["legalEducationAttendance", "legalConsultations", "legalAidCases", "publicRequestsResolved"][i],
          key: 0, periodic: true, value: sql.raw(column), when: (b) => sql`held_on between ${b.fromDay} and ${b.toDay}`,
        })),
      ],
    },
  ],
  // 平安边界联创: meetings by the host county, action items by the responsible county.
  meeting: [{
    from: sql`${records} left join meeting_details md on md.record_id = ${records.id} left join action_items ai on ai.record_id = ${records.id}`,
    where: (c) => sql`${visibleOf(c, "meeting")} and ${statusIn(["held", "done", "open"])}`,
    keys: [sql`md.host_county_id`, sql`ai.responsible_county_id`],
    counts: [
      { name: "meetingsHeld", key: 0, periodic: true, when: (b) => sql`md.record_id is not null and ${records.status} = 'held' and md.starts_at between ${b.from} and ${b.to}` },
      { name: "actionItemsDone", key: 1, periodic: true, when: (b) => sql`ai.record_id is not null and ${records.status} = 'done' and ai.done_at between ${b.from} and ${b.to}` },
      { name: "actionItemsOpen", key: 1, periodic: false, when: () => sql`ai.record_id is not null and ${records.status} = 'open'` },
      { name: "actionItemsOverdue", key: 1, periodic: false, when: (_b, c) => sql`ai.record_id is not null and ${records.status} = 'open' and ${records.dueAt} < ${c.now}` },
    ],
  }],
  // 民生事业联动: by the lead county, as they stand now.
  project: [{
    from: sql`${records} join project_details pr on pr.record_id = ${records.id}`,
    where: (c) => visibleOf(c, "project"),
    keys: [sql`${records.ownerCountyId}`],
    counts: (["proposed", "active", "completed", "suspended"] as const).map((status): Count => ({
      name: `projects_${status}`, key: 0, periodic: false, when: () => sql`${records.status} = ${status}`,
    })),
  }],
};

interface Receipt {
  k: number;
  createdAt: number;
  signedAt: number | null;
  deadline: number;
}

/** The receipts of the notices sent in either period, by the county addressed. */
function receiptsOf(c: Context): Receipt[] {
  return getDb().all<Receipt>(sql`
    select nr.county_id as k, ${records.createdAt} as createdAt, nr.signed_at as signedAt, nr.sign_deadline as deadline
    from notice_receipts nr join ${records} on ${records.id} = nr.record_id
    where ${visibleOf(c, "notice")} and ${inPeriod(sql`${records.createdAt}`, spanOf(c))}`);
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

/** What the figures of the shown workflows are computed from, each query run once. */
class Sources {
  private tallied = new Map<string, { current: Values; previous: Values | null }>();
  private done = new Set<Workflow>();
  private receipts: Receipt[] | null = null;

  constructor(readonly c: Context) {}

  count(workflow: Workflow, name: string, period: "current" | "previous"): Values {
    if (!this.done.has(workflow)) {
      for (const t of TALLIES[workflow] ?? []) for (const [n, v] of tally(this.c, t)) this.tallied.set(n, v);
      this.done.add(workflow);
    }
    return this.tallied.get(name)![period] ?? new Map();
  }

  /** The receipts of the notices sent in the period. */
  receiptsIn(period: "current" | "previous"): Receipt[] {
    this.receipts ??= receiptsOf(this.c);
    const b = this.c[period];
    return this.receipts.filter((r) => r.createdAt >= b.from && r.createdAt <= b.to);
  }
}

interface Definition {
  name: string;
  workflow: Workflow;
  format: FigureFormat;
  /** False for figures of the present moment (no previous period). */
  periodic: boolean;
  compute: (s: Sources, period: "current" | "previous") => Values;
}

const counted = (name: string, workflow: Workflow, periodic = true): Definition =>
  ({ name, workflow, format: "count", periodic, compute: (s, p) => s.count(workflow, name, p) });

const DEFINITIONS: Definition[] = [
  // 问题隐患联防
  counted("hazardsFound", "hazard"),
  counted("hazardsEliminated", "hazard"),
  counted("hazardsOverdue", "hazard", false),
  // 矛盾纠纷联调 (by the lead county, disputes opened in the period)
  counted("disputesAccepted", "dispute"),
  counted("disputesResolved", "dispute"),
  counted("disputesStabilised", "dispute"),
  counted("disputesFailed", "dispute"),
  {
    name: "disputeSuccessRate", workflow: "dispute", format: "share", periodic: true,
    compute: (s, p) => {
      const ok = s.count("dispute", "disputesResolved", p);
      const decided = s.count("dispute", "disputesDecided", p);
      return new Map([...decided].map(([k, n]) => [k, n ? (ok.get(k) ?? 0) / n : null]));
    },
  },
  // 刑事犯罪联打 (sent by the sender, received and signed by each addressed county)
  counted("noticesSent", "notice"),
  { name: "noticesReceived", workflow: "notice", format: "count", periodic: true, compute: (s, p) => byRows(s.receiptsIn(p), (rows) => rows.length) },
  { name: "noticeMedianSignMinutes", workflow: "notice", format: "minutes", periodic: true, compute: (s, p) => byRows(s.receiptsIn(p), (rows) => { const m = median(rows.filter((r) => r.signedAt !== null).map((r) => (r.signedAt! - r.createdAt) / 60_000)); return m === null ? null : Math.round(m); }) },
  {
    name: "noticeSignedInTime", workflow: "notice", format: "share", periodic: true,
    compute: (s, p) => byRows(s.receiptsIn(p), (rows) => {
      const due = rows.filter((r) => r.signedAt !== null || r.deadline < s.c.now);
      return due.length ? due.filter((r) => r.signedAt !== null && r.signedAt <= r.deadline).length / due.length : null;
    }),
  },
  // 社会治安联治
  counted("patrolsCompleted", "patrol"),
  counted("legalEducationEvents", "patrol"),
  counted("legalEducationAttendance", "patrol"),
  counted("legalConsultations", "patrol"),
  counted("legalAidCases", "patrol"),
  counted("publicRequestsResolved", "patrol"),
  // 平安边界联创
  counted("meetingsHeld", "meeting"),
  counted("actionItemsDone", "meeting"),
  counted("actionItemsOpen", "meeting", false),
  counted("actionItemsOverdue", "meeting", false),
  // 民生事业联动 (by the lead county, as they stand now)
  ...(["proposed", "active", "completed", "suspended"] as const).map((status) => counted(`projects_${status}`, "project", false)),
];

/** The period of the same length just before `period`. */
export function previousPeriodOf(period: Period): Period {
  const start = Date.parse(`${period.from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${period.to}T00:00:00Z`) - start) / DAY_MS) + 1;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: iso(start - days * DAY_MS), to: iso(start - DAY_MS) };
}

const boundsOf = (p: Period): Bounds => ({ fromDay: p.from, toDay: p.to, from: Date.parse(`${p.from}T00:00:00+08:00`), to: endOfChinaDay(p.to) });

/** The figures of `scope` for the period (the viewer's county must be in a pact scope; pactFigures checks). */
function figuresOf(viewer: Viewer, scope: StatsScope, title: string, period: Period, now: number): WorkFigures {
  const members = countiesOfScope(viewer, scope);
  const shown = workflowsOfScope(viewer, scope);
  const previousPeriod = previousPeriodOf(period);
  const sources = new Sources({ viewer, scope, now, current: boundsOf(period), previous: boundsOf(previousPeriod) });
  const figures: Figure[] = DEFINITIONS.filter((d) => shown.includes(d.workflow))
    .sort((a, b) => shown.indexOf(a.workflow) - shown.indexOf(b.workflow))
    .map((d) => {
      const values = d.compute(sources, "current");
      const byCounty = Object.fromEntries(members.map((m) => [m.id, values.get(m.id) ?? (d.format === "count" ? 0 : null)]));
      return {
        name: d.name,
        workflow: d.workflow,
        format: d.format,
        byCounty,
        total: values.get(TOTAL) ?? null,
        previousTotal: d.periodic ? (d.compute(sources, "previous").get(TOTAL) ?? null) : null,
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
