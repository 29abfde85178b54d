/**
 * Online backup and restore: a backup taken from the running production server while demo users
 * report hazards and post messages with photos, restored into a new place, must equal the backup
 * row for row and file for file, hold every write acknowledged before it began, and be a
 * consistent moment of the live database (its audit log a prefix of the live one).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import * as schema from "~db/schema";
import { verifyAuditChain } from "~/modules/audit/log.server";
import type { Db } from "~/modules/db/connection.server";
import { backupPortal } from "~/modules/db/backup.server";
import { listStoredFiles, sha256OfFile, contentPath } from "~/modules/db/backup-manifest.server";
import { restorePortal, RestoreRefused } from "~/modules/db/restore.server";
import { seededRandom } from "~db/seed/random";
import { emptyLedger, PortalClient, PortalGate } from "../../scripts/crash/clients";
import { ensureProductionBuild, freePort, removeServerBundle, startPortal, stopPortal } from "../../scripts/crash/portal-process";
import { sharedHazardPact } from "../../scripts/crash/scenario";
import { verifyCrashRun } from "../../scripts/crash/verify";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-backup-"));
afterAll(() => {
  removeServerBundle();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Waits (bounded) until `condition` holds. */
async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function open(file: string) {
  return new Database(file, { readonly: true, fileMustExist: true });
}

