/**
 * Files on thread entries. An upload is checked whole before anything is written (count, size,
 * type by content, extension agreeing with the type); accepted files are staged to temporary
 * files outside the database lock, then moved into place — content-addressed under
 * `<database dir>/files/<2 hex>/<sha256>`, written once — inside the transaction that inserts the
 * thread entry and the attachment rows. If that transaction fails, what it placed is removed.
 */
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { attachments, records, threadEntries } from "~db/schema";
import type { Translate } from "~/i18n";
import { denial, visibleRecordsFilter } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { databasePath, getDb, type Tx } from "~/modules/db/connection.server";
import { fileResponseHeaders } from "~/modules/http/security-headers.server";
import {
  checkFileType,
  DEFAULT_ATTACHMENT_MAX_MB,
  extensionOf,
  FILE_TYPES,
  MAX_FILES_PER_ENTRY,
  mayShowInline,
} from "./file-types";
import { removeWhenRequestEnds } from "~/modules/http/request-scope.server";
import { readableEntries } from "./thread.server";

export { MAX_FILES_PER_ENTRY } from "./file-types";

/** The size limit per file in MB: ATTACHMENT_MAX_MB, else 20. Read on every call. */
export function attachmentMaxMb(): number {
  const mb = Number(process.env.ATTACHMENT_MAX_MB);
  return Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_ATTACHMENT_MAX_MB;
}

export function attachmentLimits() {
  return { maxFiles: MAX_FILES_PER_ENTRY, maxMb: attachmentMaxMb() };
}

/** Where stored files live: next to the database file. */
export function filesDirectory(): string {
  return path.join(path.dirname(path.resolve(databasePath())), "files");
}

export function storedFilePath(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("not a SHA-256 digest");
  return path.join(filesDirectory(), sha256.slice(0, 2), sha256);
}

const UNSAFE_IN_NAMES = /[\u0000-\u001f\u007f<>:"/\\|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file name safe to store and to send back: no directories, control or bidirectional-override
 * characters (which make `exe.jpg` out of `gpj.exe`), nor characters Windows refuses; at most
 * 120 characters, keeping the extension.
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.normalize("NFC").split(/[\\/]/).pop() ?? "";
  let name = base.replace(UNSAFE_IN_NAMES, "_").replace(/\s+/g, " ").trim().replace(/^[.\s]+/, "");
  if (name.length > 120) {
    const ext = extensionOf(name);
    const keep = ext && ext.length < 10 ? `.${ext}` : "";
    name = name.slice(0, 120 - keep.length) + keep;
  }
  return name || "file";
}

/** The files a form posted under `field`; an empty file input posts one nameless empty File. */
export function uploadedFiles(formData: FormData, field = "files"): File[] {
  return formData
    .getAll(field)
    .filter((v): v is File => typeof v !== "string" && !(v.size === 0 && v.name === ""));
}

/** A file that passed the checks, already written to a temporary file beside the store. */
export interface AcceptedFile {
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  tempPath: string;
}

export type UploadCheck = { ok: true; files: AcceptedFile[] } | { ok: false; error: string };

/**
 * Writes checked content to a temporary file (flushed to disk) beside the store, where it waits to
 * be moved into place; removed when the request ends if it was not.
 */
export function stageAcceptedFile(fileName: string, mimeType: string, bytes: Uint8Array): AcceptedFile {
  const tmp = path.join(filesDirectory(), "tmp");
  fs.mkdirSync(tmp, { recursive: true });
  const tempPath = path.join(tmp, `${randomUUID()}.part`);
  removeWhenRequestEnds(tempPath);
  const fd = fs.openSync(tempPath, "wx", 0o640);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { fileName, mimeType, size: bytes.length, sha256, tempPath };
}

/**
 * Checks every file; one refused file refuses the whole upload, naming each refused file. Files
 * are read one at a time (they arrive on disk), checked, staged and let go.
 */
