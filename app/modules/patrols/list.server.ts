/**
 * The patrol list and its counts: the access policy's filter (visibleRecordsOf) inside the
 * same SQL for both, so a tab's count is exactly what the list shows under it. Newest patrol day
 * first; the teams a viewer may filter by are those of the patrols it sees.
 */
import { and, asc, desc, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import { counties, jointBodies, patrolDetails, records } from "~db/schema";
import { visibleRecordsOf } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { tallyByStatus } from "~/modules/records/status-tally";
import { PATROL_STATUSES, type PatrolStatus } from "./machine";
import type { PatrolFilters } from "./schemas";

export const PAGE_SIZE = 20;

function conditionsOf(viewer: Viewer, f: PatrolFilters, withStatus = true): SQL {
  const parts: (SQL | undefined)[] = [visibleRecordsOf(viewer, "patrol")];
  if (f.status && withStatus) parts.push(eq(records.status, f.status));
  if (f.kind) parts.push(eq(patrolDetails.kind, f.kind));
  if (f.team) parts.push(eq(patrolDetails.teamId, f.team));
  if (f.from) parts.push(gte(patrolDetails.patrolOn, f.from));
  if (f.to) parts.push(lte(patrolDetails.patrolOn, f.to));
  return and(...parts)!;
}

export interface PatrolListItem {
  id: number;
  refNo: string;
  title: string;
  status: PatrolStatus;
  kind: (typeof patrolDetails.$inferSelect)["kind"];
  patrolOn: string;
  plannedStart: string;
  plannedEnd: string;
  teamName: string;
  ownerCountyName: string;
  findings: number;
  participants: number;
}

/** One page of the patrols the viewer may see, latest patrol day first. */
export function listPatrols(viewer: Viewer, filters: PatrolFilters) {
  const db = getDb();
  const where = conditionsOf(viewer, filters);
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(records)
    .innerJoin(patrolDetails, eq(patrolDetails.recordId, records.id))
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
      kind: patrolDetails.kind,
      patrolOn: patrolDetails.patrolOn,
      plannedStart: patrolDetails.plannedStart,
      plannedEnd: patrolDetails.plannedEnd,
      teamName: jointBodies.name,
      ownerCountyName: counties.name,
      findings: sql<number>`(select count(*) from patrol_findings f where f.record_id = ${records.id})`,
      participants: sql<number>`(select count(*) from patrol_participants p where p.record_id = ${records.id})`,
    })
    .from(records)
    .innerJoin(patrolDetails, eq(patrolDetails.recordId, records.id))
    .innerJoin(jointBodies, eq(jointBodies.id, patrolDetails.teamId))
    .innerJoin(counties, eq(counties.id, records.ownerCountyId))
    .where(where)
    .orderBy(desc(patrolDetails.patrolOn), desc(patrolDetails.plannedStart), desc(records.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .all();
  const items: PatrolListItem[] = rows.map((r) => ({ ...r, status: r.status as PatrolStatus }));
  return { items, total, page, pageCount };
}

export interface PatrolCounts {
  byStatus: Record<PatrolStatus, number>;
  all: number;
}

/** Counts by status for the tabs, with the list's other conditions. */
export function patrolCounts(viewer: Viewer, filters: PatrolFilters): PatrolCounts {
  const rows = getDb()
    .select({ status: records.status, n: sql<number>`count(*)` })
    .from(records)
    .innerJoin(patrolDetails, eq(patrolDetails.recordId, records.id))
    .where(conditionsOf(viewer, filters, false))
    .groupBy(records.status)
    .all();
  return tallyByStatus(PATROL_STATUSES, rows);
}

/** The teams of the patrols the viewer sees, for the filter. */
export function teamFilterChoices(viewer: Viewer) {
  return getDb()
    .selectDistinct({ id: jointBodies.id, name: jointBodies.name })
    .from(records)
    .innerJoin(patrolDetails, eq(patrolDetails.recordId, records.id))
    .innerJoin(jointBodies, eq(jointBodies.id, patrolDetails.teamId))
    .where(visibleRecordsOf(viewer, "patrol"))
    .orderBy(asc(jointBodies.id))
    .all();
}
