/**
 * The hazard list and its counts. Both put the access policy's filter (visibleRecordsOf)
 * inside the same SQL conditions, so the count shown on a status tab is exactly the number of
 * hazards the list shows under that tab.
 */
import { tallyByStatus } from "~/modules/records/status-tally";
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { counties, hazardDetails, pacts, records, regions } from "~db/schema";
import { visibleRecordsOf } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { pactChoicesFor } from "~/modules/records/create.server";
import { endOfChinaDay, startOfChinaDay } from "./deadlines";
import { HAZARD_OPEN_STATUSES, HAZARD_STATUSES, type HazardStatus } from "./machine";
import type { HazardFilters } from "./schemas";

export const PAGE_SIZE = 20;

/** SQL: an open hazard whose deadline has passed. */
export function overdueCondition(now: number): SQL {
  return and(inArray(records.status, HAZARD_OPEN_STATUSES), sql`${records.dueAt} is not null`, lt(records.dueAt, now))!;
}

/** What a person typed, matched literally inside LIKE. */
function contains(column: AnyColumn, text: string): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`${column} like ${pattern} escape '\\'`;
}

type Part = "status" | "overdue";

/** The WHERE conditions of a filter, optionally without the status or overdue part. */
function conditionsOf(viewer: Viewer, f: HazardFilters, now: number, without: Part[] = []): SQL {
  const parts: (SQL | undefined)[] = [visibleRecordsOf(viewer, "hazard")];
  if (f.status && !without.includes("status")) parts.push(eq(records.status, f.status));
  if (f.overdue && !without.includes("overdue")) parts.push(overdueCondition(now));
  if (f.category) parts.push(eq(hazardDetails.category, f.category));
  if (f.severity) parts.push(eq(hazardDetails.severity, f.severity));
  if (f.county) parts.push(eq(records.ownerCountyId, f.county));
  if (f.pact === "none") parts.push(isNull(records.pactId));
  else if (f.pact) parts.push(eq(records.pactId, f.pact));
  if (f.mine) parts.push(eq(records.createdBy, viewer.userId));
  if (f.from) parts.push(gte(records.createdAt, startOfChinaDay(f.from)));
  if (f.to) parts.push(lte(records.createdAt, endOfChinaDay(f.to)));
  if (f.q) {
    parts.push(
      sql`(${contains(records.refNo, f.q)} or ${contains(records.title, f.q)} or ${contains(records.placeText, f.q)} or ${contains(records.description, f.q)})`,
    );
  }
  return and(...parts)!;
}

export interface HazardListItem {
  id: number;
  refNo: string;
  title: string;
  status: HazardStatus;
  dueAt: number | null;
  overdue: boolean;
  createdAt: number;
  updatedAt: number;
  ownerCountyId: number;
  ownerCountyName: string;
  pactId: number | null;
  pactTitle: string | null;
  regionName: string | null;
  placeText: string;
  category: (typeof hazardDetails.$inferSelect)["category"];
  severity: (typeof hazardDetails.$inferSelect)["severity"];
  source: (typeof hazardDetails.$inferSelect)["source"];
  sweepId: number | null;
}

/** One page of the hazards the viewer may see that match the filters, newest first. */
export function listHazards(viewer: Viewer, filters: HazardFilters, now = Date.now()) {
  const db = getDb();
  const where = conditionsOf(viewer, filters, now);
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(records)
    .innerJoin(hazardDetails, eq(hazardDetails.recordId, records.id))
    .where(where)
    .get()!.n;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filters.page ?? 1, pageCount);
  const rows = db
    .select({
      id: records.id,
      refNo: records.refNo,
      title: records.title,
      status: records.status,
      dueAt: records.dueAt,
      createdAt: records.createdAt,
      updatedAt: records.updatedAt,
      ownerCountyId: records.ownerCountyId,
      ownerCountyName: counties.name,
      pactId: records.pactId,
      pactTitle: pacts.title,
      regionName: regions.name,
      placeText: records.placeText,
      category: hazardDetails.category,
      severity: hazardDetails.severity,
      source: hazardDetails.source,
      sweepId: hazardDetails.sweepId,
      overdue: sql<number>`${overdueCondition(now)}`,
    })
    .from(records)
    .innerJoin(hazardDetails, eq(hazardDetails.recordId, records.id))
    .innerJoin(counties, eq(counties.id, records.ownerCountyId))
    .leftJoin(pacts, eq(pacts.id, records.pactId))
    .leftJoin(regions, eq(regions.id, records.regionId))
    .where(where)
    .orderBy(desc(records.createdAt), desc(records.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .all();
  const items: HazardListItem[] = rows.map((r) => ({ ...r, status: r.status as HazardStatus, overdue: r.overdue === 1 }));
  return { items, total, page, pageCount };
}

export interface HazardCounts {
  /** Hazards per status under every filter but the status. */
  byStatus: Record<HazardStatus, number>;
  /** All statuses together (the "全部" tab). */
  all: number;
  /** Overdue hazards under every filter but status and overdue. */
  overdue: number;
}

/** Counts by status for the tabs, with the same conditions as the list. */
export function hazardCounts(viewer: Viewer, filters: HazardFilters, now = Date.now()): HazardCounts {
  const db = getDb();
  const rows = db
    .select({ status: records.status, n: sql<number>`count(*)` })
    .from(records)
    .innerJoin(hazardDetails, eq(hazardDetails.recordId, records.id))
    .where(conditionsOf(viewer, filters, now, ["status"]))
    .groupBy(records.status)
    .all();
  const { byStatus, all } = tallyByStatus(HAZARD_STATUSES, rows);
  const overdue = db
    .select({ n: sql<number>`count(*)` })
    .from(records)
    .innerJoin(hazardDetails, eq(hazardDetails.recordId, records.id))
    .where(and(conditionsOf(viewer, filters, now, ["status", "overdue"]), overdueCondition(now)))
    .get()!.n;
  return { byStatus, all, overdue };
}

/** The choices of the list's county and pact filters: the viewer's county and its hazard partners. */
export function hazardFilterChoices(viewer: Viewer) {
  const pactChoices = pactChoicesFor(viewer, "hazard");
  const ids = [viewer.countyId, ...new Set(pactChoices.flatMap((p) => p.partners.map((c) => c.countyId)))];
  const countyRows = getDb()
    .select({ id: counties.id, name: counties.name })
    .from(counties)
    .where(inArray(counties.id, ids))
    .orderBy(asc(counties.code))
    .all();
  return {
    counties: countyRows,
    pacts: pactChoices.map((p) => ({ id: p.id, title: p.title })),
  };
}
