/**
 * Monthly trends of each workflow's main figure for a statistics view. The window is the twelve
 * months up to the period's last month when the period is shorter than a year, the period's own
 * months otherwise, and its quarters when it spans more than 24 months. Each count is the same
 * SQL as the figure it draws (found, accepted, sent, patrolled, held), inside the access policy,
 * so the months of a period add up to the period's figure.
 */
import { sql, type SQL } from "drizzle-orm";
import { records } from "~db/schema";
import type { Workflow } from "~/modules/access/capabilities";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { endOfChinaDay } from "~/modules/hazards/deadlines";
import type { Bucket, Trends, TrendSeries } from "./charts";
import type { Period } from "./figures";
import { visibleInScope, workflowsOfScope, type StatsScope } from "./scope.server";

const pad = (n: number) => String(n).padStart(2, "0");
/** Beijing month of a UTC millisecond column. */
const monthOfMs = (column: SQL) => sql`strftime('%Y-%m', (${column} + 28800000) / 1000, 'unixepoch')`;

interface Window {
  unit: Trends["unit"];
  months: string[];
  /** First and last day of the window (YYYY-MM-DD). */
  fromDay: string;
  toDay: string;
}

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${pad(m)}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return months;
}

/** The window of the trends for `period`. */
export function trendWindow(period: Period): Window {
  let months = monthsBetween(period.from.slice(0, 7), period.to.slice(0, 7));
  let fromDay = period.from;
  if (months.length < 12) {
    const [y, m] = period.to.split("-").map(Number);
    const start = new Date(Date.UTC(y, m - 12, 1));
    fromDay = `${start.getUTCFullYear()}-${pad(start.getUTCMonth() + 1)}-01`;
    months = monthsBetween(fromDay.slice(0, 7), period.to.slice(0, 7));
  }
  return { unit: months.length > 24 ? "quarter" : "month", months, fromDay, toDay: period.to };
}

const quarterOf = (month: string): Bucket => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

interface SeriesDefinition {
  workflow: Workflow;
  figure: string;
  /** `select <month> as m, count(*) as n ...` for the window. */
  query: (visible: SQL, w: { from: number; to: number; fromDay: string; toDay: string }) => SQL;
}

const SERIES: SeriesDefinition[] = [
  {
    workflow: "hazard", figure: "hazardsFound",
    query: (visible, w) => sql`select ${monthOfMs(sql`${records.createdAt}`)} as m, count(*) as n from ${records}
      where ${visible} and ${records.createdAt} between ${w.from} and ${w.to} group by m`,
  },
  {
    workflow: "dispute", figure: "disputesAccepted",
    query: (visible, w) => sql`select ${monthOfMs(sql`${records.createdAt}`)} as m, count(*) as n from ${records}
      join dispute_details dd on dd.record_id = ${records.id}
      where ${visible} and ${records.status} <> 'reported' and ${records.createdAt} between ${w.from} and ${w.to} group by m`,
  },
  {
    workflow: "notice", figure: "noticesSent",
    query: (visible, w) => sql`select ${monthOfMs(sql`${records.createdAt}`)} as m, count(*) as n from ${records}
      where ${visible} and ${records.createdAt} between ${w.from} and ${w.to} group by m`,
  },
  {
    workflow: "patrol", figure: "patrolsCompleted",
    query: (visible, w) => sql`select substr(pd.patrol_on, 1, 7) as m, count(*) as n from ${records}
      join patrol_details pd on pd.record_id = ${records.id}
      where ${visible} and ${records.status} = 'completed' and pd.patrol_on between ${w.fromDay} and ${w.toDay} group by m`,
  },
  {
    workflow: "meeting", figure: "meetingsHeld",
    query: (visible, w) => sql`select ${monthOfMs(sql`md.starts_at`)} as m, count(*) as n from ${records}
      join meeting_details md on md.record_id = ${records.id}
      where ${visible} and ${records.status} = 'held' and md.starts_at between ${w.from} and ${w.to} group by m`,
  },
];

/** The trends of the view: one series per shown workflow that has a main figure (projects have none). */
export function trendsOf(viewer: Viewer, scope: StatsScope, period: Period): Trends {
  const window = trendWindow(period);
  const bounds = { from: Date.parse(`${window.fromDay}T00:00:00+08:00`), to: endOfChinaDay(window.toDay), fromDay: window.fromDay, toDay: window.toDay };
  const toBucket = window.unit === "quarter" ? quarterOf : (m: string) => m;
  const buckets = [...new Set(window.months.map(toBucket))];
  const shown = workflowsOfScope(viewer, scope);
  const series: TrendSeries[] = SERIES.filter((s) => shown.includes(s.workflow)).map((s) => {
    const counts = new Map<Bucket, number>();
    for (const row of getDb().all<{ m: string; n: number }>(s.query(visibleInScope(viewer, scope, s.workflow), bounds))) {
      const bucket = toBucket(row.m);
      counts.set(bucket, (counts.get(bucket) ?? 0) + row.n);
    }
    return { workflow: s.workflow, figure: s.figure, values: buckets.map((b) => counts.get(b) ?? 0) };
  });
  return { unit: window.unit, buckets, series };
}
