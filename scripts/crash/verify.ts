/**
 * What must hold in the database after the crash scenario, read straight from the SQLite file:
 * every acknowledged write is there exactly once, no record or message is half-written, every
 * attachment row has its stored file, the audit chain verifies, and SQLite finds the file sound.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "../../db/schema";
import { verifyAuditChain } from "../../app/modules/audit/log.server";
import type { Db } from "../../app/modules/db/connection.server";
import type { Ledger, MessageWrite } from "./clients";

export interface CrashVerdict {
  /** Acknowledged writes not found (must be none). */
  lost: string[];
  /** Records or messages missing a part written in the same transaction (must be none). */
  halfWritten: string[];
  /** Writes cut off by a kill that turned out to be committed. */
  inDoubtLanded: number;
  integrity: string;
  foreignKeyProblems: number;
  auditChain: { ok: boolean; checked: number; brokenAt?: number };
}

function sha256File(file: string): string | null {
  return fs.existsSync(file) ? createHash("sha256").update(fs.readFileSync(file)).digest("hex") : null;
}

/** Structural checks over every hazard, message and attachment in the file, plus the ledger. */
export function verifyCrashRun(databasePath: string, ledger: Ledger, tag: string): CrashVerdict {
  const sqlite = new Database(databasePath, { fileMustExist: true });
  try {
    const one = <T>(sql: string, ...args: unknown[]) => sqlite.prepare(sql).get(...args) as T;
    const all = <T>(sql: string, ...args: unknown[]) => sqlite.prepare(sql).all(...args) as T[];
    const integrity = (sqlite.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
    const foreignKeyProblems = (sqlite.pragma("foreign_key_check") as unknown[]).length;
    const auditChain = verifyAuditChain(drizzle(sqlite, { schema }) as unknown as Db);
    const lost: string[] = [];
    const halfWritten: string[] = [];

    // Every hazard record, not only this run's: details, opening event, addressees (and audit entries).
    const hazards = all<{ id: number; title: string; pact_id: number | null }>("select id, title, pact_id from records where workflow = 'hazard'");
    for (const h of hazards) {
      const missing: string[] = [];
      if (!one("select 1 from hazard_details where record_id = ?", h.id)) missing.push("details");
      if (!one("select 1 from thread_entries where record_id = ? and kind = 'event' and event_action = 'create'", h.id)) missing.push("opening event");
      // The demo data is loaded without audit entries; this run's hazards carry both of theirs.
      if (h.title.includes(tag)) {
        if (!one("select 1 from audit_log where action = 'record.create' and entity_id = ?", String(h.id))) missing.push("audit record.create");
        if (!one("select 1 from audit_log where action = 'hazard.details' and entity_id = ?", String(h.id))) missing.push("audit hazard.details");
      }
      if (h.pact_id !== null && !one("select 1 from record_addressees where record_id = ?", h.id)) missing.push("addressees");
      if (missing.length > 0) halfWritten.push(`hazard ${h.id} «${h.title}» without ${missing.join(", ")}`);
    }
    for (const d of all<{ record_id: number }>("select record_id from hazard_details where record_id not in (select id from records where workflow = 'hazard')")) {
      halfWritten.push(`hazard details ${d.record_id} without a hazard record`);
    }
    // All six workflows: each record has its details row and opening event, each details row its record.
    halfWritten.push(...wholeRecords(sqlite));

    // The other way round: an audit entry of this run's creation whose record is not there.
    for (const a of all<{ entity_id: string }>(
      "select entity_id from audit_log where action = 'record.create' and entity_type = 'hazard' and json_extract(after, '$.title') like ?",
      `%${tag}%`,
    )) {
      if (!one("select 1 from records where id = ?", Number(a.entity_id))) halfWritten.push(`audit record.create ${a.entity_id} without its record`);
    }

    // Messages of this run: each entry has its audit entry and each audit entry its entry.
    const messages = all<{ id: number; body: string }>("select id, body from thread_entries where kind = 'message' and body like ?", `%${tag}%`);
    const audited = new Set(
      all<{ entry_id: number }>(
        "select json_extract(after, '$.entryId') as entry_id from audit_log where action = 'thread.message' and json_extract(after, '$.body') like ?",
        `%${tag}%`,
      ).map((r) => r.entry_id),
    );
    const entryIds = new Set(messages.map((m) => m.id));
    for (const m of messages) if (!audited.has(m.id)) halfWritten.push(`message ${m.id} without its audit entry`);
    for (const id of audited) if (!entryIds.has(id)) halfWritten.push(`audit thread.message for entry ${id} that is not there`);

    // Every attachment row has its file, with the content its hash names.
    const filesDir = path.join(path.dirname(path.resolve(databasePath)), "files");
    for (const a of all<{ id: number; sha256: string }>("select id, sha256 from attachments")) {
      if (sha256File(path.join(filesDir, a.sha256.slice(0, 2), a.sha256)) !== a.sha256) {
        halfWritten.push(`attachment ${a.id} without its stored file`);
      }
    }

    // Every acknowledged write, exactly once.
    for (const w of ledger.acknowledged) {
      if (w.kind === "hazard") {
        const rows = all<{ id: number }>("select id from records where title = ?", w.title);
        if (rows.length !== 1 || rows[0].id !== w.id) lost.push(`hazard «${w.title}» (id ${w.id}): found ${rows.map((r) => r.id).join(",") || "nothing"}`);
      } else {
        lost.push(...checkMessage(sqlite, w));
      }
    }
    let inDoubtLanded = 0;
    for (const w of ledger.inDoubt) {
      const landed =
        w.kind === "hazard"
          ? one("select 1 from records where title = ?", w.title)
          : one("select 1 from thread_entries where body = ?", w.body);
      if (landed) inDoubtLanded++;
    }
    return { lost, halfWritten, inDoubtLanded, integrity, foreignKeyProblems, auditChain };
  } finally {
    sqlite.close();
  }
}

function checkMessage(sqlite: Database.Database, w: MessageWrite): string[] {
  const rows = sqlite.prepare("select id, record_id from thread_entries where body = ? and kind = 'message'").all(w.body) as { id: number; record_id: number }[];
  if (rows.length !== 1 || rows[0].record_id !== w.recordId) return [`message «${w.body}»: ${rows.length} rows`];
  if (!w.photoSha256) return [];
  const photo = sqlite.prepare("select 1 from attachments where entry_id = ? and sha256 = ?").get(rows[0].id, w.photoSha256);
  return photo ? [] : [`photo of message «${w.body}» missing`];
}

/** Where each workflow keeps a record's details (a meeting's action items are records of their own). */
const DETAIL_TABLES: Record<string, string[]> = {
  hazard: ["hazard_details"],
  dispute: ["dispute_details"],
  notice: ["notice_details"],
  patrol: ["patrol_details"],
  meeting: ["meeting_details", "action_items"],
  project: ["project_details"],
};

function wholeRecords(sqlite: Database.Database): string[] {
  const problems: string[] = [];
  const count = (sql: string, ...args: unknown[]) => (sqlite.prepare(sql).get(...args) as { n: number }).n;
  for (const [workflow, tables] of Object.entries(DETAIL_TABLES)) {
    const hasDetails = tables.map((t) => `exists (select 1 from ${t} x where x.record_id = r.id)`).join(" or ");
    const bare = count(`select count(*) as n from records r where r.workflow = ? and not (${hasDetails})`, workflow);
    if (bare > 0) problems.push(`${bare} ${workflow} records without their details`);
    for (const t of tables) {
      const orphans = count(`select count(*) as n from ${t} x where not exists (select 1 from records r where r.id = x.record_id and r.workflow = ?)`, workflow);
      if (orphans > 0) problems.push(`${orphans} rows of ${t} without their ${workflow} record`);
    }
  }
  const unopened = count("select count(*) as n from records r where not exists (select 1 from thread_entries e where e.record_id = r.id and e.kind = 'event' and e.event_action = 'create')");
  if (unopened > 0) problems.push(`${unopened} records without their opening thread event`);
  return problems;
}
