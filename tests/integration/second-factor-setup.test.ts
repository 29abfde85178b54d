/** A real deployment: create-admin makes the county require a second factor unless told otherwise. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { counties } from "~db/schema";
import { openDatabase } from "~/modules/db/connection.server";

function createAdmin(databasePath: string, extra: string[]) {
  return spawnSync(
    "npx",
    ["tsx", "scripts/create-admin.ts", "--county", "新晃侗族自治县", "--code", "431229", "--province", "湖南省", "--short", "XH", "--username", "xh.chief", "--name", "杨志明", ...extra],
    { env: { ...process.env, DATABASE_PATH: databasePath, ADMIN_PASSWORD: "a-long-secret-1" }, encoding: "utf8" },
  );
}

describe("create-admin --second-factor", () => {
  it.each([
    [[], true],
    [["--second-factor", "off"], false],
  ] as const)("with %j the county requires it: %s", (extra, required) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-2fa-"));
    try {
      const file = path.join(dir, "portal.sqlite");
      const run = createAdmin(file, [...extra]);
      expect(run.status, run.stderr).toBe(0);
      const db = openDatabase(file);
      expect(db.select().from(counties).all().map((c) => c.secondFactorRequired)).toEqual([required]);
      db.$client.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a value other than on or off", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-2fa-"));
    try {
      const run = createAdmin(path.join(dir, "portal.sqlite"), ["--second-factor", "maybe"]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("--second-factor");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("backups keep the second-factor key", () => {
  it("backup copies second-factor.key (mode 0600) and restore puts it beside the database", async () => {
    const { backupPortal } = await import("~/modules/db/backup.server");
    const { restorePortal } = await import("~/modules/db/restore.server");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-2fa-backup-"));
    try {
      const file = path.join(dir, "live", "portal.sqlite");
      openDatabase(file).$client.close();
      fs.writeFileSync(path.join(dir, "live", "second-factor.key"), "ab".repeat(32) + "\n", { mode: 0o600 });
      const { folder } = await backupPortal({ databasePath: file, out: path.join(dir, "backup"), operator: "test" });
      const copied = path.join(folder, "second-factor.key");
      expect(fs.readFileSync(copied, "utf8")).toBe("ab".repeat(32) + "\n");
      expect(fs.statSync(copied).mode & 0o777).toBe(0o600);
      const target = path.join(dir, "elsewhere", "portal.sqlite");
      restorePortal({ from: folder, databasePath: target, operator: "test" });
      const restored = path.join(dir, "elsewhere", "second-factor.key");
      expect(fs.readFileSync(restored, "utf8")).toBe("ab".repeat(32) + "\n");
      expect(fs.statSync(restored).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
