/**
 * Figures of joint mediation (矛盾纠纷联调统计) per committee (joint body), per lead county and per
 * pact, over a range of Beijing calendar years (by the day a dispute was opened): accepted (受理:
 * registered or later), resolved (调解成功: resolved or followed up), stabilised (稳控), failed
 * (调解不成), the success rate resolved / (resolved + stabilised + failed), and the median days from
 * opening to outcome. Counted in SQL under the access policy's filter: a county never sees figures
 * of disputes that are not shared with it.
 */
import { and, asc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { counties, disputeDetails, jointBodies, pacts, records } from "~db/schema";
import { visibleRecordsOf } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";

export const FIGURE_DIMENSIONS = ["committee", "county", "pact"] as const;
export type FigureDimension = (typeof FIGURE_DIMENSIONS)[number];

export interface FigureRow {
  /** The committee, lead county or pact id; null: none (no committee / internal to a county). */
  key: number | null;
  name: string | null;
  accepted: number;
  resolved: number;
  stabilised: number;
  failed: number;
  /** resolved / (resolved + stabilised + failed), 0..1; null when nothing has an outcome yet. */
  successRate: number | null;
  /** Median days from opening to outcome, one decimal; null when nothing has an outcome yet. */
  medianDays: number | null;
}

export interface YearRange {
  fromYear: number;
  toYear: number;
}

const DAY_MS = 86_400_000;
const OUTCOMES = ["resolved", "followed_up", "stabilised", "failed"];

function keyOf(dimension: FigureDimension): SQL {
  switch (dimension) {
    case "committee":
      return sql`${disputeDetails.committeeId}`;
    case "county":
      return sql`${disputeDetails.leadCountyId}`;
    case "pact":
      return sql`${records.pactId}`;
  }
}

/** First millisecond of 1 January of a Beijing year. */
function startOfYear(year: number): number {
  return Date.parse(`${String(year).padStart(4, "0")}-01-01T00:00:00+08:00`);
}

function whereOf(viewer: Viewer, range: YearRange): SQL {
  return and(
    gte(records.createdAt, startOfYear(range.fromYear)),
    lt(records.createdAt, startOfYear(range.toYear + 1)),
    visibleRecordsOf(viewer, "dispute"),
  )!;
}

function namesOf(dimension: FigureDimension, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const db = getDb();
  const rows =
    dimension === "committee"
      ? db.select({ id: jointBodies.id, name: jointBodies.name }).from(jointBodies).where(inArray(jointBodies.id, ids)).all()
      : dimension === "county"
        ? db.select({ id: counties.id, name: counties.name }).from(counties).where(inArray(counties.id, ids)).all()
        : db.select({ id: pacts.id, name: pacts.title }).from(pacts).where(inArray(pacts.id, ids)).all();
  return new Map(rows.map((r) => [r.id, r.name]));
}

function rateOf(resolved: number, stabilised: number, failed: number): number | null {
  const decided = resolved + stabilised + failed;
  return decided === 0 ? null : resolved / decided;
}

/** One row per committee, county or pact with visible disputes in the range (plus a total). */
export function disputeFigures(viewer: Viewer, dimension: FigureDimension, range: YearRange): { rows: FigureRow[]; total: FigureRow } {
  const db = getDb();
  const where = whereOf(viewer, range);
  const key = keyOf(dimension);
  const counted = () =>
    db
      .select({
        key: sql<number | null>`${key}`,
        accepted: sql<number>`coalesce(sum(case when ${records.status} <> 'reported' then 1 else 0 end), 0)`,
        resolved: sql<number>`coalesce(sum(case when ${records.status} in ('resolved', 'followed_up') then 1 else 0 end), 0)`,
        stabilised: sql<number>`coalesce(sum(case when ${records.status} = 'stabilised' then 1 else 0 end), 0)`,
        failed: sql<number>`coalesce(sum(case when ${records.status} = 'failed' then 1 else 0 end), 0)`,
      })
      .from(records)
      .innerJoin(disputeDetails, eq(disputeDetails.recordId, records.id))
      .where(where)
      .groupBy(key)
      .orderBy(asc(key))
      .all();
  const medians = (extra: SQL | null) => {
    const rows = db.all<{ k: number | null; median: number }>(sql`
      with durations as (
        select ${extra ?? key} as k, (${disputeDetails.outcomeAt} - ${records.createdAt}) * 1.0 / ${DAY_MS} as d,
          row_number() over (partition by ${extra ?? key} order by ${disputeDetails.outcomeAt} - ${records.createdAt}) as rn,
          count(*) over (partition by ${extra ?? key}) as n
        from ${records} inner join ${disputeDetails} on ${disputeDetails.recordId} = ${records.id}
        where ${where} and ${disputeDetails.outcomeAt} is not null
          and ${inArray(records.status, OUTCOMES)}
      )
      select k, avg(d) as median from durations where rn in ((n + 1) / 2, (n + 2) / 2) group by k`);
    return new Map(rows.map((r) => [r.k, Math.round(r.median * 10) / 10]));
  };
  const finish = (r: { key: number | null; accepted: number; resolved: number; stabilised: number; failed: number }, m: Map<number | null, number>, names: Map<number, string>): FigureRow => ({
    ...r,
    name: r.key == null ? null : (names.get(r.key) ?? null),
    successRate: rateOf(r.resolved, r.stabilised, r.failed),
    medianDays: m.get(r.key) ?? null,
  });
  const grouped = counted();
  const names = namesOf(dimension, grouped.flatMap((r) => (r.key == null ? [] : [r.key])));
  const perKey = medians(null);
  const rows = grouped.map((r) => finish(r, perKey, names));
  // Every dispute falls in exactly one group, so the counts add up; the median is its own query.
  const sum = (field: "accepted" | "resolved" | "stabilised" | "failed") => rows.reduce((n, r) => n + r[field], 0);
  const counts = { accepted: sum("accepted"), resolved: sum("resolved"), stabilised: sum("stabilised"), failed: sum("failed") };
  const total: FigureRow = {
    key: null,
    name: null,
    ...counts,
    successRate: rateOf(counts.resolved, counts.stabilised, counts.failed),
    medianDays: medians(sql`0`).get(0) ?? null,
  };
  return { rows, total };
}

/** The range a figures page shows by default: the current Beijing year and the two before it. */
export function defaultYearRange(currentYear: number): YearRange {
  return { fromYear: currentYear - 2, toYear: currentYear };
}

const FIRST_YEAR = 2000;

/** The years asked for, or the default; `invalid` when they make no sense. */
export function yearRangeOf(url: URL, currentYear: number): { range: YearRange; invalid: boolean } {
  const fallback = defaultYearRange(currentYear);
  const read = (name: string, dflt: number) => {
    const raw = url.searchParams.get(name);
    if (raw === null || raw === "") return dflt;
    return /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  };
  const fromYear = read("from", fallback.fromYear);
  const toYear = read("to", fallback.toYear);
  const ok = [fromYear, toYear].every((y) => Number.isInteger(y) && y >= FIRST_YEAR && y <= currentYear) && fromYear <= toYear;
  return ok ? { range: { fromYear, toYear }, invalid: false } : { range: fallback, invalid: true };
}
