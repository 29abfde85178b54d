import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, counties, pacts, regions, users } from "~db/schema";
import { seedDemoData } from "~db/seed/seed.server";
import { openDatabase } from "~/modules/db/connection.server";

function count(db: ReturnType<typeof openDatabase>, table: typeof counties | typeof users | typeof pacts | typeof regions | typeof auditLog) {
  return db.select({ n: sql<number>`count(*)` }).from(table).get()!.n;
}

describe("database preparation", () => {
  it("creates, migrates and seeds a new file once; reopening never seeds twice", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-db-"));
    const file = path.join(dir, "nested", "portal.sqlite");
    try {
      const first = openDatabase(file);
      expect(first.$client.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(first.$client.pragma("foreign_keys", { simple: true })).toBe(1);
      expect(await seedDemoData(first)).toBe(true);
      const before = { counties: count(first, counties), users: count(first, users), pacts: count(first, pacts), regions: count(first, regions) };
      expect(before).toEqual({ counties: 4, users: 24, pacts: 2, regions: 13 });
      first.$client.close();

      const again = openDatabase(file);
      expect(await seedDemoData(again)).toBe(false);
      expect({ counties: count(again, counties), users: count(again, users), pacts: count(again, pacts), regions: count(again, regions) }).toEqual(before);
      again.$client.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the demo world matches what people and tests rely on", async () => {
    const db = openDatabase(":memory:");
    await seedDemoData(db);
    const rows = db.select({ name: counties.name, code: counties.code, short: counties.shortCode }).from(counties).all();
    expect(rows).toEqual([
      { name: "新晃侗族自治县", code: "431229", short: "XH" },
      { name: "天柱县", code: "522627", short: "TZ" },
      { name: "玉屏侗族自治县", code: "520622", short: "YP" },
      { name: "芷江侗族自治县", code: "431228", short: "ZJ" },
    ]);
    const usernames = db.select({ u: users.username }).from(users).all().map((r) => r.u);
    for (const c of ["xh", "tz", "yp", "zj"]) {
      for (const r of ["admin", "pl", "police", "mediator", "grid", "leader"]) expect(usernames).toContain(`${c}.${r}`);
    }
    const seeded = db.select().from(auditLog).all();
    expect(seeded.map((e) => e.action)).toContain("system.seed_demo");
    db.$client.close();
  });

  it("foreign keys are enforced", () => {
    const db = openDatabase(":memory:");
    expect(() =>
      db.insert(regions).values({ countyId: 999, level: "township", name: "无", createdAt: 0, updatedAt: 0 }).run(),
    ).toThrow(/FOREIGN KEY/);
    db.$client.close();
  });
});
