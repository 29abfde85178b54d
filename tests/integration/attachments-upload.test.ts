/**
 * Posting files with a thread message or internal note: stored by content, rows in the entry's
 * transaction, and any refused file refuses the whole post — no entry, no row, no file.
 */
import fs from "node:fs";
import { createHash } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import { storedFilePath } from "~/modules/records/attachments.server";
import { listThread } from "~/modules/records/thread.server";
import { expectStatus } from "./helpers/requests";
import { useDemoData, viewerOf } from "../setup/demo";
import {
  attachmentRows,
  entryCount,
  fixtureBytes,
  fixtureFile,
  openHazard,
  postFiles,
  postToThread,
  recordRow,
  storedFiles,
} from "../fixtures/threads";

useDemoData();

let hazard: number;
beforeAll(() => {
  hazard = openHazard();
});

afterEach(() => {
  delete process.env.ATTACHMENT_MAX_MB;
});

/** Runs a refused post and checks that it left nothing behind. */
async function expectNothingWritten(run: () => Promise<{ ok: boolean; errors?: Record<string, string> }>) {
  const entries = entryCount(hazard);
  const rows = attachmentRows(hazard).length;
  const files = storedFiles();
  const result = await run();
  expect(result.ok).toBe(false);
  expect(entryCount(hazard)).toBe(entries);
  expect(attachmentRows(hazard).length).toBe(rows);
  expect(storedFiles()).toEqual(files);
  return result.errors ?? {};
}

describe("accepted files", () => {
  it("stores a message's files by content, with rows naming the checked type", async () => {
    const { entryId, attachmentIds } = await postFiles("xh.grid", hazard, [
      fixtureFile("photo.jpg", "现场照片.jpg"),
      fixtureFile("report.pdf", "整改通知书.pdf"),
      fixtureFile("notes.docx", "核查记录.docx"),
    ]);
    expect(attachmentIds).toHaveLength(3);
    const rows = attachmentRows(hazard).filter((a) => a.entryId === entryId);
    expect(rows.map((r) => [r.fileName, r.mimeType, r.size])).toEqual([
      ["现场照片.jpg", "image/jpeg", fixtureBytes("photo.jpg").length],
      ["整改通知书.pdf", "application/pdf", fixtureBytes("report.pdf").length],
      ["核查记录.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", fixtureBytes("notes.docx").length],
    ]);
    for (const row of rows) {
      expect(row.recordId).toBe(hazard);
      expect(row.uploadedBy).toBe(viewerOf("xh.grid").userId);
      const file = storedFilePath(row.sha256);
      expect(file).toContain(`/files/${row.sha256.slice(0, 2)}/${row.sha256}`);
      expect(createHash("sha256").update(fs.readFileSync(file)).digest("hex")).toBe(row.sha256);
    }
    // Nothing left in the temporary folder.
    expect(storedFiles().filter((f) => f.startsWith("tmp"))).toEqual([]);
  });

  it("writes the same content once, however often it is posted", async () => {
    const before = storedFiles().length;
    await postFiles("xh.pl", hazard, [fixtureFile("photo.png", "a.png"), fixtureFile("photo.png", "b.png")]);
    await postFiles("tz.pl", hazard, [fixtureFile("photo.png", "c.png")]);
    expect(storedFiles().length).toBe(before + 1);
  });

  it("accepts files without a message text, and an internal note's files", async () => {
    const plain = await postToThread("xh.grid", hazard, { body: "", files: [fixtureFile("photo.gif")] });
    expect(plain.ok).toBe(true);
    const note = await postFiles("xh.pl", hazard, [fixtureFile("legacy.xls", "台账.xls")], { internal: true });
    expect(note.attachmentIds).toHaveLength(1);
  });

  it("audits the files with the message", async () => {
    const { entryId } = await postFiles("tz.grid", hazard, [fixtureFile("photo.webp", "现场.webp")]);
    const entry = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "thread.message"), eq(auditLog.entityId, String(hazard))))
      .orderBy(desc(auditLog.id))
      .get()!;
    const after = JSON.parse(entry.after!);
    expect(after.entryId).toBe(entryId);
    expect(after.attachments).toEqual([expect.objectContaining({ fileName: "现场.webp", mimeType: "image/webp" })]);
  });

  it("shows files under their entries, other counties' internal notes and their files left out", () => {
    const forXh = listThread(viewerOf("xh.grid"), recordRow(hazard));
    const forTz = listThread(viewerOf("tz.pl"), recordRow(hazard));
    const names = (entries: typeof forXh) => entries.flatMap((e) => e.attachments.map((a) => a.fileName));
    expect(names(forXh)).toContain("台账.xls");
    expect(names(forTz)).not.toContain("台账.xls");
    expect(names(forTz)).toContain("现场照片.jpg");
    expect(forXh.find((e) => e.attachments.some((a) => a.fileName === "现场照片.jpg"))?.attachments.map((a) => a.mimeType)).toEqual([
      "image/jpeg",
      "application/pdf",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]);
  });
});

