/**
 * What an uploaded file really is, decided by its content: the first bytes (magic numbers) and,
 * for the two container formats, the parts inside — a ZIP is a Word/Excel/PowerPoint document
 * only with `[Content_Types].xml` and a `word/`, `xl/` or `ppt/` part; an OLE compound file is a
 * .doc/.xls/.ppt only with a `WordDocument`, `Workbook`/`Book` or `PowerPoint Document` stream.
 * The file name's extension must then agree with what was found. No Node imports: the composer
 * reads the accept list from here too.
 */

/** At most this many files per message or note, each at most ATTACHMENT_MAX_MB (default 20) MB. */
export const MAX_FILES_PER_ENTRY = 10;
export const DEFAULT_ATTACHMENT_MAX_MB = 20;

export const FILE_TYPES = {
  jpeg: { mime: "image/jpeg", extensions: ["jpg", "jpeg"], label: "JPG" },
  png: { mime: "image/png", extensions: ["png"], label: "PNG" },
  gif: { mime: "image/gif", extensions: ["gif"], label: "GIF" },
  webp: { mime: "image/webp", extensions: ["webp"], label: "WebP" },
  pdf: { mime: "application/pdf", extensions: ["pdf"], label: "PDF" },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"], label: "Word (docx)" },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"], label: "Excel (xlsx)" },
  pptx: { mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", extensions: ["pptx"], label: "PowerPoint (pptx)" },
  doc: { mime: "application/msword", extensions: ["doc"], label: "Word (doc)" },
  xls: { mime: "application/vnd.ms-excel", extensions: ["xls"], label: "Excel (xls)" },
  ppt: { mime: "application/vnd.ms-powerpoint", extensions: ["ppt"], label: "PowerPoint (ppt)" },
} as const;

export type FileType = keyof typeof FILE_TYPES;

const IMAGE_MIMES: readonly string[] = ["image/jpeg", "image/png", "image/gif", "image/webp"];

/** Images show as thumbnails; images and PDF may be opened in the browser (inline). */
export function isImageMime(mime: string): boolean {
  return IMAGE_MIMES.includes(mime);
}

export function mayShowInline(mime: string): boolean {
  return isImageMime(mime) || mime === "application/pdf";
}

/**
 * For `<input type="file" accept>`: extensions and types. `image/*` lets phones offer the camera
 * as well as the gallery (iOS then hands over JPEG, not HEIC); the server decides anyway.
 */
