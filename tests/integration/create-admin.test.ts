import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditLog, counties, userRoles, users } from "~db/schema";
import { seedDemoData } from "~db/seed/seed.server";
import { verifyPassword } from "~/modules/auth/password.server";
import { openDatabase } from "~/modules/db/connection.server";

function createAdmin(databasePath: string, password: string, extra: string[] = []) {
  return spawnSync(
    "npx",
    ["tsx", "scripts/create-admin.ts", "--county", "芷江侗族自治县", "--code", "431228", "--province", "湖南省", "--short", "ZJ", "--username", "zj.chief", "--name", "唐文斌", ...extra],
    { env: { ...process.env, DATABASE_PATH: databasePath, ADMIN_PASSWORD: password }, encoding: "utf8" },
  );
}

describe("setting up a real deployment", () => {
  it("creates the county and its first admin, after which no demo data is loaded", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-admin-"));
    const file = path.join(dir, "portal.sqlite");
    try {
      const run = createAdmin(file, "a-long-secret-1");
      expect(run.status, run.stderr).toBe(0);
      const db = openDatabase(file);
      expect(db.select().from(counties).all().map((c) => c.shortCode)).toEqual(["ZJ"]);
      const [admin] = db.select().from(users).all();
      expect(admin.username).toBe("zj.chief");
      expect(await verifyPassword(admin.passwordHash, "a-long-secret-1")).toBe(true);
      expect(db.select().from(userRoles).all()).toEqual([{ userId: admin.id, role: "county_admin" }]);
      expect(db.select().from(auditLog).all().map((e) => e.action)).toEqual(["county.create", "user.create"]);
      expect(await seedDemoData(db)).toBe(false);
      expect(db.select().from(users).all()).toHaveLength(1);
      db.$client.close();

      const again = createAdmin(file, "a-long-secret-1");
      expect(again.status).toBe(2);
      expect(again.stderr).toContain("already exists");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a short password and writes nothing", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-admin-"));
    try {
      const run = createAdmin(path.join(dir, "portal.sqlite"), "short");
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("ADMIN_PASSWORD");
      expect(fs.existsSync(path.join(dir, "portal.sqlite"))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
