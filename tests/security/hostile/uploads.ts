/**
 * Uploads no one should accept as they are, and some that are fine: real files truncated or with
 * bytes flipped (which exercises the ZIP and OLE readers), random bytes behind a real signature,
 * scripts named .jpg, empty files, files over the size limit, too many files, and hostile names.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { fixtureBytes } from "../../fixtures/threads";
import { HOSTILE_STRINGS } from "./arbitraries";

export const FIXTURES = fs.readdirSync(path.resolve(import.meta.dirname, "../../fixtures/files")).sort();

const SIGNATURES: Record<string, number[]> = {
  pdf: [...Buffer.from("%PDF-1.7\n")],
  zip: [0x50, 0x4b, 0x03, 0x04],
  ole: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  jpeg: [0xff, 0xd8, 0xff, 0xe0],
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

export interface Upload {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

const fileName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FIXTURES) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS).map((s) => `${s}.jpg`) },
  { weight: 1, arbitrary: fc.constantFrom("现场照片.jpg", "‮gpj.exe", "../../etc/passwd.pdf", "a\u0000b.png", "CON.pdf", `${"长".repeat(300)}.pdf`, ".pdf", "noext", "x.PDF", "x.jpg.exe") },
);

const fixtureUpload = fc.constantFrom(...FIXTURES).map((name): Upload => ({ name, bytes: fixtureBytes(name) }));

/** Bytes of a real file, cut short or with a few bytes overwritten. */
const damaged = fc
  .tuple(fixtureUpload, fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), fc.boolean())
  .map(([f, cut, flips, truncate]) => {
    const bytes = truncate ? f.bytes.slice(0, Math.max(1, Math.floor(f.bytes.length * cut))) : f.bytes.slice();
    for (const [where, value] of flips) bytes[Math.floor(where * (bytes.length - 1))] = value;
    return { name: f.name, bytes };
  });

const signed = fc
  .tuple(fc.constantFrom(...Object.keys(SIGNATURES)), fc.uint8Array({ maxLength: 4096 }), fileName)
  .map(([kind, tail, name]): Upload => ({ name, bytes: new Uint8Array([...SIGNATURES[kind], ...tail]) }));

const script = fc
  .tuple(fc.constantFrom("<script>alert(1)</script>", "#!/bin/sh\nrm -rf /\n", "<html><body onload=alert(1)>", "MZ\u0090\u0000", "<?php system($_GET['c']); ?>"), fc.constantFrom("photo.jpg", "scan.pdf", "notes.docx", "x.png"))
  .map(([text, name]): Upload => ({ name, bytes: new Uint8Array(Buffer.from(text)) }));

/** Over the limit the test sets (ATTACHMENT_MAX_MB), with a real signature so only the size is wrong. */
export const OVERSIZE_BYTES = 70 * 1024;
const oversized = fc.constantFrom("jpeg", "pdf").map((kind): Upload => {
  const bytes = new Uint8Array(OVERSIZE_BYTES);
  bytes.set(SIGNATURES[kind]);
  return { name: kind === "jpeg" ? "大照片.jpg" : "大文件.pdf", bytes };
});

const empty = fileName.map((name): Upload => ({ name, bytes: new Uint8Array(0) }));

export const upload: fc.Arbitrary<Upload> = fc.oneof(
  { weight: 6, arbitrary: fixtureUpload },
  { weight: 1, arbitrary: fc.tuple(fixtureUpload, fileName).map(([f, name]) => ({ name, bytes: f.bytes })) },
  { weight: 4, arbitrary: damaged },
  { weight: 2, arbitrary: signed },
  { weight: 1, arbitrary: script },
  { weight: 1, arbitrary: oversized },
  { weight: 1, arbitrary: empty },
);

/** One to twelve files (ten is the most a message may carry). */
export const uploads = fc.oneof({ weight: 6, arbitrary: fc.array(upload, { minLength: 1, maxLength: 2 }) }, { weight: 1, arbitrary: fc.array(upload, { minLength: 9, maxLength: 12 }) });

export function asFiles(list: Upload[]): File[] {
  return list.map((u) => new File([u.bytes], u.name, { type: "application/octet-stream" }));
}

/** Every stored file (relative path → size), to prove a refused upload left none behind. */
export function storedFiles(dir: string): Map<string, number> {
  const found = new Map<string, number>();
  if (!fs.existsSync(dir)) return found;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    found.set(path.relative(dir, full), fs.statSync(full).size);
  }
  return found;
}
