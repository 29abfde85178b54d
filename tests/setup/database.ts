/**
 * Every test file runs against its own real SQLite database: a fresh file, migrated, removed
 * afterwards. Tests that need the demo world call `useDemoData()` from ./demo.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { closeDb } from "~/modules/db/connection.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-test-"));
process.env.DATABASE_PATH = path.join(dir, "test.sqlite");

afterAll(() => {
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});
