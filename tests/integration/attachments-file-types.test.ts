/**
 * The file-type table: what each sample file is found to be by its content, and whether its name
 * may carry it. Real small files from tests/fixtures/files (see make-fixtures.ts).
 */
import { describe, expect, it } from "vitest";
import {
  ACCEPT_ATTRIBUTE,
  checkFileType,
  compoundFileNames,
  detectFileType,
  extensionOf,
  FILE_TYPES,
  zipEntryNames,
  type FileType,
} from "~/modules/records/file-types";
import { sanitizeFileName } from "~/modules/records/attachments.server";
import { fixtureBytes } from "../fixtures/threads";

const DETECTED: [file: string, type: FileType | null][] = [
  ["photo.jpg", "jpeg"],
  ["photo.png", "png"],
  ["photo.gif", "gif"],
  ["photo.webp", "webp"],
  ["report.pdf", "pdf"],
  ["notes.docx", "docx"],
  ["sheet.xlsx", "xlsx"],
  ["slides.pptx", "pptx"],
  ["legacy.doc", "doc"],
  ["legacy.xls", "xls"],
  // Disguised: judged by content, whatever the name says.
  ["disguised-exe.jpg", null],
  ["disguised-pdf.png", "pdf"],
  ["disguised-docx.xlsx", "docx"],
  ["plain-archive.docx", null],
  ["macros.docx", null],
  ["installer.doc", null],
  ["page.pdf", null],
];

describe("detecting the type by content", () => {
  it.each(DETECTED)("%s is %s", (file, type) => {
    expect(detectFileType(fixtureBytes(file))).toBe(type);
  });

  it("reads the parts of containers", () => {
    expect(zipEntryNames(fixtureBytes("notes.docx"))).toEqual(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]);
    expect(compoundFileNames(fixtureBytes("legacy.doc"))).toEqual(["Root Entry", "WordDocument"]);
  });

  it("copes with nothing, truncated and broken containers", () => {
    expect(detectFileType(new Uint8Array())).toBeNull();
    expect(detectFileType(Uint8Array.from([0xff, 0xd8]))).toBeNull();
    const docx = fixtureBytes("notes.docx");
    expect(detectFileType(docx.subarray(0, docx.length - 30))).toBeNull();
    const doc = fixtureBytes("legacy.doc");
    expect(detectFileType(doc.subarray(0, 600))).toBeNull();
    const loop = Buffer.from(doc);
    loop.writeUInt32LE(1, 512 + 4); // the directory sector chains to itself
    expect(() => detectFileType(loop)).not.toThrow();
  });
});

describe("the name must agree with the content", () => {
  const CASES: [file: string, postedAs: string, outcome: "ok" | "unknownType" | "extensionMismatch"][] = [
    ["photo.jpg", "现场照片.JPG", "ok"],
    ["photo.jpg", "现场照片.jpeg", "ok"],
    ["photo.png", "photo.png", "ok"],
    ["report.pdf", "整改通知书.pdf", "ok"],
    ["notes.docx", "核查记录.docx", "ok"],
    ["legacy.xls", "台账.xls", "ok"],
    ["disguised-exe.jpg", "照片.jpg", "unknownType"],
    ["disguised-pdf.png", "照片.png", "extensionMismatch"],
    ["disguised-docx.xlsx", "表格.xlsx", "extensionMismatch"],
    ["photo.jpg", "photo.exe", "extensionMismatch"],
    ["photo.jpg", "photo", "extensionMismatch"],
    ["legacy.doc", "legacy.xls", "extensionMismatch"],
    ["macros.docx", "宏.docx", "unknownType"],
    ["page.pdf", "page.pdf", "unknownType"],
  ];
  it.each(CASES)("%s posted as %s: %s", (file, postedAs, outcome) => {
    const check = checkFileType(postedAs, fixtureBytes(file));
    expect(check.ok ? "ok" : check.problem).toBe(outcome);
  });

  it("gives the stored type from the content", () => {
    expect(checkFileType("a.pdf", fixtureBytes("report.pdf"))).toEqual({ ok: true, type: "pdf", mime: "application/pdf" });
    expect(checkFileType("a.png", fixtureBytes("report.pdf"))).toEqual({ ok: false, problem: "extensionMismatch", detected: "pdf" });
  });

  it("lists every accepted extension for the file picker", () => {
    for (const type of Object.values(FILE_TYPES)) for (const ext of type.extensions) expect(ACCEPT_ATTRIBUTE).toContain(`.${ext}`);
    expect(ACCEPT_ATTRIBUTE).toContain("image/*");
  });
});

describe("file names", () => {
  it.each([
    ["现场照片.jpg", "现场照片.jpg"],
    ["C:\\fakepath\\照片.jpg", "照片.jpg"],
    ["../../etc/passwd", "passwd"],
    ["报告\u202Egpj.exe", "报告_gpj.exe"],
    ['a"b<c>.pdf', "a_b_c_.pdf"],
    ["  .hidden.png ", "hidden.png"],
    ["", "file"],
    [`${"长".repeat(200)}.docx`, `${"长".repeat(115)}.docx`],
  ])("%j is stored as %j", (raw, stored) => {
    expect(sanitizeFileName(raw)).toBe(stored);
  });

  it("extensions are compared without case", () => {
    expect(extensionOf("A.JPG")).toBe("jpg");
    expect(extensionOf(".png")).toBe("");
    expect(extensionOf("noext")).toBe("");
  });
});