export async function checkUploads(files: readonly File[], t: Translate): Promise<UploadCheck> {
  if (files.length > MAX_FILES_PER_ENTRY) {
    return { ok: false, error: t("thread.files.tooMany", { max: MAX_FILES_PER_ENTRY }) };
  }
  const maxMb = attachmentMaxMb();
  const problems: string[] = [];
  const accepted: AcceptedFile[] = [];
  for (const file of files) {
    const fileName = sanitizeFileName(file.name);
    if (file.size === 0) {
      problems.push(t("thread.files.empty", { name: fileName }));
      continue;
    }
    if (file.size > maxMb * 1024 * 1024) {
      problems.push(t("thread.files.tooLarge", { name: fileName, max: maxMb }));
      continue;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const check = checkFileType(fileName, bytes);
    if (!check.ok) {
      problems.push(
        check.problem === "unknownType"
          ? t("thread.files.unknownType", { name: fileName })
          : t("thread.files.mismatch", { name: fileName, actual: FILE_TYPES[check.detected].label }),
      );
      continue;
    }
    if (problems.length === 0) accepted.push(stageAcceptedFile(fileName, check.mime, bytes));
  }
  if (problems.length > 0) {
    for (const file of accepted) fs.rmSync(file.tempPath, { force: true });
    return { ok: false, error: t("thread.files.refused", { problems: problems.join(t("thread.files.separator")) }) };
  }
  return { ok: true, files: accepted };
}

/** Accepted files waiting to be moved into place. */
export interface StagedUpload {
  files: readonly AcceptedFile[];
  /** Final paths this upload created (not those that held the same content already). */
  placed: string[];
}

export function stageFiles(files: readonly AcceptedFile[]): StagedUpload {
  return { files, placed: [] };
}

/**
 * Moves staged files to their content address (atomic rename); content already stored is kept
 * as it is. Call inside the write transaction, whose lock serialises placements.
 */
export function placeStagedFiles(staged: StagedUpload): void {
  for (const file of staged.files) {
    const target = storedFilePath(file.sha256);
    if (fs.existsSync(target)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(file.tempPath, target);
    staged.placed.push(target);
  }
}

/** Removes leftover temporary files (always) and, after a failed transaction, what was placed. */
export function discardStaged(staged: StagedUpload, { placedToo = false } = {}): void {
  for (const file of staged.files) fs.rmSync(file.tempPath, { force: true });
  if (placedToo) for (const placed of staged.placed) fs.rmSync(placed, { force: true });
}

/** Inserts the attachment rows of a new entry (in its transaction); returns what the audit keeps. */
export function insertAttachments(tx: Tx, viewer: Viewer, recordId: number, entryId: number, files: readonly AcceptedFile[]) {
  const now = Date.now();
  return files.map((f) => {
    const { id } = tx
      .insert(attachments)
      .values({ entryId, recordId, sha256: f.sha256, size: f.size, mimeType: f.mimeType, fileName: f.fileName, uploadedBy: viewer.userId, createdAt: now })
      .returning({ id: attachments.id })
      .get();
    return { id, fileName: f.fileName, mimeType: f.mimeType, size: f.size, sha256: f.sha256 };
  });
}

export interface VisibleAttachment {
  id: number;
  recordId: number;
  entryId: number;
  sha256: string;
  size: number;
  mimeType: string;
  fileName: string;
}

/**
 * An attachment the viewer may download: its record passes the access policy and its entry is
 * readable (another county's internal note is not), in one query. Null when missing or hidden.
 */
export function findVisibleAttachment(viewer: Viewer, attachmentId: number): VisibleAttachment | null {
  if (!Number.isSafeInteger(attachmentId)) return null;
  return (
    getDb()
      .select({
        id: attachments.id,
        recordId: attachments.recordId,
        entryId: attachments.entryId,
        sha256: attachments.sha256,
        size: attachments.size,
        mimeType: attachments.mimeType,
        fileName: attachments.fileName,
      })
      .from(attachments)
      .innerJoin(threadEntries, and(eq(threadEntries.id, attachments.entryId), eq(threadEntries.recordId, attachments.recordId)))
      .innerJoin(records, eq(records.id, attachments.recordId))
      .where(and(eq(attachments.id, attachmentId), visibleRecordsFilter(viewer), readableEntries(viewer)))
      .get() ?? null
  );
}

/** The attachment, or the same 404 (and the same recorded denial) whether missing or hidden. */
export function requireVisibleAttachment(viewer: Viewer, rawId: string | undefined): VisibleAttachment {
  const id = rawId && /^\d{1,15}$/.test(rawId) ? Number(rawId) : null;
  const attachment = id === null ? null : findVisibleAttachment(viewer, id);
  if (attachment) return attachment;
  denial(viewer, "attachment", id, "view");
  throw new Response("Not Found", { status: 404 });
}

/** `attachment` or `inline`, with an ASCII fallback name and the real one per RFC 5987/6266. */
export function contentDisposition(disposition: "inline" | "attachment", fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]+/g, "_").replace(/["\\%;]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Streams a stored file: its checked type, its length, a download (or, with ?inline=1, images and
 * PDF shown in the browser), never sniffed, sandboxed, and never stored by the browser — files
 * hold parties' and suspects' personal data, and a shared office computer must keep none of it
 * in its cache after sign-out (a page opened again downloads it again).
 */
export function attachmentResponse(attachment: VisibleAttachment, request: Request): Response {
  const inline = new URL(request.url).searchParams.get("inline") === "1" && mayShowInline(attachment.mimeType);
  const file = storedFilePath(attachment.sha256);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    console.error(`attachment ${attachment.id}: stored file ${attachment.sha256} is missing`);
    throw new Response("Internal Server Error", { status: 500 });
  }
  const etag = `"${attachment.sha256}"`;
  const headers = new Headers({
    ...fileResponseHeaders(attachment.mimeType, contentDisposition(inline ? "inline" : "attachment", attachment.fileName)),
    ETag: etag,
  });
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  headers.set("Content-Length", String(size));
  return new Response(createReadableStreamFromReadable(fs.createReadStream(file)), { status: 200, headers });
}
