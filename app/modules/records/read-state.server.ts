/**
 * Read state: how far each user has read each record's thread, and what is new for them. Only
 * entries the viewer may read count (other counties' internal notes never do), nor their own.
 * `unreadEntryFilter` is that rule in SQL; the inbox and the menu badge use it too.
 */
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { readStates, threadEntries } from "~db/schema";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { readableEntries } from "./thread.server";

/**
 * SQL on `thread_entries`: an entry of the record `recordId` (a column or value) that the viewer
 * has not read — readable by their county, not written by them, newer than their read mark, and
 * written after their account was made (a newcomer does not inherit years of "unread" history).
 */
export function unreadEntryFilter(viewer: Pick<Viewer, "userId" | "countyId">, recordId: SQLiteColumn | SQL | number): SQL {
  return sql`(${threadEntries.recordId} = ${recordId}
    and ${readableEntries(viewer)}
    and ${threadEntries.authorUserId} is not ${viewer.userId}
    and ${threadEntries.createdAt} >= (select u.created_at from users u where u.id = ${viewer.userId})
    and ${threadEntries.id} > coalesce((select rs.last_read_entry_id from read_states rs
      where rs.user_id = ${viewer.userId} and rs.record_id = ${recordId}), 0))`;
}

/**
 * Marks the thread read up to its newest entry the viewer can see. Call it from a record page's
 * loader after the record passed the access policy.
 */
export function markThreadRead(viewer: Viewer, recordId: number): void {
  const db = getDb();
  const last = db
    .select({ id: sql<number>`max(${threadEntries.id})` })
    .from(threadEntries)
    .where(and(eq(threadEntries.recordId, recordId), readableEntries(viewer)))
    .get()?.id;
  if (!last) return;
  // Written only when the mark advances, so viewing a thread read before writes nothing and
  // `readAt` is when the viewer last read something new (the menu badge relies on both).
  db.insert(readStates)
    .values({ userId: viewer.userId, recordId, lastReadEntryId: last, readAt: Date.now() })
    .onConflictDoUpdate({
      target: [readStates.userId, readStates.recordId],
      set: { lastReadEntryId: last, readAt: Date.now() },
      setWhere: sql`${readStates.lastReadEntryId} < ${last}`,
    })
    .run();
}

/** Unread entries per record for the viewer (records with none are absent). */
export function unreadCounts(viewer: Viewer, recordIds: readonly number[]): Map<number, number> {
  if (recordIds.length === 0) return new Map();
  const rows = getDb()
    .select({ recordId: threadEntries.recordId, n: sql<number>`count(*)` })
    .from(threadEntries)
    .where(and(inArray(threadEntries.recordId, [...recordIds]), unreadEntryFilter(viewer, threadEntries.recordId)))
    .groupBy(threadEntries.recordId)
    .all();
  return new Map(rows.map((r) => [r.recordId, r.n]));
}
