/**
 * The operator's commands `npm run backup` and `npm run restore` (scripts/backup.ts and
 * scripts/restore.ts) on the demo database: what they write, and what restore refuses — an
 * existing database without --force, and a backup that no longer matches its manifest.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "~db/seed/seed.server";
import { databasePath, getDb } from "~/modules/db/connection.server";
import { readManifest, tableDigests } from "~/modules/db/backup-manifest.server";

// The demo world (24 password hashes: slow on a busy machine, hence the longer limit).
beforeAll(() => seedDemoData(getDb()), 60_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-backup-cli-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(script: "backup" | "restore", args: string[], database = databasePath()) {
  return spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { ...process.env, DATABASE_PATH: database },
    encoding: "utf8",
  });
}

function digestsOf(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return tableDigests(db);
  } finally {
    db.close();
  }
}

function auditActions(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("select action from audit_log order by id").all() as { action: string }[]).map((r) => r.action);
  } finally {
    db.close();
  }
}

describe("npm run backup / npm run restore", () => {
  const backup = path.join(dir, "backup-1");
  const target = path.join(dir, "restored", "portal.sqlite");

  it("writes a backup folder whose manifest matches the copy, and logs the backup", { timeout: 60_000 }, () => {
    const made = run("backup", ["--out", backup, "--operator", "值班运维"]);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain("备份完成");
    expect(fs.readdirSync(backup).sort()).toEqual(["manifest.json", "portal.sqlite"].concat(fs.existsSync(path.join(backup, "files")) ? ["files"] : []).sort());
    const manifest = readManifest(backup);
    expect(digestsOf(path.join(backup, "portal.sqlite"))).toEqual(manifest.tables);
    expect(manifest.tables.users.rows).toBe(24);
    expect(auditActions(databasePath()).at(-1)).toBe("system.backup");
    // A second backup into the same folder is refused; the first stays as it was.
    const again = run("backup", ["--out", backup]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("备份目录已存在");
  });

  it("restores into a new place, refuses to overwrite without --force, and keeps what --force replaced", { timeout: 60_000 }, () => {
    const first = run("restore", ["--from", backup, "--to", target]);
    expect(first.status, first.stderr).toBe(0);
    const manifest = readManifest(backup);
    const restored = digestsOf(target);
    for (const [table, digest] of Object.entries(manifest.tables)) {
      if (table !== "audit_log" && table !== "sqlite_sequence") expect(restored[table], table).toEqual(digest);
    }
    expect(restored.audit_log.rows).toBe(manifest.tables.audit_log.rows + 1);
    expect(auditActions(target).at(-1)).toBe("system.restore");

    const refused = run("restore", ["--from", backup, "--to", target]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("--force");
    expect(digestsOf(target)).toEqual(restored);

    const forced = run("restore", ["--from", backup, "--to", target, "--force"]);
    expect(forced.status, forced.stderr).toBe(0);
    const kept = fs.readdirSync(path.dirname(target)).filter((f) => /^portal\.sqlite\.replaced-\d{8}T\d+Z$/.test(f));
    expect(kept).toHaveLength(1);
    expect(digestsOf(path.join(path.dirname(target), kept[0]))).toEqual(restored);
  });

  it("refuses a backup whose content no longer matches its manifest and touches nothing", { timeout: 60_000 }, () => {
    const tampered = path.join(dir, "tampered");
    fs.cpSync(backup, tampered, { recursive: true });
    const db = new Database(path.join(tampered, "portal.sqlite"));
    db.prepare("update counties set name = name || '（改）' where id = (select min(id) from counties)").run();
    db.close();
    const fresh = path.join(dir, "never", "portal.sqlite");
    const refused = run("restore", ["--from", tampered, "--to", fresh]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("备份内容与清单不符");
    expect(refused.stderr).toContain("counties");
    expect(fs.existsSync(fresh)).toBe(false);

    const missing = run("restore", ["--from", path.join(dir, "no-such-backup"), "--to", fresh]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("不是备份目录");
  });
});
