/**
 * A small valid one-page PDF (correct cross-reference table) standing in for a scanned plan
 * document, and storing it where uploads are stored (content-addressed, written once).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { storedFilePath } from "../../app/modules/records/attachments.server";

/** Latin-1 text only (the built-in Helvetica font); parentheses and backslashes escaped. */
function pdfString(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, "?").replace(/([()\\])/g, "\\$1");
}

export function planPdf(lines: readonly string[]): Buffer {
  const content = ["BT /F1 14 Tf 56 780 Td", ...lines.map((l, i) => `${i === 0 ? "" : "0 -22 Td "}(${pdfString(l)}) Tj`), "ET"].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** Stores the bytes content-addressed, as uploads are; returns what the attachment row needs. */
export function storeDemoFile(bytes: Buffer): { sha256: string; size: number } {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const target = storedFilePath(sha256);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes, { mode: 0o640 });
  }
  return { sha256, size: bytes.length };
}