describe("refused files: nothing is written at all", () => {
  it("a program named .jpg, with a Chinese message naming it", async () => {
    const errors = await expectNothingWritten(() =>
      postToThread("xh.grid", hazard, { body: "见附件", files: [fixtureFile("photo.jpg"), fixtureFile("disguised-exe.jpg", "现场照片.jpg")] }),
    );
    expect(errors.files).toContain("“现场照片.jpg”不是允许上传的文件类型");
    expect(errors.files).toContain("留言和附件均未发送");
  });

  it("a PDF named .png, saying what it really is", async () => {
    const errors = await expectNothingWritten(() =>
      postToThread("xh.grid", hazard, { body: "见附件", files: [fixtureFile("disguised-pdf.png", "照片.png")] }),
    );
    expect(errors.files).toContain("“照片.png”的扩展名与文件实际内容（PDF）不符");
  });

  it("names every refused file at once", async () => {
    const errors = await expectNothingWritten(() =>
      postToThread("xh.grid", hazard, {
        body: "见附件",
        files: [fixtureFile("macros.docx", "宏.docx"), fixtureFile("photo.png"), fixtureFile("disguised-docx.xlsx", "表.xlsx")],
      }),
    );
    expect(errors.files).toMatch(/“宏\.docx”.*；“表\.xlsx”/);
  });

  it("a file over ATTACHMENT_MAX_MB", async () => {
    process.env.ATTACHMENT_MAX_MB = "0.001"; // 1,048 bytes
    const big = new File([fixtureBytes("report.pdf"), new Uint8Array(2000)], "大文件.pdf");
    const errors = await expectNothingWritten(() => postToThread("xh.grid", hazard, { body: "见附件", files: [big] }));
    expect(errors.files).toContain("“大文件.pdf”超过 0.001 MB 的大小限制");
    // The same limit lets a small file through.
    expect((await postToThread("xh.grid", hazard, { body: "小图", files: [fixtureFile("photo.jpg")] })).ok).toBe(true);
  });

  it("more than ten files, and an empty file", async () => {
    const many = Array.from({ length: 11 }, (_, i) => fixtureFile("photo.png", `${i}.png`));
    expect((await expectNothingWritten(() => postToThread("xh.grid", hazard, { body: "x", files: many }))).files).toBe(
      "一次最多上传 10 个文件",
    );
    const empty = new File([], "空.pdf");
    expect((await expectNothingWritten(() => postToThread("xh.grid", hazard, { body: "x", files: [empty] }))).files).toContain(
      "“空.pdf”是空文件",
    );
  });

  it("a message error and a file error together", async () => {
    const errors = await expectNothingWritten(() =>
      postToThread("xh.grid", hazard, { body: "长".repeat(5001), files: [fixtureFile("page.pdf")] }),
    );
    expect(errors.body).toBeTruthy();
    expect(errors.files).toBeTruthy();
    expect((await expectNothingWritten(() => postToThread("xh.grid", hazard, { body: " " }))).body).toBe("请填写留言内容");
  });

  it("a role that may not write: 403 before any file is read", async () => {
    const entries = entryCount(hazard);
    const files = storedFiles();
    await expectStatus(postToThread("xh.leader", hazard, { body: "x", files: [fixtureFile("photo.jpg")] }), 403);
    expect(entryCount(hazard)).toBe(entries);
    expect(storedFiles()).toEqual(files);
  });

  it("a transaction that fails after the files were placed takes them away again", async () => {
    const client = getDb().$client;
    client.exec(`create temp trigger refuse_audit before insert on audit_log begin select raise(abort, 'refused'); end`);
    const unique = new File([fixtureBytes("report.pdf"), "\n% unique\n"], "独有.pdf");
    const files = storedFiles();
    const entries = entryCount(hazard);
    try {
      await expect(postToThread("xh.grid", hazard, { body: "x", files: [unique] })).rejects.toThrow(/refused/);
    } finally {
      client.exec("drop trigger refuse_audit");
    }
    expect(entryCount(hazard)).toBe(entries);
    expect(storedFiles()).toEqual(files);
  });
});
