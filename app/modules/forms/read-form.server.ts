/**
 * The posted form of a request, read as a stream with limits counted while reading: at most
 * MAX_FORM_FIELDS fields of at most MAX_FIELD_BYTES each, and (only where a route takes files)
 * a number of files written to disk as they arrive, never held whole in memory. A form past a
 * limit is refused with 413 before the rest is read; a body that is not a form (no or another
 * Content-Type, a multipart body without its boundary or cut short) is the client's mistake: 400.
 *
 * The server refuses a body larger than the route allows before any of this (see
 * modules/http/body-limits.server.ts); this is the second fence, for fields and files.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import { removerForThisRequest } from "~/modules/http/request-scope.server";
import { isBodyTooLarge, payloadTooLarge } from "~/modules/http/too-large";

/** More than the largest form of the portal has (a meeting's minutes with its decisions). */
export const MAX_FORM_FIELDS = 1000;
/** One field's text: the longest text the portal takes (20,000 characters) in UTF-8, with room. */
export const MAX_FIELD_BYTES = 64 * 1024;

export interface FileLimits {
  /** Files accepted in one form; more is refused as too large. */
  maxFiles: number;
  /** Bytes kept of one file: a longer file is cut at this length plus one, so it reads as too large. */
  maxFileBytes: number;
  /** Where arriving files are written (removed when the request ends). */
  directory: string;
}

const badRequest = () => new Response("Bad Request", { status: 400 });

/** Reads the form; `files` only for the routes that accept uploads (others ignore file parts). */
export async function readFormData(request: Request, files?: FileLimits): Promise<FormData> {
  const contentType = request.headers.get("Content-Type");
  if (!contentType || !request.body) throw badRequest();
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      limits: {
        fields: MAX_FORM_FIELDS,
        fieldSize: MAX_FIELD_BYTES,
        fieldNameSize: 200,
        files: files?.maxFiles ?? 0,
        fileSize: files ? files.maxFileBytes + 1 : 0,
        parts: MAX_FORM_FIELDS + (files?.maxFiles ?? 0),
      },
    });
  } catch {
    throw badRequest(); // neither multipart with a boundary nor urlencoded
  }

  const removeLater = removerForThisRequest();
  const form = new FormData();
  /** Files in the order they came, appended once each is on disk. */
  const order: { name: string; file: File | null }[] = [];
  const writes: Promise<void>[] = [];
  const targets: string[] = [];
  let tooLarge = false;
  const refuse = () => {
    tooLarge = true;
    parser.destroy(new Error("form over its limits"));
  };

  parser.on("field", (name, value, info) => {
    if (info.nameTruncated || info.valueTruncated) return refuse();
    form.append(name, value);
  });
  parser.on("file", (name, stream, info) => {
    if (!files) return stream.resume();
    const fileName = info.filename ?? "";
    const type = info.mimeType || "application/octet-stream";
    fs.mkdirSync(files.directory, { recursive: true });
    const target = path.join(files.directory, `${randomUUID()}.upload`);
    removeLater(target);
    targets.push(target);
    const slot = { name, file: null as File | null };
    order.push(slot);
    const written = pipeline(stream, fs.createWriteStream(target, { mode: 0o600 })).then(async () => {
      const blob = await fs.openAsBlob(target, { type });
      slot.file = new File([blob], fileName, { type });
    });
    written.catch(() => undefined); // a failed form fails below, whatever its files did
    writes.push(written);
  });
  parser.on("fieldsLimit", refuse);
  parser.on("partsLimit", refuse);
  parser.on("filesLimit", () => (files ? refuse() : undefined));

  try {
    await pipeline(Readable.fromWeb(request.body as import("node:stream/web").ReadableStream), parser);
    await Promise.all(writes);
  } catch (error) {
    // A refused form keeps nothing: wait for its files to settle, then remove them at once.
    await Promise.allSettled(writes);
    for (const target of targets) fs.rmSync(target, { force: true });
    if (tooLarge || isBodyTooLarge(error)) throw payloadTooLarge();
    throw badRequest();
  }
  if (tooLarge) throw payloadTooLarge();
  for (const { name, file } of order) if (file) form.append(name, file);
  return form;
}
