/**
 * The project list and its counts: the access policy's filter (visibleRecordsOf) inside the
 * same SQL for both, so a tab's count is exactly what the list shows under it. Overdue projects
 * (active, with an undone milestone past its day: due_at has passed) come first.
 */
import { and, desc, eq, ne, sql, type SQL } from "drizzle-orm";
import { counties, projectDetails, records } from "~db/schema";
import { visibleRecordsOf } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { tallyByStatus } from "~/modules/records/status-tally";
import { PROJECT_STATUSES, type ProjectStatus } from "./machine";
import type { ProjectFilters } from "./schemas";
import type { ProjectField } from "./vocabulary";

export const PAGE_SIZE = 20;

/** SQL: the project is active and its earliest undone milestone's day has ended. */
export function projectOverdueCondition(now: number): SQL {
  return sql`(${records.status} = 'active' and ${records.dueAt} is not null and ${records.dueAt} < ${now})`;
}

type Part = "status" | "overdue";

function conditionsOf(viewer: Viewer, f: ProjectFilters, now: number, without: Part[] = []): SQL {
  const parts: (SQL | undefined)[] = [visibleRecordsOf(viewer, "project")];
  if (f.status && !without.includes("status")) parts.push(eq(records.status, f.status));
  if (f.overdue && !without.includes("overdue")) parts.push(projectOverdueCondition(now));
  if (f.field) parts.push(eq(projectDetails.field, f.field));
  if (f.side === "lead") parts.push(eq(records.ownerCountyId, viewer.countyId));
  if (f.side === "partner") parts.push(ne(records.ownerCountyId, viewer.countyId));
  return and(...parts)!;
}

export interface ProjectListItem {
  id: number;
  refNo: string;
  title: string;
  status: ProjectStatus;
  field: ProjectField;
  startsOn: string | null;
  endsOn: string | null;
  leadCountyName: string;
  partnerNames: string;
  isLead: boolean;
  overdue: boolean;
  milestones: number;
  done: number;
  /** The earliest undone milestone's day, if any. */
  nextDueOn: string | null;
  createdAt: number;
}

/** One page of the projects the viewer may see, overdue first, then newest. */
export function listProjects(viewer: Viewer, filters: ProjectFilters, now = Date.now()) {
  const db = getDb();
  const where = conditionsOf(viewer, filters, now);
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(records)
    .innerJoin(projectDetails, eq(projectDetails.recordId, records.id))
    .where(where)
    .get()!.n;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filters.page ?? 1, pageCount);
  const overdue = sql<number>`(case when ${projectOverdueCondition(now)} then 1 else 0 end)`;
  const rows = db
    .select({
      id: records.id,
      refNo: records.refNo,
      title: records.title,
      status: records.status,
      field: projectDetails.field,
      startsOn: projectDetails.startsOn,
      endsOn: projectDetails.endsOn,
      ownerCountyId: records.ownerCountyId,
      leadCountyName: counties.name,
      partnerNames: sql<string>`coalesce((select group_concat(c.name, '、') from record_addressees ra
        join counties c on c.id = ra.county_id where ra.record_id = ${records.id}), '')`,
      overdue,
      milestones: sql<number>`(select count(*) from project_milestones m where m.record_id = ${records.id})`,
      done: sql<number>`(select count(*) from project_milestones m where m.record_id = ${records.id} and m.done_on is not null)`,
      nextDueOn: sql<string | null>`(select min(m.due_on) from project_milestones m where m.record_id = ${records.id} and m.done_on is null)`,
      createdAt: records.createdAt,
    })
    .from(records)
    .innerJoin(projectDetails, eq(projectDetails.recordId, records.id))
    .innerJoin(counties, eq(counties.id, records.ownerCountyId))
    .where(where)
    .orderBy(desc(overdue), desc(records.createdAt), desc(records.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .all();
  const items: ProjectListItem[] = rows.map(({ ownerCountyId, ...r }) => ({
    ...r,
    status: r.status as ProjectStatus,
    overdue: r.overdue === 1,
    isLead: ownerCountyId === viewer.countyId,
  }));
  return { items, total, page, pageCount };
}

export interface ProjectCounts {
  byStatus: Record<ProjectStatus, number>;
  all: number;
  overdue: number;
}

/** Counts by status for the tabs, with the list's other conditions. */
export function projectCounts(viewer: Viewer, filters: ProjectFilters, now = Date.now()): ProjectCounts {
  const db = getDb();
  const rows = db
    .select({ status: records.status, n: sql<number>`count(*)` })
    .from(records)
    .innerJoin(projectDetails, eq(projectDetails.recordId, records.id))
    .where(conditionsOf(viewer, filters, now, ["status", "overdue"]))
    .groupBy(records.status)
    .all();
  const { byStatus, all } = tallyByStatus(PROJECT_STATUSES, rows);
  const overdue = db
    .select({ n: sql<number>`count(*)` })
    .from(records)
    .innerJoin(projectDetails, eq(projectDetails.recordId, records.id))
    .where(and(conditionsOf(viewer, filters, now, ["status", "overdue"]), projectOverdueCondition(now)))
    .get()!.n;
  return { byStatus, all, overdue };
}
