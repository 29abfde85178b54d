import { spawn } from "node:child_process";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { records } from "~db/schema";
import { databasePath, getDb, writeTransaction } from "~/modules/db/connection.server";
import { createRecord } from "~/modules/records/create.server";
import { lastSequence, nextReferenceNumber, yearInChina } from "~/modules/records/references.server";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";

useDemoData();

const ROOT = path.resolve(import.meta.dirname, "../..");

function runCreator(env: Record<string, string>): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["--tsconfig", "tsconfig.json", "tests/setup/concurrent-creator.ts"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: databasePath(), ...env },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => (code === 0 ? resolve(out.trim().split("\n")) : reject(new Error(err))));
  });
}

describe("reference numbers", () => {
  it("look like XH-YH-2026-0001 and count per county, workflow and year", () => {
    const db = getDb();
    const at = Date.UTC(2031, 5, 1);
    const xh = { id: countyIdOf("XH"), shortCode: "XH" };
    const tz = { id: countyIdOf("TZ"), shortCode: "TZ" };
    const refs = db.transaction((tx) => [
      nextReferenceNumber(tx, xh, "hazard", at),
      nextReferenceNumber(tx, xh, "hazard", at),
      nextReferenceNumber(tx, xh, "dispute", at),
      nextReferenceNumber(tx, tz, "hazard", at),
      nextReferenceNumber(tx, xh, "hazard", Date.UTC(2032, 0, 1)),
    ]);
    expect(refs).toEqual(["XH-YH-2031-0001", "XH-YH-2031-0002", "XH-TJ-2031-0001", "TZ-YH-2031-0001", "XH-YH-2032-0001"]);
  });

  it("the year is Beijing's: 31 December 17:00 UTC is already the next year", () => {
    expect(yearInChina(Date.UTC(2030, 11, 31, 16, 30))).toBe(2031);
    expect(yearInChina(Date.UTC(2030, 11, 31, 15, 30))).toBe(2030);
  });

  it("a rolled-back creation gives its number back: no gaps", () => {
    const viewer = viewerOf("tz.pl");
    const year = yearInChina(Date.now());
    const before = lastSequence(getDb(), viewer.countyId, "patrol", year);
    expect(() =>
      writeTransaction((tx) => {
        createRecord(tx, viewer, { workflow: "patrol", pactId: null, title: "回滚", description: "", regionId: null, placeText: "", status: "planned" });
        throw new Error("abandon");
      }),
    ).toThrow("abandon");
    expect(lastSequence(getDb(), viewer.countyId, "patrol", year)).toBe(before);
    const ok = writeTransaction((tx) =>
      createRecord(tx, viewer, { workflow: "patrol", pactId: null, title: "正式", description: "", regionId: null, placeText: "", status: "planned" }),
    );
    expect(ok.ok && ok.refNo.endsWith(`-${String(before + 1).padStart(4, "0")}`)).toBe(true);
  });

  it("four processes creating at once get unique numbers without gaps", async () => {
    const viewer = viewerOf("xh.police");
    const year = yearInChina(Date.now());
    const start = lastSequence(getDb(), viewer.countyId, "hazard", year);
    const pactId = String(pactIdBetween("XH", "TZ"));
    const batches = await Promise.all(
      [0, 1, 2, 3].map(() => runCreator({ COUNT: "25", USERNAME_TO_USE: "xh.police", PACT_ID: pactId })),
    );
    const refs = batches.flat();
    expect(refs).toHaveLength(100);
    expect(new Set(refs).size).toBe(100);
    const sequences = refs.map((r) => Number(r.split("-").at(-1))).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 100 }, (_, i) => start + i + 1));
    const stored = getDb().select({ refNo: records.refNo }).from(records).where(eq(records.ownerCountyId, viewer.countyId)).all();
    for (const ref of refs) expect(stored.map((s) => s.refNo)).toContain(ref);
  }, 60_000);
});
