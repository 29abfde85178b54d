/**
 * Figures of joint crime fighting (刑事犯罪联打统计) per pact and per county, over a range of
 * Beijing calendar years (by the time a notice was sent): notices sent, received (one per
 * addressed county), the median minutes from sending to signing for it (签收), the share signed
 * in time, the median minutes from sending to a result, suspects caught and items recovered.
 *
 * Per county a row joins both sides: "sent" counts the notices the county sent; every other
 * column is about what the county received (how fast it signed, what it caught and recovered).
 * Per pact every column covers the pact's notices and their receipts.
 *
 * Signed in time = signed by the deadline ÷ (signed + unsigned past the deadline); unsigned
 * receipts of a cancelled notice, or not yet due, are left out. Everything is counted in SQL
 * under the access policy's filter, so a police-only notice counts only for police liaisons.
 */
import { and, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { counties, noticeReceipts, pacts, records } from "~db/schema";
import { visibleRecordsOf } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import type { YearRange } from "~/modules/disputes/figures.server";

export { yearRangeOf, type YearRange } from "~/modules/disputes/figures.server";

export const NOTICE_FIGURE_DIMENSIONS = ["pact", "county"] as const;
export type NoticeFigureDimension = (typeof NOTICE_FIGURE_DIMENSIONS)[number];

export interface NoticeFigureRow {
  /** The pact or county id; null: internal notices (pact dimension only). */
  key: number | null;
  name: string | null;
  sent: number;
  received: number;
  /** Median minutes from sending to signing, one decimal; null when nothing was signed. */
  medianSignMinutes: number | null;
  /** 0..1; null when no receipt was signed or is overdue. */
  inTimeShare: number | null;
  /** Median minutes from sending to a reported result, one decimal; null without results. */
  medianResultMinutes: number | null;
  suspectsCaught: number;
  itemsRecovered: number;
}

const MINUTE_MS = 60_000;

function startOfYear(year: number): number {
  return Date.parse(`${String(year).padStart(4, "0")}-01-01T00:00:00+08:00`);
}

function noticesWhere(viewer: Viewer, range: YearRange): SQL {
  return and(
    gte(records.createdAt, startOfYear(range.fromYear)),
    lt(records.createdAt, startOfYear(range.toYear + 1)),
    visibleRecordsOf(viewer, "notice"),
  )!;
}

/** The group of a notice (sent side) and of a receipt (received side). */
function keysOf(dimension: NoticeFigureDimension): { sentKey: SQL; receiptKey: SQL } {
  return dimension === "pact"
    ? { sentKey: sql`${records.pactId}`, receiptKey: sql`${records.pactId}` }
    : { sentKey: sql`${records.ownerCountyId}`, receiptKey: sql`${noticeReceipts.countyId}` };
}

/** Median of (end − start) in minutes per key over the visible receipts where `end` is set. */
function medianMinutes(where: SQL, key: SQL, end: SQL): Map<number | null, number> {
  const rows = getDb().all<{ k: number | null; median: number }>(sql`
    with durations as (
      select ${key} as k, (${end} - ${records.createdAt}) * 1.0 / ${MINUTE_MS} as d,
        row_number() over (partition by ${key} order by ${end} - ${records.createdAt}) as rn,
        count(*) over (partition by ${key}) as n
      from ${noticeReceipts} inner join ${records} on ${records.id} = ${noticeReceipts.recordId}
      where ${where} and ${end} is not null
    )
    select k, avg(d) as median from durations where rn in ((n + 1) / 2, (n + 2) / 2) group by k`);
  return new Map(rows.map((r) => [r.k, Math.round(r.median * 10) / 10]));
}

interface ReceiptCounts {
  received: number;
  inTime: number;
  judged: number;
  suspectsCaught: number;
  itemsRecovered: number;
}

function receiptCounts(where: SQL, key: SQL, now: number): Map<number | null, ReceiptCounts> {
  const rows = getDb()
    .select({
      key: sql<number | null>`${key}`,
      received: sql<number>`count(*)`,
      inTime: sql<number>`coalesce(sum(case when ${noticeReceipts.signedAt} is not null and ${noticeReceipts.signedAt} <= ${noticeReceipts.signDeadline} then 1 else 0 end), 0)`,
      judged: sql<number>`coalesce(sum(case when ${noticeReceipts.signedAt} is not null
        or (${noticeReceipts.signDeadline} < ${now} and ${records.status} <> 'cancelled') then 1 else 0 end), 0)`,
      suspectsCaught: sql<number>`coalesce(sum(${noticeReceipts.suspectsCaught}), 0)`,
      itemsRecovered: sql<number>`coalesce(sum(${noticeReceipts.itemsRecovered}), 0)`,
    })
    .from(noticeReceipts)
    .innerJoin(records, eq(records.id, noticeReceipts.recordId))
    .where(where)
    .groupBy(key)
    .all();
  return new Map(rows.map(({ key: k, ...rest }) => [k, rest]));
}

function sentCounts(where: SQL, key: SQL): Map<number | null, number> {
  const rows = getDb()
    .select({ key: sql<number | null>`${key}`, sent: sql<number>`count(*)` })
    .from(records)
    .where(where)
    .groupBy(key)
    .all();
  return new Map(rows.map((r) => [r.key, r.sent]));
}

function namesOf(dimension: NoticeFigureDimension, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const db = getDb();
  const rows =
    dimension === "county"
      ? db.select({ id: counties.id, name: counties.name }).from(counties).where(inArray(counties.id, ids)).all()
      : db.select({ id: pacts.id, name: pacts.title }).from(pacts).where(inArray(pacts.id, ids)).all();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** One group for everything (not the literal 0, which GROUP BY would read as a column number). */
const ALL = sql`(0 + 0)`;

const EMPTY: ReceiptCounts = { received: 0, inTime: 0, judged: 0, suspectsCaught: 0, itemsRecovered: 0 };

function rowOf(key: number | null, name: string | null, sent: number, c: ReceiptCounts, sign: number | null, result: number | null): NoticeFigureRow {
  return {
    key,
    name,
    sent,
    received: c.received,
    medianSignMinutes: sign,
    inTimeShare: c.judged === 0 ? null : c.inTime / c.judged,
    medianResultMinutes: result,
    suspectsCaught: c.suspectsCaught,
    itemsRecovered: c.itemsRecovered,
  };
}

/** One row per pact or county with visible notices in the range (sorted by id, internal first), plus a total. */
export function noticeFigures(
  viewer: Viewer,
  dimension: NoticeFigureDimension,
  range: YearRange,
  now = Date.now(),
): { rows: NoticeFigureRow[]; total: NoticeFigureRow } {
  const where = noticesWhere(viewer, range);
  const { sentKey, receiptKey } = keysOf(dimension);
  const sent = sentCounts(where, sentKey);
  const receipts = receiptCounts(where, receiptKey, now);
  const sign = medianMinutes(where, receiptKey, sql`${noticeReceipts.signedAt}`);
  const result = medianMinutes(where, receiptKey, sql`${noticeReceipts.resultAt}`);
  const keys = [...new Set([...sent.keys(), ...receipts.keys()])].sort((a, b) => (a ?? -1) - (b ?? -1));
  const names = namesOf(dimension, keys.flatMap((k) => (k === null ? [] : [k])));
  const rows = keys.map((k) =>
    rowOf(k, k === null ? null : (names.get(k) ?? null), sent.get(k) ?? 0, receipts.get(k) ?? EMPTY, sign.get(k) ?? null, result.get(k) ?? null),
  );
  // Every notice is sent once and every receipt belongs to one group, so counts add up.
  const all = receiptCounts(where, ALL, now).get(0) ?? EMPTY;
  const total = rowOf(
    null,
    null,
    [...sent.values()].reduce((n, v) => n + v, 0),
    all,
    medianMinutes(where, ALL, sql`${noticeReceipts.signedAt}`).get(0) ?? null,
    medianMinutes(where, ALL, sql`${noticeReceipts.resultAt}`).get(0) ?? null,
  );
  return { rows, total };
}
