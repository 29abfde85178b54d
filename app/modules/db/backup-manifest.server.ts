/**
 * What a backup folder holds and how it is checked: `portal.sqlite` (a self-contained copy, no
 * WAL), `files/` (the attachments, by content hash) and `manifest.json` with every table's row
 * count and SHA-256 over its rows, every file's hash and size, and the last audit entry the copy
 * holds. Backup writes the manifest from the copy; restore checks the copy against it.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";

export const BACKUP_DATABASE = "portal.sqlite";
export const BACKUP_FILES = "files";
export const BACKUP_MANIFEST = "manifest.json";

export interface TableDigest {
  rows: number;
  sha256: string;
}

export interface BackupManifest {
  format: 1;
  /** ISO time the copy was taken. */
  createdAt: string;
  sqliteVersion: string;
  /** Bytes of the copied database file. */
  databaseBytes: number;
  tables: Record<string, TableDigest>;
  files: { sha256: string; size: number }[];
  /** The newest audit entry in the copy: the backup holds the log up to here. */
  lastAudit: { id: number; hash: string } | null;
}

/** Tables whose rows are stored (virtual tables are left out: their shadow tables hold the data). */
function storedTables(sqlite: Database.Database): { name: string; withoutRowid: boolean }[] {
  const rows = sqlite
    .prepare("select name, sql from sqlite_master where type = 'table' order by name")
    .all() as { name: string; sql: string | null }[];
  return rows
    .filter((r) => !/^\s*create\s+virtual\s+table/i.test(r.sql ?? ""))
    .map((r) => ({ name: r.name, withoutRowid: /without\s+rowid\s*$/i.test(r.sql ?? "") }));
}

function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Row count and SHA-256 over the rows (in key order, each as JSON) of every stored table. */
export function tableDigests(sqlite: Database.Database): Record<string, TableDigest> {
  const digests: Record<string, TableDigest> = {};
  for (const table of storedTables(sqlite)) {
    const columns = (sqlite.pragma(`table_info(${quoteName(table.name)})`) as unknown[]).length;
    const order = table.withoutRowid ? Array.from({ length: columns }, (_, i) => i + 1).join(", ") : "rowid";
    const hash = createHash("sha256");
    let rows = 0;
    const statement = sqlite.prepare(`select * from ${quoteName(table.name)} order by ${order}`).raw(true);
    for (const row of statement.iterate() as Iterable<unknown[]>) {
      hash.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString("base64") : v)));
      hash.update("\n");
      rows++;
    }
    digests[table.name] = { rows, sha256: hash.digest("hex") };
  }
  return digests;
}

/** `PRAGMA integrity_check` as one line: "ok" when SQLite finds nothing wrong. */
export function integrityOf(sqlite: Database.Database): string {
  return (sqlite.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
}

export function sha256OfFile(file: string): string {
  const hash = createHash("sha256");
  const fd = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(1 << 20);
    let read: number;
    while ((read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0) hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest("hex");
}

/** Where a content-addressed file lives under a `files/` folder. */
export function contentPath(filesDir: string, sha256: string): string {
  return path.join(filesDir, sha256.slice(0, 2), sha256);
}

/** The content-addressed files under a `files/` folder (temporary uploads in `tmp/` are not files yet). */
export function listStoredFiles(filesDir: string): string[] {
  if (!fs.existsSync(filesDir)) return [];
  const found: string[] = [];
  for (const prefix of fs.readdirSync(filesDir)) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const name of fs.readdirSync(path.join(filesDir, prefix))) {
      if (/^[0-9a-f]{64}$/.test(name) && name.startsWith(prefix)) found.push(name);
    }
  }
  return found.sort();
}

/** Copies a file and makes sure it reached the disk (write to a temporary name, fsync, rename). */
export function copyDurably(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const temporary = `${to}.part`;
  fs.copyFileSync(from, temporary);
  const fd = fs.openSync(temporary, "r+");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, to);
}

export function readManifest(folder: string): BackupManifest {
  const file = path.join(folder, BACKUP_MANIFEST);
  if (!fs.existsSync(file)) throw new Error(`不是备份目录：缺少 ${BACKUP_MANIFEST}（${folder}）`);
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as BackupManifest;
  if (manifest.format !== 1) throw new Error(`无法识别的备份格式：${String(manifest.format)}`);
  return manifest;
}
