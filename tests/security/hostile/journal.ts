/**
 * A journal of every row written while a hostile request runs: temporary triggers (they live on
 * the test's own connection, never in the schema) note each insert, update and delete on every
 * table. Cheaper than comparing whole tables, and it also catches an update that leaves the row
 * count alone. Writes to the full-text index happen through triggers on `records` and
 * `thread_entries`, so they show up as writes to those tables.
 */
import { getDb } from "~/modules/db/connection.server";

/** Sign-in bookkeeping: a request may touch it whatever it asks for. */
export const BOOKKEEPING = new Set(["sessions", "login_failures", "login_locks"]);

export interface Write {
  table: string;
  op: "insert" | "update" | "delete";
  /** For audit_log inserts: the entry's action (`access.denied` for the policy's denials). */
  action: string | null;
}

let installed = false;

function sqlite() {
  return getDb().$client;
}

export function installJournal(): void {
  if (installed) return;
  const db = sqlite();
  db.exec("create temp table if not exists hostile_writes (tbl text not null, op text not null, action text)");
  const tables = db
    .prepare("select name from main.sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and sql not like 'CREATE VIRTUAL%'")
    .all() as { name: string }[];
  for (const { name } of tables) {
    if (name.startsWith("search_index")) continue;
    for (const op of ["insert", "update", "delete"] as const) {
      const action = name === "audit_log" && op === "insert" ? "NEW.action" : "NULL";
      db.exec(
        `create temp trigger if not exists hostile_${name}_${op} after ${op} on main.${name} ` +
          `begin insert into temp.hostile_writes (tbl, op, action) values ('${name}', '${op}', ${action}); end`,
      );
    }
  }
  installed = true;
}

export function clearJournal(): void {
  sqlite().exec("delete from temp.hostile_writes");
}

export function journal(): Write[] {
  return (sqlite().prepare("select tbl, op, action from temp.hostile_writes").all() as { tbl: string; op: Write["op"]; action: string | null }[]).map(
    (r) => ({ table: r.tbl, op: r.op, action: r.action }),
  );
}

/**
 * Refusals the audit log notes on purpose: the policy's denials (`denial()` in the access policy)
 * and failed or refused sign-ins.
 */
export const AUDITED_REFUSALS = new Set(["access.denied", "auth.sign_in_failed", "auth.sign_in_refused"]);

/** The counties an audit entry concerns (e.g. those holding what a refusal aimed at) belong to the entry. */
const isAuditConcern = (w: Write) => w.table === "audit_concerns" && w.op === "insert";

/** Writes a refused request must not have made: all but bookkeeping and the audited refusals. */
export function forbiddenWrites(writes: Write[]): Write[] {
  return writes.filter(
    (w) => !BOOKKEEPING.has(w.table) && !isAuditConcern(w) && !(w.table === "audit_log" && w.op === "insert" && AUDITED_REFUSALS.has(w.action ?? "")),
  );
}

/** Tables whose rows a write changed, bookkeeping and the audit log aside. */
export function domainWrites(writes: Write[]): Write[] {
  return writes.filter((w) => !BOOKKEEPING.has(w.table) && w.table !== "audit_log" && !isAuditConcern(w) && w.table !== "read_states");
}

export function auditedActions(writes: Write[]): string[] {
  return writes.filter((w) => w.table === "audit_log" && w.op === "insert" && !AUDITED_REFUSALS.has(w.action ?? "")).map((w) => w.action ?? "");
}

export function integrityOk(): boolean {
  const rows = sqlite().prepare("pragma integrity_check").all() as { integrity_check: string }[];
  return rows.length === 1 && rows[0].integrity_check === "ok";
}
