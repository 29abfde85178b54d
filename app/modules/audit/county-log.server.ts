/**
 * A county's audit log as its administrators read it: the county's own entries, and the entries
 * of other counties that concern it (refused attempts on its records, files, people, regions or
 * pacts). Never another county's entry otherwise, and never what the actor's own county would
 * not know: an entry concerning another county looks, to the actor's county, like any refusal.
 */
import { and, desc, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { auditLog } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import type { RefusalFilter } from "./refusal-filters";

export interface AuditFilter {
  action?: string;
  actor?: string;
  from?: number;
  to?: number;
  refusals?: RefusalFilter;
  page?: number;
}

export const AUDIT_PAGE_SIZE = 50;

const DENIED = "access.denied";

/** What a person typed, matched literally inside a LIKE pattern (`%` and `_` are not wildcards). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function likeEscaped(column: SQLiteColumn, pattern: string): SQL {
  return sql`${column} like ${pattern} escape '\\'`;
}

/** The ids of the county's own entries (its refusals only, if asked). */
const ownIds = (countyId: number, refusalsOnly: boolean) =>
  refusalsOnly
    ? sql`select id from audit_log where county_id = ${countyId} and action = ${DENIED}`
    : sql`select id from audit_log where county_id = ${countyId}`;
/** The ids of other counties' entries that concern the county. */
const concernIds = (countyId: number) => sql`select audit_id from audit_concerns where county_id = ${countyId}`;
/** The action tested row by row (`+` keeps SQLite from walking the whole log by the action index). */
const isRefusal = sql`+${auditLog.action} = ${DENIED}`;

/**
 * Which of the county's entries: its own, those concerning it, or both. Each half is read from
 * its own index (audit_county_action_idx, audit_concerns), whatever the size of the whole log.
 */
function scopeOf(countyId: number, refusals?: RefusalFilter): SQL {
  if (refusals === "own") return and(eq(auditLog.countyId, countyId), eq(auditLog.action, DENIED))!;
  if (refusals === "others") return and(sql`${auditLog.id} in (${concernIds(countyId)})`, isRefusal)!;
  const both = sql`${auditLog.id} in (${ownIds(countyId, refusals === "all")} union all ${concernIds(countyId)})`;
  return refusals === "all" ? and(both, isRefusal)! : both;
}

/** A county's entries and those concerning it, newest first, filtered; never another county's otherwise. */
export function listCountyAudit(countyId: number, filter: AuditFilter) {
  const db = getDb();
  const conditions: SQL[] = [scopeOf(countyId, filter.refusals)];
  if (filter.action) conditions.push(likeEscaped(auditLog.action, `${escapeLike(filter.action)}%`));
  if (filter.actor) {
    const pattern = `%${escapeLike(filter.actor)}%`;
    conditions.push(or(likeEscaped(auditLog.actorName, pattern), likeEscaped(auditLog.entityId, pattern))!);
  }
  if (filter.from != null) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to != null) conditions.push(lt(auditLog.at, filter.to));
  const where = and(...conditions);
  const page = Math.max(1, filter.page ?? 1);
  const rows = db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all();
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(auditLog)
    .where(where)
    .get()!.n;
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

/** The distinct actions the county sees, for the filter's choices (each half read from its index). */
export function countyAuditActions(countyId: number): string[] {
  return getDb()
    .all<{ action: string }>(sql`select action from audit_log where county_id = ${countyId}
      union select a.action from audit_concerns ac join audit_log a on a.id = ac.audit_id where ac.county_id = ${countyId}
      order by action`)
    .map((r) => r.action);
}
