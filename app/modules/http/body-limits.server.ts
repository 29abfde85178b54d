/**
 * How much a request may send, decided by the server for every route before anything parses the
 * body, and counted on the bytes actually read (a chunked body, which declares no length, too).
 *
 * Plain forms: PLAIN_FORM_BYTES. A multipart form to a route whose forms carry files (a record's
 * thread, a new report, notice or project): every file at its limit plus a megabyte for the fields. Past the
 * limit the server answers 413 and closes the connection; nothing of the body reaches a route.
 */
import { Transform, type Readable } from "node:stream";
import path from "node:path";
import { attachmentMaxMb, filesDirectory, MAX_FILES_PER_ENTRY } from "~/modules/records/attachments.server";
import type { FileLimits } from "~/modules/forms/read-form.server";
import { BodyTooLargeError } from "./too-large";

const MB = 1024 * 1024;

/**
 * A plain form: the longest text the portal takes (a pact's articles, 20,000 characters) is
 * 180 KB when percent-encoded (9 bytes a Chinese character); every other form is far smaller.
 */
export const PLAIN_FORM_BYTES = 256 * 1024;

/** Paths (without a single-fetch `.data` ending) whose forms may carry files. */
const FILE_ROUTES: readonly RegExp[] = [
  /^\/(hazards|notices|projects)\/new$/,
  /^\/(hazards|disputes|notices|patrols|projects|meetings)\/\d{1,15}$/,
  /^\/meetings\/actions\/\d{1,15}$/,
];

/** `/hazards/12.data` and `/hazards/12/` are the route of `/hazards/12`. */
export function routePath(pathname: string): string {
  const bare = pathname.replace(/\.data$/, "").replace(/\/+$/, "");
  return bare === "" ? "/" : bare;
}

export function acceptsFiles(pathname: string): boolean {
  const route = routePath(pathname);
  return FILE_ROUTES.some((pattern) => pattern.test(route));
}

/** Every file of one post at its largest, and a megabyte for the fields and the boundaries. */
export function uploadBodyBytes(): number {
  return MAX_FILES_PER_ENTRY * attachmentMaxMb() * MB + MB;
}

/** The most bytes a request to `pathname` may send; files come only in a multipart form. */
export function bodyLimitFor(pathname: string, contentType: string | undefined): number {
  const multipart = /^\s*multipart\/form-data\b/i.test(contentType ?? "");
  return multipart && acceptsFiles(pathname) ? uploadBodyBytes() : PLAIN_FORM_BYTES;
}

/** The file limits of a form that carries files: count, size, and where they wait on disk. */
export function uploadFileLimits(): FileLimits {
  return {
    maxFiles: MAX_FILES_PER_ENTRY,
    maxFileBytes: attachmentMaxMb() * MB,
    directory: path.join(filesDirectory(), "incoming"),
  };
}

/**
 * The body of `source` passed on as it arrives, until more than `limit` bytes came: then the
 * returned stream fails with BodyTooLargeError and `source` is left unread (the server lets the
 * rest go after answering).
 */
export function countedBody(source: Readable, limit: number): Readable {
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen <= limit) return done(null, chunk);
      source.unpipe(counter);
      done(new BodyTooLargeError(limit));
    },
  });
  source.on("error", (error) => counter.destroy(error));
  // The reader reports a failure through what it reads; a reader that gives up (a refused form)
  // destroys this stream with its reason, which must not be an unhandled error of the process.
  counter.on("error", () => undefined);
  return source.pipe(counter);
}
