/**
 * Hostile uploads: damaged, disguised, empty, oversized and too many files with hostile names,
 * posted to every form that takes files. A refused upload stores no file and no row; an accepted
 * one stores exactly the bytes sent, under a sanitised name, with the type its content shows.
 */
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FILE_TYPES } from "~/modules/records/file-types";
import { filesDirectory } from "~/modules/records/attachments.server";
import { getDb } from "~/modules/db/connection.server";
import { postMultipartAs, type FormFields } from "../integration/helpers/requests";
import { hostileText } from "./hostile/arbitraries";
import type { RouteKey } from "./isolation-routes";
import { count, expectSafeAnswer, fcParams, isRefusal, printSummaryAfterAll } from "./hostile/runner";
import { OVERSIZE_BYTES, asFiles, storedFiles, uploads, type Upload } from "./hostile/uploads";
import { useHostileWorld, world } from "./hostile/world";
import { fixtureBytes } from "../fixtures/threads";

useHostileWorld();
printSummaryAfterAll("uploads");

// The limit is read on each post: 64 KB here, so an oversized file stays cheap to build.
const previousLimit = process.env.ATTACHMENT_MAX_MB;
beforeAll(() => {
  process.env.ATTACHMENT_MAX_MB = String(64 / 1024);
});
afterAll(() => {
  if (previousLimit === undefined) delete process.env.ATTACHMENT_MAX_MB;
  else process.env.ATTACHMENT_MAX_MB = previousLimit;
});

const MIMES = new Set<string>(Object.values(FILE_TYPES).map((t) => t.mime));
const UNSAFE_IN_NAMES = /[\u0000-\u001f\u007f<>:"/\\|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

interface Target {
  route: RouteKey;
  username: string;
  field: string;
  path: () => string;
  params: () => Record<string, string>;
  fields: () => FormFields;
}

const recordTarget = (route: RouteKey, segment: string, param: string, workflow: string, username: string): Target => ({
  route,
  username,
  field: "files",
  path: () => `/${segment}/${world.visible[workflow][0]}`,
  params: () => ({ [param]: String(world.visible[workflow][0]) }),
  fields: () => ({ intent: "thread" }),
});

const TARGETS: Target[] = [
  recordTarget("hazards.$hazardId", "hazards", "hazardId", "hazard", "xh.pl"),
  recordTarget("disputes.$disputeId", "disputes", "disputeId", "dispute", "xh.mediator"),
  recordTarget("notices.$noticeId", "notices", "noticeId", "notice", "xh.police"),
  recordTarget("patrols.$patrolId", "patrols", "patrolId", "patrol", "xh.police"),
  recordTarget("meetings.$meetingId", "meetings", "meetingId", "meeting", "xh.pl"),
  recordTarget("projects.$projectId", "projects", "projectId", "project", "xh.pl"),
  {
    route: "hazards.new",
    username: "xh.grid",
    field: "files",
    path: () => "/hazards/new",
    params: () => ({}),
    fields: () => ({ title: "上传测试隐患", category: "fire", severity: "general", source: "grid_sweep", description: "附照片", pactId: String(world.xhPacts[0]) }),
  },
  {
    route: "projects.new",
    username: "xh.pl",
    field: "plan",
    path: () => "/projects/new",
    params: () => ({}),
    fields: () => ({ title: "上传测试项目" }),
  },
];

function attachmentRowsAfter(lastId: number) {
  return getDb().$client.prepare("select id, size, mime_type, file_name from attachments where id > ? order by id").all(lastId) as {
    id: number;
    size: number;
    mime_type: string;
    file_name: string;
  }[];
}

const lastAttachmentId = () => (getDb().$client.prepare("select coalesce(max(id), 0) as id from attachments").get() as { id: number }).id;

describe("hostile input: uploads", () => {
  for (const target of TARGETS) {
    it(`${target.route}: a refused upload stores nothing; an accepted one stores exactly what was sent`, async () => {
      await fc.assert(
        fc.asyncProperty(uploads, fc.option(hostileText, { nil: undefined }), async (files: Upload[], body) => {
          const dir = filesDirectory();
          const before = storedFiles(dir);
          const lastId = lastAttachmentId();
          const fields = { ...target.fields(), ...(body === undefined ? {} : { body, description: body }) };
          const request = await postMultipartAs(target.username, target.path(), fields, { [target.field]: asFiles(files) });
          const { answer } = await expectSafeAnswer(`${target.route} with ${files.map((f) => `${JSON.stringify(f.name).slice(0, 40)} (${f.bytes.length} B)`).join(", ")}`, target.route, "action", request, target.params());
          const after = storedFiles(dir);
          const rows = attachmentRowsAfter(lastId);
          if (isRefusal(answer) || rows.length === 0) {
            expect([...after.keys()].filter((k) => !before.has(k)), "files left behind").toEqual([]);
            expect(rows).toEqual([]);
            return;
          }
          // Accepted: the rows match the files sent, one by one, and the stored bytes are the sent bytes.
          expect(rows.length).toBe(files.length);
          expect(files.every((f) => f.bytes.length > 0 && f.bytes.length < OVERSIZE_BYTES), "an empty or oversized file got in").toBe(true);
          for (const [i, row] of rows.entries()) {
            expect(row.size).toBe(files[i].bytes.length);
            expect(MIMES.has(row.mime_type), row.mime_type).toBe(true);
            expect(row.file_name).not.toMatch(UNSAFE_IN_NAMES);
            expect(row.file_name.length).toBeLessThanOrEqual(120);
          }
          expect(after.size).toBeGreaterThanOrEqual(before.size);
          expect([...after.keys()].some((k) => k.startsWith(`tmp${path.sep}`)), "staged files left behind").toBe(false);
          count("uploads stored", rows.length);
        }),
        // A clean photo first, so that every run also stores files and checks what was stored.
        { ...fcParams(15), examples: [[[{ name: "photo.jpg", bytes: fixtureBytes("photo.jpg") }], "现场照片"]] } as fc.Parameters<[Upload[], string | undefined]>,
      );
    });
  }
});
