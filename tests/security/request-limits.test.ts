/**
 * One request must not stop the portal. Against the real production server (256 MB heap, as
 * `npm start` runs it): a form of 3 million empty fields and a single 300 MB field, streamed
 * without a declared length, to the sign-in page and to a record page that takes files; a body
 * declaring 2 GB; a multipart form with more fields or files than any real one. Each is refused
 * with 413 long before it is read whole, nothing is written, the process stays up within its
 * memory, and a user then signs in and posts as usual.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manyEmptyFields, oneHugeField, postStreamed } from "../../scripts/crash/oversized-bodies";
import {
  ensureProductionBuild,
  freePort,
  peakMemoryMb,
  removeServerBundle,
  startPortal,
  stopPortal,
  type RunningPortal,
} from "../../scripts/crash/portal-process";

const MB = 1024 * 1024;
let dir: string;
let portal: RunningPortal;
let base: string;
let databasePath: string;

const urlencoded = (origin: string, extra: Record<string, string> = {}) => ({
  "Content-Type": "application/x-www-form-urlencoded",
  Origin: origin,
  ...extra,
});

function query<T>(sql: string, ...args: unknown[]): T {
  const db = new Database(databasePath, { readonly: true });
  try {
    return db.prepare(sql).get(...args) as T;
  } finally {
    db.close();
  }
}

async function signIn(username: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: urlencoded(base),
    body: new URLSearchParams({ username, password: "demo-2026", redirectTo: "/" }),
  });
  expect(res.status, `sign-in of ${username}`).toBe(302);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("portal_session="));
  expect(cookie).toBeTruthy();
  return cookie!.split(";")[0];
}

function entriesOf(recordId: number): number {
  return query<{ n: number }>("select count(*) n from thread_entries where record_id = ?", recordId).n;
}

beforeAll(async () => {
  await ensureProductionBuild();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-limits-"));
  databasePath = path.join(dir, "portal.sqlite");
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  portal = await startPortal({ databasePath, port });
}, 120_000);

afterAll(async () => {
  if (portal) await stopPortal(portal, "SIGTERM");
  removeServerBundle();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function expectRefusedEarly(answer: { status: number | null; body: string; sent: number }, what: string, sentBelow: number) {
  expect(answer.status, `${what}: answered ${answer.status}`).toBe(413);
  expect(answer.body, `${what}: the refusal says why, in Chinese`).toMatch(/提交的内容过大/);
  expect(answer.sent, `${what}: the body was refused before it was sent whole`).toBeLessThan(sentBelow);
  expect(portal.child.exitCode, `${what}: the server is still running`).toBeNull();
}

describe("request limits before any parsing", () => {
  it("refuses 3 million empty fields and a 300 MB field at the sign-in page, and signs in afterwards", async () => {
    const fields = await postStreamed(`${base}/login`, manyEmptyFields(3_000_000), urlencoded(base));
    expectRefusedEarly(fields, "3 million fields to /login", 9 * MB);
    const huge = await postStreamed(`${base}/login`, oneHugeField(300), urlencoded(base));
    expectRefusedEarly(huge, "300 MB field to /login", 100 * MB);
    // A body declaring more than the route takes is not read at all.
    const declared = await postStreamed(`${base}/login`, [], urlencoded(base, { "Content-Length": String(2 * 1024 * MB) }));
    expectRefusedEarly(declared, "2 GB declared to /login", 2 * MB);
    await signIn("xh.pl");
  }, 120_000);

  it("refuses the same at a record page that takes files, writes nothing, and then takes a real post", async () => {
    const cookie = await signIn("xh.pl");
    const { id } = query<{ id: number }>(
      "select r.id from records r join counties c on c.id = r.owner_county_id where r.workflow = 'hazard' and c.short_code = 'XH' order by r.id limit 1",
    );
    const before = entriesOf(id);
    const headers = urlencoded(base, { Cookie: cookie });

    const fields = await postStreamed(`${base}/hazards/${id}`, manyEmptyFields(3_000_000), headers);
    expectRefusedEarly(fields, "3 million fields to a record page", 9 * MB);
    const huge = await postStreamed(`${base}/hazards/${id}`, oneHugeField(300, "body"), headers);
    expectRefusedEarly(huge, "300 MB field to a record page", 100 * MB);
    const declared = await postStreamed(`${base}/hazards/${id}`, [], { ...headers, "Content-Length": String(2 * 1024 * MB) });
    expectRefusedEarly(declared, "2 GB declared to a record page", 2 * MB);

    // Multipart: more fields than any form has, and more files than a post takes.
    const boundary = "----limits";
    const part = (name: string, value: string, file?: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"\r\nContent-Type: image/png` : ""}\r\n\r\n${value}\r\n`;
    const multipart = { ...headers, "Content-Type": `multipart/form-data; boundary=${boundary}` };
    function* manyParts(count: number, file: boolean) {
      yield Buffer.from(part("intent", "thread") + part("body", "攻击"));
      for (let i = 0; i < count; i++) yield Buffer.from(part(file ? "files" : `f${i}`, "x", file ? `${i}.png` : undefined));
      yield Buffer.from(`--${boundary}--\r\n`);
    }
    const manyFields = await postStreamed(`${base}/hazards/${id}`, manyParts(20_000, false), multipart);
    expectRefusedEarly(manyFields, "20,000 multipart fields", 4 * MB);
    const manyFiles = await postStreamed(`${base}/hazards/${id}`, manyParts(1_000, true), multipart);
    expect(manyFiles.status, "1,000 files in one post").toBe(413);

    expect(entriesOf(id), "nothing was written by a refused post").toBe(before);
    const stray = fs.readdirSync(path.join(dir, "files"), { recursive: true }).map(String).filter((f) => /\.(upload|part)$/.test(f));
    expect(stray, "no file of a refused post stays on disk").toEqual([]);

    // The portal goes on as usual: a message with a photo.
    const form = new FormData();
    form.set("intent", "thread");
    form.set("body", "限额之后的正常留言");
    form.append("files", new Blob([fs.readFileSync("tests/fixtures/files/photo.jpg")], { type: "image/jpeg" }), "现场.jpg");
    const ok = await fetch(`${base}/hazards/${id}`, { method: "POST", redirect: "manual", headers: { Cookie: cookie, Origin: base }, body: form });
    expect(ok.status).toBeLessThan(400);
    expect(entriesOf(id)).toBe(before + 1);
    expect(query<{ n: number }>("select count(*) n from attachments a join thread_entries e on e.id = a.entry_id where e.record_id = ? and a.file_name = '现场.jpg'", id).n).toBe(1);
  }, 180_000);

  it("stayed within its memory through all of it", () => {
    const peak = peakMemoryMb(portal);
    expect(peak, "the server's peak memory could be read").not.toBeNull();
    expect(peak!).toBeLessThan(400);
  });
});
