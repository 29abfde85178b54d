import { createHash } from "node:crypto";
import { and, asc, desc, eq, gt, gte, lt, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { auditLog } from "~db/schema";
import { getDb, type Tx } from "~/modules/db/connection.server";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditActor {
  userId: string | null;
  name: string;
  countyId: number | null;
  ip?: string | null;
}

export interface AuditEntryInput {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

type AuditRow = typeof auditLog.$inferSelect;

function serialise(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** The hash of an entry: its content chained to the hash of the entry before it. */
export function entryHash(row: Omit<AuditRow, "id" | "hash">): string {
  const content = JSON.stringify([
    row.at,
    row.actorUserId,
    row.actorName,
    row.countyId,
    row.action,
    row.entityType,
    row.entityId,
    row.before,
    row.after,
    row.ip,
  ]);
  return createHash("sha256").update(row.prevHash).update("|").update(content).digest("hex");
}

/**
 * Appends one entry. Call it inside the same write transaction as the change it records; the
 * transaction's write lock also keeps the hash chain in order.
 */
export function appendAudit(tx: Tx, actor: AuditActor, entry: AuditEntryInput): void {
  const last = tx
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(1)
    .get();
  const row = {
    at: Date.now(),
    actorUserId: actor.userId,
    actorName: actor.name,
    countyId: actor.countyId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: serialise(entry.before),
    after: serialise(entry.after),
    ip: actor.ip ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  tx.insert(auditLog).values({ ...row, hash: entryHash(row) }).run();
}

/** Appends an entry in a transaction of its own (sign-in events, denials). */
export function recordAuditEvent(actor: AuditActor, entry: AuditEntryInput): void {
  const db = getDb();
  db.transaction((tx) => appendAudit(tx, actor, entry), { behavior: "immediate" });
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  /** The id of the first entry whose hash or link does not match. */
  brokenAt?: number;
}

/** Walks the whole chain and reports the first entry that was altered or whose predecessor went missing. */
export function verifyAuditChain(tx: Tx = getDb()): ChainCheck {
  let prev = GENESIS_HASH;
  let checked = 0;
  let after = 0;
  for (;;) {
    // In pages, so a long log is checked in bounded memory.
    const rows = tx
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, after))
      .orderBy(asc(auditLog.id))
      .limit(2000)
      .all();
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      const { id, hash, ...rest } = row;
      if (row.prevHash !== prev || entryHash(rest) !== hash) {
        return { ok: false, checked, brokenAt: id };
      }
      prev = hash;
      checked++;
      after = id;
    }
  }
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  from?: number;
  to?: number;
  page?: number;
}

export const AUDIT_PAGE_SIZE = 50;

/** What a person typed, matched literally inside a LIKE pattern (`%` and `_` are not wildcards). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function likeEscaped(column: SQLiteColumn, pattern: string): SQL {
  return sql`${column} like ${pattern} escape '\\'`;
}

/** A county's own entries, newest first, filtered; never another county's. */
export function listCountyAudit(countyId: number, filter: AuditFilter) {
  const db = getDb();
  const conditions: SQL[] = [eq(auditLog.countyId, countyId)];
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

/** The distinct actions recorded for a county, for the filter's choices. */
export function countyAuditActions(countyId: number): string[] {
  return getDb()
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.countyId, countyId))
    .orderBy(asc(auditLog.action))
    .all()
    .map((r) => r.action);
}
