/**
 * Read state: how far each user has read each record's thread, and what is new for them. Only
 * entries the viewer may read count (other counties' internal notes never do), nor their own.
 */
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { readStates, threadEntries } from "~db/schema";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { readableEntries } from "./thread.server";

/** Marks the thread read up to its newest entry the viewer can see. */
export function markThreadRead(viewer: Viewer, recordId: number): void {
  const db = getDb();
  const last = db
    .select({ id: sql<number>`max(${threadEntries.id})` })
    .from(threadEntries)
    .where(and(eq(threadEntries.recordId, recordId), readableEntries(viewer)))
    .get()?.id;
  if (!last) return;
  db.insert(readStates)
    .values({ userId: viewer.userId, recordId, lastReadEntryId: last, readAt: Date.now() })
    .onConflictDoUpdate({
      target: [readStates.userId, readStates.recordId],
      set: { lastReadEntryId: sql`max(${readStates.lastReadEntryId}, ${last})`, readAt: Date.now() },
    })
    .run();
}

/** Unread entries per record for the viewer (records with none are absent). */
export function unreadCounts(viewer: Viewer, recordIds: readonly number[]): Map<number, number> {
  if (recordIds.length === 0) return new Map();
  const rows = getDb()
    .select({ recordId: threadEntries.recordId, n: sql<number>`count(*)` })
    .from(threadEntries)
    .leftJoin(readStates, and(eq(readStates.recordId, threadEntries.recordId), eq(readStates.userId, viewer.userId)))
    .where(
      and(
        inArray(threadEntries.recordId, [...recordIds]),
        readableEntries(viewer),
        sql`${threadEntries.authorUserId} is not ${viewer.userId}`,
        gt(threadEntries.id, sql`coalesce(${readStates.lastReadEntryId}, 0)`),
      ),
    )
    .groupBy(threadEntries.recordId)
    .all();
  return new Map(rows.map((r) => [r.recordId, r.n]));
}

