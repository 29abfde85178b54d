import { createHash } from "node:crypto";
import { and, asc, between, desc, gt } from "drizzle-orm";
import { auditConcerns, auditLog } from "~db/schema";
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
  /**
   * Other counties the entry concerns (e.g. the holders of what a refused access aimed at): it
   * appears in their logs too. Never shown to the actor's county.
   */
  concerns?: readonly number[];
}

type AuditRow = typeof auditLog.$inferSelect;

function serialise(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/**
 * The hash of an entry: its content chained to the hash of the entry before it. The counties an
 * entry concerns count only when there are any, so entries written before they existed keep
 * their hashes.
 */
export function entryHash(row: Omit<AuditRow, "id" | "hash">): string {
  const fields: unknown[] = [
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
  ];
  if (row.concerns != null) fields.push(row.concerns);
  const content = JSON.stringify(fields);
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
    concerns: concernsOf(actor, entry),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const { id } = tx.insert(auditLog).values({ ...row, hash: entryHash(row) }).returning({ id: auditLog.id }).get();
  for (const countyId of row.concerns ? (JSON.parse(row.concerns) as number[]) : []) {
    tx.insert(auditConcerns).values({ countyId, auditId: id }).run();
  }
}

/** The other counties an entry concerns, sorted, as stored (null when none). */
function concernsOf(actor: AuditActor, entry: AuditEntryInput): string | null {
  const ids = [...new Set(entry.concerns ?? [])].filter((id) => Number.isSafeInteger(id) && id !== actor.countyId).sort((a, b) => a - b);
  return ids.length > 0 ? JSON.stringify(ids) : null;
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

/** The counties each entry from `first` to `last` is indexed under, as stored in the entry. */
function concernsIndexed(tx: Tx, first: number, last: number): Map<number, string> {
  const byEntry = new Map<number, number[]>();
  for (const row of tx.select().from(auditConcerns).where(between(auditConcerns.auditId, first, last)).all()) {
    byEntry.set(row.auditId, [...(byEntry.get(row.auditId) ?? []), row.countyId]);
  }
  return new Map([...byEntry].map(([id, counties]) => [id, JSON.stringify(counties.sort((a, b) => a - b))]));
}

/**
 * Walks the whole chain and reports the first entry that was altered, whose predecessor went
 * missing, or whose counties in audit_concerns differ from those it records.
 */
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
    const indexed = concernsIndexed(tx, rows[0].id, rows[rows.length - 1].id);
    for (const row of rows) {
      const { id, hash, ...rest } = row;
      if (row.prevHash !== prev || entryHash(rest) !== hash || (indexed.get(id) ?? null) !== row.concerns) {
        return { ok: false, checked, brokenAt: id };
      }
      prev = hash;
      checked++;
      after = id;
    }
  }
}
