/**
 * The notice list and its counts: the access policy's filter (visibleRecordsOf) inside the
 * same SQL for both, so a tab's count is exactly what the list shows under it. Overdue notices
 * (a receipt nobody signed past its deadline, notice still open) come first.
 */
import { tallyByStatus } from "~/modules/records/status-tally";
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { counties, noticeDetails, records } from "~db/schema";
import { visibleRecordsOf } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { NOTICE_STATUSES, type NoticeStatus } from "./machine";
import type { NoticeFilters } from "./schemas";

export const PAGE_SIZE = 20;
const OPEN: NoticeStatus[] = ["sent", "in_progress"];

/** SQL: the notice is open and some addressed county has not signed past its deadline. */
export function noticeOverdueCondition(now: number, countyId?: number): SQL {
  const county = countyId === undefined ? sql`` : sql` and r.county_id = ${countyId}`;
  return and(
    inArray(records.status, OPEN),
    sql`exists (select 1 from notice_receipts r where r.record_id = ${records.id} and r.signed_at is null
      and r.sign_deadline < ${now}${county})`,
  )!;
}

type Part = "status" | "overdue";

function conditionsOf(viewer: Viewer, f: NoticeFilters, now: number, without: Part[] = []): SQL {
  const parts: (SQL | undefined)[] = [visibleRecordsOf(viewer, "notice")];
  if (f.status && !without.includes("status")) parts.push(eq(records.status, f.status));
  if (f.overdue && !without.includes("overdue")) parts.push(noticeOverdueCondition(now));
  if (f.kind) parts.push(eq(noticeDetails.kind, f.kind));
  if (f.urgency) parts.push(eq(noticeDetails.urgency, f.urgency));
  if (f.direction === "sent") parts.push(eq(records.ownerCountyId, viewer.countyId));
  if (f.direction === "received") {
    parts.push(sql`exists (select 1 from notice_receipts r where r.record_id = ${records.id} and r.county_id = ${viewer.countyId})`);
  }
  return and(...parts)!;
}

export interface NoticeListItem {
  id: number;
  refNo: string;
  title: string;
  status: NoticeStatus;
  kind: (typeof noticeDetails.$inferSelect)["kind"];
  urgency: (typeof noticeDetails.$inferSelect)["urgency"];
  policeOnly: boolean;
  incidentAt: number;
  createdAt: number;
  dueAt: number | null;
  ownerCountyName: string;
  isSender: boolean;
  overdue: boolean;
  signed: number;
  addressed: number;
}

/** One page of the notices the viewer may see, overdue first, then newest. */
export function listNotices(viewer: Viewer, filters: NoticeFilters, now = Date.now()) {
  const db = getDb();
  const where = conditionsOf(viewer, filters, now);
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(records)
    .innerJoin(noticeDetails, eq(noticeDetails.recordId, records.id))
    .where(where)
    .get()!.n;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filters.page ?? 1, pageCount);
  const overdue = sql<number>`(case when ${noticeOverdueCondition(now)} then 1 else 0 end)`;
  const rows = db
    .select({
      id: records.id,
      refNo: records.refNo,
      title: records.title,
      status: records.status,
      kind: noticeDetails.kind,
      urgency: noticeDetails.urgency,
      policeOnly: records.policeOnly,
      incidentAt: noticeDetails.incidentAt,
      createdAt: records.createdAt,
      dueAt: records.dueAt,
      ownerCountyId: records.ownerCountyId,
      ownerCountyName: counties.name,
      overdue,
      signed: sql<number>`(select count(*) from notice_receipts r where r.record_id = ${records.id} and r.signed_at is not null)`,
      addressed: sql<number>`(select count(*) from notice_receipts r where r.record_id = ${records.id})`,
    })
    .from(records)
    .innerJoin(noticeDetails, eq(noticeDetails.recordId, records.id))
    .innerJoin(counties, eq(counties.id, records.ownerCountyId))
    .where(where)
    .orderBy(desc(overdue), desc(records.createdAt), desc(records.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .all();
  const items: NoticeListItem[] = rows.map(({ ownerCountyId, ...r }) => ({
    ...r,
    status: r.status as NoticeStatus,
    overdue: r.overdue === 1,
    isSender: ownerCountyId === viewer.countyId,
  }));
  return { items, total, page, pageCount };
}

export interface NoticeCounts {
  byStatus: Record<NoticeStatus, number>;
  all: number;
  overdue: number;
}

/** Counts by status for the tabs, with the list's conditions. */
export function noticeCounts(viewer: Viewer, filters: NoticeFilters, now = Date.now()): NoticeCounts {
  const db = getDb();
  const rows = db
    .select({ status: records.status, n: sql<number>`count(*)` })
    .from(records)
    .innerJoin(noticeDetails, eq(noticeDetails.recordId, records.id))
    .where(conditionsOf(viewer, filters, now, ["status"]))
    .groupBy(records.status)
    .all();
  const { byStatus, all } = tallyByStatus(NOTICE_STATUSES, rows);
  const overdue = db
    .select({ n: sql<number>`count(*)` })
    .from(records)
    .innerJoin(noticeDetails, eq(noticeDetails.recordId, records.id))
    .where(and(conditionsOf(viewer, filters, now, ["status", "overdue"]), noticeOverdueCondition(now)))
    .get()!.n;
  return { byStatus, all, overdue };
}