/** Every stored table's rows as sorted JSON lines (the whole content, for comparing two files). */
function contentOf(file: string): Record<string, string[]> {
  const db = open(file);
  try {
    const tables = db.prepare("select name, sql from sqlite_master where type = 'table'").all() as { name: string; sql: string }[];
    const content: Record<string, string[]> = {};
    for (const { name } of tables.filter((t) => !/create virtual table/i.test(t.sql))) {
      content[name] = (db.prepare(`select * from "${name}"`).raw(true).all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
    }
    return content;
  } finally {
    db.close();
  }
}

function rowsWhere(file: string, sql: string, ...args: unknown[]): unknown[][] {
  const db = open(file);
  try {
    return db.prepare(sql).raw(true).all(...args) as unknown[][];
  } finally {
    db.close();
  }
}

describe("online backup and restore", () => {
  it("backs up the running portal under writes; the restore equals the backup and holds every acknowledged write", async () => {
    await ensureProductionBuild();
    const live = path.join(dir, "live", "portal.sqlite");
    const port = await freePort();
    const portal = await startPortal({ databasePath: live, port });
    const gate = new PortalGate();
    gate.opened();
    const ledger = emptyLedger();
    const tag = "BK1";
    let stopping = false;
    const pactId = sharedHazardPact(live);
    const recordPool: number[] = [];
    const clients = ["xh.pl", "tz.pl"].map(
      (username, index) =>
        new PortalClient({
          index, username, password: "demo-2026", baseUrl: `http://127.0.0.1:${port}`, pactId, tag,
          random: seededRandom(41 + index), gate, ledger, recordPool, stop: () => stopping,
        }),
    );
    let backup: Awaited<ReturnType<typeof backupPortal>>;
    let acknowledgedBefore: typeof ledger.acknowledged;
    try {
      await Promise.all(clients.map((c) => c.signIn()));
      const running = clients.map((c) => c.run());
      const photos = () => ledger.acknowledged.filter((w) => w.kind === "message" && w.photoSha256).length;
      await until(() => recordPool.length >= 2 && photos() >= 2, "hazards and messages with photos");

      acknowledgedBefore = [...ledger.acknowledged];
      backup = await backupPortal({ databasePath: live, out: path.join(dir, "backups", "b1"), operator: "test-operator" });
      const afterBackup = ledger.acknowledged.length;
      await until(() => ledger.acknowledged.length >= afterBackup + 5, "writes after the backup");

      // A running portal's database is never replaced, not even with --force.
      expect(() => restorePortal({ from: backup.folder, databasePath: live, force: true })).toThrow(RestoreRefused);
      expect(() => restorePortal({ from: backup.folder, databasePath: live, force: true })).toThrow(/正在使用/);
      stopping = true;
      await Promise.all(running);
    } finally {
      stopping = true;
      gate.close();
      await stopPortal(portal, "SIGTERM");
    }
    expect(ledger.refused).toEqual([]);

    const restored = path.join(dir, "restored", "portal.sqlite");
    const result = restorePortal({ from: backup.folder, databasePath: restored, operator: "test-operator" });
    expect(result.replacedBy).toBeNull();
    expect(result.filesCopied).toBe(backup.manifest.files.length);

    // The restore equals the backup, table by table and row by row, plus its own audit entry.
    const inBackup = contentOf(path.join(backup.folder, "portal.sqlite"));
    const inRestore = contentOf(restored);
    expect(Object.keys(inRestore).sort()).toEqual(Object.keys(inBackup).sort());
    for (const table of Object.keys(inBackup)) {
      expect(inBackup[table].length, table).toBe(backup.manifest.tables[table].rows);
      if (table === "audit_log" || table === "sqlite_sequence") continue;
      expect(inRestore[table], table).toEqual(inBackup[table]);
    }
    const lastAuditId = backup.manifest.lastAudit!.id;
    expect(rowsWhere(restored, "select * from audit_log where id <= ? order by id", lastAuditId)).toEqual(
      rowsWhere(path.join(backup.folder, "portal.sqlite"), "select * from audit_log order by id"),
    );
    expect(rowsWhere(restored, "select action, actor_name from audit_log where id > ?", lastAuditId)).toEqual([["system.restore", "test-operator"]]);

    // The backup is one consistent moment of the live database: its audit log and thread are a
    // prefix of the live ones, which went on growing.
    const liveAudit = rowsWhere(live, "select * from audit_log order by id");
    expect(liveAudit.length).toBeGreaterThan(lastAuditId);
    expect(rowsWhere(restored, "select * from audit_log where id <= ? order by id", lastAuditId)).toEqual(liveAudit.slice(0, lastAuditId));
    const lastEntry = rowsWhere(restored, "select max(id) from thread_entries")[0][0] as number;
    expect(rowsWhere(restored, "select * from thread_entries order by id")).toEqual(
      rowsWhere(live, "select * from thread_entries where id <= ? order by id", lastEntry),
    );
    expect(rowsWhere(live, "select count(*) from thread_entries where id > ?", lastEntry)[0][0]).toBeGreaterThan(0);
    // The live log records the backup.
    expect(rowsWhere(live, "select entity_id, actor_name from audit_log where action = 'system.backup'")).toEqual([["b1", "test-operator"]]);

    // Every write acknowledged before the backup began is in the restore, whole, with its files.
    const verdict = verifyCrashRun(restored, { acknowledged: acknowledgedBefore!, inDoubt: [], refused: [] }, tag);
    expect(verdict.lost).toEqual([]);
    expect(verdict.halfWritten).toEqual([]);
    expect(verdict.integrity).toBe("ok");
    expect(verdict.auditChain.ok).toBe(true);
    const withPhotos = acknowledgedBefore!.filter((w) => w.kind === "message" && w.photoSha256).length;
    expect(withPhotos).toBeGreaterThanOrEqual(2);

    // The attachment files: the same set in backup and restore, each with the content its name says.
    const restoredFiles = path.join(path.dirname(restored), "files");
    expect(listStoredFiles(restoredFiles)).toEqual(backup.manifest.files.map((f) => f.sha256).sort());
    for (const sha of listStoredFiles(restoredFiles)) expect(sha256OfFile(contentPath(restoredFiles, sha))).toBe(sha);
    const liveDb = open(live);
    try {
      expect(verifyAuditChain(drizzle(liveDb, { schema }) as unknown as Db).ok).toBe(true);
    } finally {
      liveDb.close();
    }
  }, 240_000);
});
