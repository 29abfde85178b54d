/**
 * The one thread of a record. Messages are seen by every county the record is shared with;
 * internal notes only by the author's county; events record what happened to the record.
 * Callers reach a thread only through a record the access policy let them see.
 */
import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { attachments, counties, threadEntries, users } from "~db/schema";
import { can, type Role } from "~/modules/access/capabilities";
import { assertCan, type RecordRow } from "~/modules/access/policy.server";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, writeTransaction, type Tx } from "~/modules/db/connection.server";
import { actorOf } from "~/modules/tenancy/users.server";

export type EntryKind = "message" | "internal" | "event";

/** SQL: thread entries the viewer's county may read (everything but other counties' notes). */
export function readableEntries(viewer: Pick<Viewer, "countyId">) {
  return or(ne(threadEntries.kind, "internal"), eq(threadEntries.authorCountyId, viewer.countyId))!;
}

export interface ThreadEvent {
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  payload?: unknown;
  body?: string;
}

/** Appends a system event (status change, link, …) in the caller's transaction. */
export function appendThreadEvent(tx: Tx, viewer: Viewer, recordId: number, event: ThreadEvent): number {
  return tx
    .insert(threadEntries)
    .values({
      recordId,
      kind: "event",
      authorUserId: viewer.userId,
      authorCountyId: viewer.countyId,
      authorRoles: JSON.stringify(viewer.roles),
      body: event.body ?? "",
      eventAction: event.action,
      fromStatus: event.fromStatus ?? null,
      toStatus: event.toStatus ?? null,
      payload: event.payload === undefined ? null : JSON.stringify(event.payload),
      createdAt: Date.now(),
    })
    .returning({ id: threadEntries.id })
    .get().id;
}

export interface ThreadAttachment {
  id: number;
  fileName: string;
  mimeType: string;
  size: number;
}

export interface ThreadEntryView {
  id: number;
  kind: EntryKind;
  body: string;
  authorName: string | null;
  authorCountyName: string;
  authorCountyId: number;
  authorRoles: Role[];
  isOwnCounty: boolean;
  eventAction: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  payload: Record<string, unknown> | null;
  createdAt: number;
  attachments: ThreadAttachment[];
}

/** The thread of a record the viewer may see, oldest first, without other counties' notes. */
export function listThread(viewer: Viewer, record: RecordRow): ThreadEntryView[] {
  const db = getDb();
  const rows = db
    .select({
      entry: threadEntries,
      authorName: users.displayName,
      countyName: counties.name,
    })
    .from(threadEntries)
    .leftJoin(users, eq(users.id, threadEntries.authorUserId))
    .innerJoin(counties, eq(counties.id, threadEntries.authorCountyId))
    .where(and(eq(threadEntries.recordId, record.id), readableEntries(viewer)))
    .orderBy(asc(threadEntries.id))
    .all();
  const files = rows.length
    ? db
        .select({ id: attachments.id, entryId: attachments.entryId, fileName: attachments.fileName, mimeType: attachments.mimeType, size: attachments.size })
        .from(attachments)
        .where(inArray(attachments.entryId, rows.map((r) => r.entry.id)))
        .orderBy(asc(attachments.id))
        .all()
    : [];
  return rows.map(({ entry, authorName, countyName }) => ({
    id: entry.id,
    kind: entry.kind,
    body: entry.body,
    authorName,
    authorCountyName: countyName,
    authorCountyId: entry.authorCountyId,
    authorRoles: JSON.parse(entry.authorRoles) as Role[],
    isOwnCounty: entry.authorCountyId === viewer.countyId,
    eventAction: entry.eventAction,
    fromStatus: entry.fromStatus,
    toStatus: entry.toStatus,
    payload: entry.payload ? (JSON.parse(entry.payload) as Record<string, unknown>) : null,
    createdAt: entry.createdAt,
    attachments: files.filter((f) => f.entryId === entry.id).map(({ entryId: _e, ...f }) => f),
  }));
}

/** What the viewer may write in a record's thread. */
export function threadPermissions(viewer: Viewer, record: RecordRow) {
  const comment = can(viewer.roles, record.workflow, "comment");
  return { message: comment, internal: comment };
}

export interface NewThreadEntry {
  body: string;
  internal: boolean;
}

/**
 * Writes a message or an internal note (and, through `withinTransaction`, anything that must
 * land with it, such as its attachments), audited in the same transaction. Whatever the callback
 * returns (e.g. the files it stored) is added to the audit entry.
 */
export function postThreadEntry(
  viewer: Viewer,
  record: RecordRow,
  entry: NewThreadEntry,
  withinTransaction?: (tx: Tx, entryId: number) => void | Record<string, unknown>,
): number {
  assertCan(viewer, record.workflow, "comment");
  const kind: EntryKind = entry.internal ? "internal" : "message";
  return writeTransaction((tx) => {
    const id = tx
      .insert(threadEntries)
      .values({
        recordId: record.id,
        kind,
        authorUserId: viewer.userId,
        authorCountyId: viewer.countyId,
        authorRoles: JSON.stringify(viewer.roles),
        body: entry.body,
        createdAt: Date.now(),
      })
      .returning({ id: threadEntries.id })
      .get().id;
    const extra = withinTransaction?.(tx, id) ?? {};
    tx.run(sql`update records set updated_at = ${Date.now()} where id = ${record.id}`);
    appendAudit(tx, actorOf(viewer), {
      action: entry.internal ? "thread.internal_note" : "thread.message",
      entityType: record.workflow,
      entityId: record.id,
      after: { entryId: id, body: entry.body, ...extra },
    });
    return id;
  });
}
