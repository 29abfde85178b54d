/**
 * The statistics table as a file: an .xlsx workbook (write-excel-file, decision 0008) or CSV
 * (UTF-8 with a BOM so that Excel reads the Chinese, CRLF line ends, every text quoted). Headers
 * and the sheet name are Chinese whatever the viewer's language: the files go into reports.
 */
import writeXlsxFile from "write-excel-file/node";
import { translator, type MessageKey } from "~/i18n";
import { contentDisposition } from "~/modules/records/attachments.server";
import type { Figure, PactFigures } from "./figures";

export const EXPORT_FORMATS = ["xlsx", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const SHEET_NAME = "工作统计";

type Cell = string | number | null;

interface Table {
  title: string;
  header: string[];
  rows: { cells: Cell[]; share: boolean }[];
}

/** The change against the previous period, as a number (null when either side is undefined). */
function changeOf(f: Figure): number | null {
  if (f.total === null || f.previousTotal === null) return null;
  return Math.round((f.total - f.previousTotal) * 1000) / 1000;
}

export function tableOf(data: PactFigures): Table {
  const t = translator("zh-CN");
  return {
    title: t("stats.export.title", { pact: data.pactTitle, from: data.period.from, to: data.period.to }),
    header: [
      t("stats.export.workflow"),
      t("stats.table.figure"),
      ...data.counties.map((c) => c.name),
      t("stats.table.total"),
      t("stats.export.previousTotal", { from: data.previousPeriod.from, to: data.previousPeriod.to }),
      t("stats.table.change"),
    ],
    rows: data.figures.map((f) => ({
      share: f.format === "share",
      cells: [
        t(`stats.workflow.${f.workflow}` as MessageKey),
        t(`stats.figure.${f.name}` as MessageKey),
        ...data.counties.map((c) => f.byCounty[c.id] ?? null),
        f.total,
        f.previousTotal,
        changeOf(f),
      ],
    })),
  };
}

const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

function csvValue(cell: Cell, share: boolean): string {
  if (cell === null) return "";
  if (typeof cell === "number") return share ? `${(cell * 100).toFixed(1)}%` : String(cell);
  return quote(cell);
}

export function csvOf(data: PactFigures): string {
  const table = tableOf(data);
  const lines = [
    quote(table.title),
    table.header.map(quote).join(","),
    ...table.rows.map((r) => r.cells.map((c) => csvValue(c, r.share)).join(",")),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function xlsxOf(data: PactFigures): Promise<Buffer> {
  const table = tableOf(data);
  const width = table.header.length;
  const sheet = [
    [{ value: table.title, fontWeight: "bold" as const, columnSpan: width }, ...Array.from({ length: width - 1 }, () => null)],
    table.header.map((h) => ({ value: h, fontWeight: "bold" as const })),
    ...table.rows.map((r) =>
      r.cells.map((c) =>
        c === null ? null : typeof c === "number" ? { value: c, type: Number, ...(r.share ? { format: "0.0%" } : {}) } : { value: c, type: String },
      ),
    ),
  ];
  const columns = table.header.map((_, i) => ({ width: i === 1 ? 26 : i === 0 ? 14 : 12 }));
  return writeXlsxFile(sheet, { sheet: SHEET_NAME, columns }).toBuffer();
}

/** 工作统计_<pact>_<from>_<to>.<ext>, with characters a file system dislikes replaced. */
export function exportFileName(data: PactFigures, format: ExportFormat): string {
  const pact = data.pactTitle.replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 60);
  return `${SHEET_NAME}_${pact}_${data.period.from}_${data.period.to}.${format}`;
}

export async function exportResponse(data: PactFigures, format: ExportFormat): Promise<Response> {
  const body = format === "xlsx" ? await xlsxOf(data) : Buffer.from(csvOf(data), "utf8");
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
      "Content-Length": String(body.byteLength),
      "Content-Disposition": contentDisposition("attachment", exportFileName(data, format)),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
