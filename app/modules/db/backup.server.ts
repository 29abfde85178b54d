/**
 * Online backup of the portal, safe while it serves: SQLite's backup API copies the database as
 * one consistent snapshot (in WAL mode readers never block the portal's writers), then the
 * attachment files are copied. Files are written before the rows that name them commit and are
 * never changed or removed, so every file the snapshot refers to is already on disk when the
 * files are copied. The copy is checked (integrity_check, every attachment present with its
 * hash) and described in manifest.json; the folder appears under its final name only when done.
 * The backup is recorded in the portal's audit log as `system.backup`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "~db/schema";
import { SECOND_FACTOR_KEY_FILE } from "~/modules/auth/second-factor/key.server";
import { appendAudit } from "~/modules/audit/log.server";
import type { Db } from "./connection.server";
import {
  BACKUP_DATABASE, BACKUP_FILES, BACKUP_MANIFEST, contentPath, copyDurably, integrityOf, listStoredFiles,
  sha256OfFile, tableDigests, type BackupManifest,
} from "./backup-manifest.server";

export interface BackupOptions {
  /** The portal's database file. */
  databasePath: string;
  /** The folder to create; by default `backups/portal-<UTC time>` beside the database. */
  out?: string;
  /** Who runs it, for the audit entry (default: the operating-system account). */
  operator?: string;
}

export interface BackupResult {
  folder: string;
  manifest: BackupManifest;
}

/** `20261201-153000` in UTC: sorts by time and is safe in any file system. */
function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}

export function defaultBackupFolder(databasePath: string, at = new Date()): string {
  return path.join(path.dirname(path.resolve(databasePath)), "backups", `portal-${stamp(at)}`);
}

export function operatorName(given?: string): string {
  if (given) return given;
  try {
    return `operator:${os.userInfo().username}`;
  } catch {
    return "operator";
  }
}

/** Copies the database into `target` as one snapshot and leaves it a single file (no WAL). */
async function snapshotDatabase(source: Database.Database, target: string): Promise<void> {
  // After the first step, copy everything that is left in one step: a write by the portal
  // between steps would make SQLite start the copy over, again and again on a busy portal.
  await source.backup(target, { progress: () => 2 ** 30 });
  const copy = new Database(target);
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
}

/** Copies every stored file into the backup and checks each copy against its hash. */
function copyFiles(sourceFiles: string, backupFiles: string): BackupManifest["files"] {
  const files: BackupManifest["files"] = [];
  for (const sha256 of listStoredFiles(sourceFiles)) {
    const target = contentPath(backupFiles, sha256);
    copyDurably(contentPath(sourceFiles, sha256), target);
    if (sha256OfFile(target) !== sha256) throw new Error(`附件文件内容与其哈希不符 / stored file does not match its hash: ${sha256}`);
    files.push({ sha256, size: fs.statSync(target).size });
  }
  return files;
}

export async function backupPortal(options: BackupOptions): Promise<BackupResult> {
  const databasePath = path.resolve(options.databasePath);
  if (!fs.existsSync(databasePath)) throw new Error(`找不到数据库文件 / no database at ${databasePath}`);
  const createdAt = new Date();
  const folder = path.resolve(options.out ?? defaultBackupFolder(databasePath, createdAt));
  if (fs.existsSync(folder)) throw new Error(`备份目录已存在，不会覆盖 / backup folder exists already: ${folder}`);
  const partial = `${folder}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });

  const source = new Database(databasePath, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    const copyPath = path.join(partial, BACKUP_DATABASE);
    await snapshotDatabase(source, copyPath);
    const files = copyFiles(path.join(path.dirname(databasePath), "files"), path.join(partial, BACKUP_FILES));
    // Without the second-factor key the restored secrets could not be read: it goes along (mode 0600).
    const keyFile = path.join(path.dirname(databasePath), SECOND_FACTOR_KEY_FILE);
    if (fs.existsSync(keyFile)) {
      copyDurably(keyFile, path.join(partial, SECOND_FACTOR_KEY_FILE));
      fs.chmodSync(path.join(partial, SECOND_FACTOR_KEY_FILE), 0o600);
    }

    const copy = new Database(copyPath, { readonly: true });
    let manifest: BackupManifest;
    try {
      const integrity = integrityOf(copy);
      if (integrity !== "ok") throw new Error(`备份副本未通过完整性检查 / the copy fails integrity_check: ${integrity}`);
      const stored = new Set(files.map((f) => f.sha256));
      const missing = (copy.prepare("select distinct sha256 from attachments").all() as { sha256: string }[]).filter((a) => !stored.has(a.sha256));
      if (missing.length > 0) throw new Error(`附件文件缺失 / attachment files missing: ${missing.map((m) => m.sha256).join(", ")}`);
      const lastAudit = copy.prepare("select id, hash from audit_log order by id desc limit 1").get() as { id: number; hash: string } | undefined;
      manifest = {
        format: 1,
        createdAt: createdAt.toISOString(),
        sqliteVersion: (copy.prepare("select sqlite_version() as v").get() as { v: string }).v,
        databaseBytes: fs.statSync(copyPath).size,
        tables: tableDigests(copy),
        files,
        lastAudit: lastAudit ?? null,
      };
    } finally {
      copy.close();
    }
    fs.writeFileSync(path.join(partial, BACKUP_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.renameSync(partial, folder);

    const db = drizzle(source, { schema }) as unknown as Db;
    db.transaction(
      (tx) =>
        appendAudit(tx, { userId: null, name: operatorName(options.operator), countyId: null }, {
          action: "system.backup",
          entityType: "database",
          entityId: path.basename(folder),
          after: {
            folder,
            createdAt: manifest.createdAt,
            rows: Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0),
            files: files.length,
            lastAuditId: manifest.lastAudit?.id ?? null,
          },
        }),
      { behavior: "immediate" },
    );
    return { folder, manifest };
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  } finally {
    source.close();
  }
}
