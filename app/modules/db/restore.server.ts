/**
 * Restoring a backup folder (see backup.server.ts) as the portal's database. The copy is checked
 * first — integrity_check, every table against the manifest's row count and hash, the audit
 * chain, every file against its hash — and nothing is touched when a check fails.
 *
 * Refusals: a database that a running portal holds open is never replaced (the portal would go
 * on writing into the file it has open, and those writes would be lost); an existing database is
 * replaced only with `force`, and then kept beside it as `<name>.replaced-<time>` (with its WAL),
 * never deleted. The restored database records the restore in its audit log as `system.restore`.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "~db/schema";
import { SECOND_FACTOR_KEY_FILE } from "~/modules/auth/second-factor/key.server";
import { appendAudit, verifyAuditChain } from "~/modules/audit/log.server";
import type { Db } from "./connection.server";
import { operatorName } from "./backup.server";
import {
  BACKUP_DATABASE, BACKUP_FILES, contentPath, copyDurably, integrityOf, readManifest, sha256OfFile, tableDigests,
  type BackupManifest,
} from "./backup-manifest.server";

export interface RestoreOptions {
  /** The backup folder. */
  from: string;
  /** The database file to restore into (the portal's DATABASE_PATH). */
  databasePath: string;
  /** Replace an existing (stopped) database; it is kept as `<name>.replaced-<time>`. */
  force?: boolean;
  operator?: string;
}

export interface RestoreResult {
  databasePath: string;
  manifest: BackupManifest;
  /** Where the database that was there before now lies, if there was one. */
  replacedBy: string | null;
  filesCopied: number;
}

export class RestoreRefused extends Error {}

/** True when another process holds the database open (a running portal keeps its connection). */
export function databaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const probe = new Database(file, { timeout: 0, fileMustExist: true });
  try {
    // An exclusive lock cannot be had while any other connection has the file open in WAL mode.
    probe.pragma("locking_mode = EXCLUSIVE");
    probe.exec("BEGIN EXCLUSIVE");
    probe.exec("COMMIT");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) return true;
    throw error;
  } finally {
    probe.close();
  }
}

/** Checks a backup folder against its manifest; throws RestoreRefused naming what does not match. */
export function verifyBackup(folder: string): BackupManifest {
  const manifest = readManifest(folder);
  const file = path.join(folder, BACKUP_DATABASE);
  if (!fs.existsSync(file)) throw new RestoreRefused(`备份中缺少数据库文件 / the backup holds no ${BACKUP_DATABASE}`);
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = integrityOf(copy);
    if (integrity !== "ok") throw new RestoreRefused(`备份数据库未通过完整性检查 / integrity_check: ${integrity}`);
    const actual = tableDigests(copy);
    const names = new Set([...Object.keys(actual), ...Object.keys(manifest.tables)]);
    const differing = [...names].filter((n) => actual[n]?.sha256 !== manifest.tables[n]?.sha256 || actual[n]?.rows !== manifest.tables[n]?.rows);
    if (differing.length > 0) throw new RestoreRefused(`备份内容与清单不符 / tables differ from the manifest: ${differing.join(", ")}`);
    const chain = verifyAuditChain(drizzle(copy, { schema }) as unknown as Db);
    if (!chain.ok) throw new RestoreRefused(`备份中的审计链断裂 / the audit chain breaks at entry ${chain.brokenAt}`);
  } finally {
    copy.close();
  }
  for (const f of manifest.files) {
    const stored = contentPath(path.join(folder, BACKUP_FILES), f.sha256);
    if (!fs.existsSync(stored) || sha256OfFile(stored) !== f.sha256) {
      throw new RestoreRefused(`备份中的附件文件缺失或已损坏 / attachment file missing or damaged: ${f.sha256}`);
    }
  }
  return manifest;
}

function moveAside(databasePath: string, stamp: string): string {
  const aside = `${databasePath}.replaced-${stamp}`;
  for (const suffix of ["", "-wal", "-shm"]) {
    if (fs.existsSync(databasePath + suffix)) fs.renameSync(databasePath + suffix, aside + suffix);
  }
  return aside;
}

export function restorePortal(options: RestoreOptions): RestoreResult {
  const from = path.resolve(options.from);
  const databasePath = path.resolve(options.databasePath);
  const manifest = verifyBackup(from);
  const exists = ["", "-wal"].some((suffix) => fs.existsSync(databasePath + suffix));
  if (exists && databaseInUse(databasePath)) {
    throw new RestoreRefused(`门户正在使用该数据库，请先停止门户 / the portal is running on ${databasePath}: stop it first`);
  }
  if (exists && !options.force) {
    throw new RestoreRefused(`数据库已存在；确认替换请加 --force（原文件会保留）/ ${databasePath} exists: add --force to replace it (it is kept)`);
  }

  const stamp = new Date().toISOString().replace(/[-:.]/g, "");
  const incoming = `${databasePath}.restoring`;
  copyDurably(path.join(from, BACKUP_DATABASE), incoming);
  const replacedBy = exists ? moveAside(databasePath, stamp) : null;
  fs.renameSync(incoming, databasePath);

  // Content-addressed: a file already there with the right content stays; anything else is copied.
  const filesDir = path.join(path.dirname(databasePath), "files");
  let filesCopied = 0;
  for (const f of manifest.files) {
    const target = contentPath(filesDir, f.sha256);
    if (fs.existsSync(target) && sha256OfFile(target) === f.sha256) continue;
    copyDurably(contentPath(path.join(from, BACKUP_FILES), f.sha256), target);
    filesCopied++;
  }

  // The second-factor key the backup's secrets were encrypted with; a different key beside the
  // database is kept aside, never overwritten.
  const backupKey = path.join(from, SECOND_FACTOR_KEY_FILE);
  const keyTarget = path.join(path.dirname(databasePath), SECOND_FACTOR_KEY_FILE);
  if (fs.existsSync(backupKey) && !(fs.existsSync(keyTarget) && sha256OfFile(keyTarget) === sha256OfFile(backupKey))) {
    if (fs.existsSync(keyTarget)) fs.renameSync(keyTarget, `${keyTarget}.replaced-${stamp}`);
    copyDurably(backupKey, keyTarget);
    fs.chmodSync(keyTarget, 0o600);
  }

  const sqlite = new Database(databasePath, { fileMustExist: true });
  try {
    sqlite.pragma("journal_mode = WAL");
    const db = drizzle(sqlite, { schema }) as unknown as Db;
    db.transaction(
      (tx) =>
        appendAudit(tx, { userId: null, name: operatorName(options.operator), countyId: null }, {
          action: "system.restore",
          entityType: "database",
          entityId: path.basename(from),
          after: { from, backupCreatedAt: manifest.createdAt, lastAuditId: manifest.lastAudit?.id ?? null, replacedBy },
        }),
      { behavior: "immediate" },
    );
  } finally {
    sqlite.close();
  }
  return { databasePath, manifest, replacedBy, filesCopied };
}