export const ACCEPT_ATTRIBUTE = [
  "image/*",
  ...Object.values(FILE_TYPES).flatMap((t) => t.extensions.map((e) => `.${e}`)),
  ...Object.values(FILE_TYPES).map((t) => t.mime),
]
  .filter((v, i, all) => all.indexOf(v) === i)
  .join(",");

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The signature table: first bytes → type (containers are looked into below). */
const SIGNATURES: { type: FileType | "zip" | "ole"; bytes: number[]; at?: number; also?: { bytes: number[]; at: number } }[] = [
  { type: "jpeg", bytes: [0xff, 0xd8, 0xff] },
  { type: "png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "gif", bytes: ascii("GIF87a") },
  { type: "gif", bytes: ascii("GIF89a") },
  { type: "webp", bytes: ascii("RIFF"), also: { bytes: ascii("WEBP"), at: 8 } },
  { type: "pdf", bytes: ascii("%PDF-") },
  { type: "zip", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { type: "ole", bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
];

/** The type of a file's content, or null when it is none of the accepted ones. */
export function detectFileType(bytes: Uint8Array): FileType | null {
  const hit = SIGNATURES.find((s) => startsWith(bytes, s.bytes, s.at) && (!s.also || startsWith(bytes, s.also.bytes, s.also.at)));
  if (!hit) return null;
  if (hit.type === "zip") return officeOpenXmlType(bytes);
  if (hit.type === "ole") return compoundFileType(bytes);
  return hit.type;
}

function officeOpenXmlType(bytes: Uint8Array): FileType | null {
  const names = zipEntryNames(bytes);
  if (!names || !names.includes("[Content_Types].xml")) return null;
  // Macro-enabled documents (docm, xlsm, pptm) are not accepted, whatever their name says.
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return null;
  if (names.some((n) => n.startsWith("word/"))) return "docx";
  if (names.some((n) => n.startsWith("xl/"))) return "xlsx";
  if (names.some((n) => n.startsWith("ppt/"))) return "pptx";
  return null;
}

function compoundFileType(bytes: Uint8Array): FileType | null {
  const names = compoundFileNames(bytes);
  if (!names) return null;
  if (names.includes("WordDocument")) return "doc";
  if (names.includes("Workbook") || names.includes("Book")) return "xls";
  if (names.includes("PowerPoint Document")) return "ppt";
  return null;
}

/** Entry names from a ZIP's central directory (found through its end record); null if broken. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let end = bytes.length - 22; end >= lowest; end--) {
    if (view.getUint32(end, true) !== 0x06054b50) continue;
    const count = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    const names: string[] = [];
    const decoder = new TextDecoder();
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
      const nameLength = view.getUint16(at + 28, true);
      const rest = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
      if (at + 46 + nameLength > bytes.length) return null;
      names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
      at += 46 + rest;
    }
    return names;
  }
  return null;
}

const END_OF_CHAIN = 0xfffffffa; // sector numbers at or above this are markers, not sectors

/** Names in an OLE compound file's directory (following the FAT chain); null if broken. */
export function compoundFileNames(bytes: Uint8Array): string[] | null {
  if (bytes.length < 512) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(30, true);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  const offsetOf = (sector: number) => (sector + 1) * size;
  const inFile = (sector: number) => sector < END_OF_CHAIN && offsetOf(sector) + size <= bytes.length;

  // Where the FAT lives: 109 sector numbers in the header, the rest in a chain of DIFAT sectors.
  const fatCount = view.getUint32(44, true);
  const fat: number[] = [];
  for (let i = 0; i < 109 && fat.length < fatCount; i++) fat.push(view.getUint32(76 + i * 4, true));
  let difat = view.getUint32(68, true);
  for (let guard = 0; fat.length < fatCount && inFile(difat) && guard < 1024; guard++) {
    const at = offsetOf(difat);
    for (let i = 0; i < size / 4 - 1 && fat.length < fatCount; i++) fat.push(view.getUint32(at + i * 4, true));
    difat = view.getUint32(at + size - 4, true);
  }
  const perSector = size / 4;
  const next = (sector: number): number => {
    const fatSector = fat[Math.floor(sector / perSector)];
    if (fatSector === undefined || !inFile(fatSector)) return END_OF_CHAIN;
    return view.getUint32(offsetOf(fatSector) + (sector % perSector) * 4, true);
  };

  const names: string[] = [];
  const decoder = new TextDecoder("utf-16le");
  let sector = view.getUint32(48, true);
  for (let guard = 0; sector < END_OF_CHAIN && guard < 4096; guard++) {
    if (!inFile(sector)) return null;
    const start = offsetOf(sector);
    for (let entry = start; entry < start + size; entry += 128) {
      const length = view.getUint16(entry + 64, true);
      if (bytes[entry + 66] === 0 || length < 2 || length > 64) continue;
      names.push(decoder.decode(bytes.subarray(entry, entry + length - 2)));
    }
    sector = next(sector);
  }
  return names;
}

/** The lower-case extension of a file name, without the dot ("" when there is none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot <= 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

export type FileCheck =
  | { ok: true; type: FileType; mime: string }
  | { ok: false; problem: "unknownType" }
  | { ok: false; problem: "extensionMismatch"; detected: FileType };

/** Whether `bytes` are an accepted type and `fileName`'s extension agrees with it. */
export function checkFileType(fileName: string, bytes: Uint8Array): FileCheck {
  const type = detectFileType(bytes);
  if (!type) return { ok: false, problem: "unknownType" };
  const extensions: readonly string[] = FILE_TYPES[type].extensions;
  if (!extensions.includes(extensionOf(fileName))) return { ok: false, problem: "extensionMismatch", detected: type };
  return { ok: true, type, mime: FILE_TYPES[type].mime };
}
