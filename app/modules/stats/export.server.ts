/**
 * A statistics view as a file: an .xlsx workbook (write-excel-file, decision 0008) with three
 * sheets — 工作统计 (the figures table), 趋势 (the trend series) and 分类与乡镇 (the breakdowns) —
 * or CSV with the same three tables one after another (UTF-8 with a BOM so that Excel and WPS read
 * the Chinese, CRLF line ends, every text quoted). Headers and sheet names are Chinese whatever
 * the viewer's language: the files go into reports.
 */
import writeXlsxFile from "write-excel-file/node";
import { translator, type MessageKey } from "~/i18n";
import { fileResponseHeaders } from "~/modules/http/security-headers.server";
import { contentDisposition } from "~/modules/records/attachments.server";
import { breakdownRowLabel, bucketLabel } from "./charts";
import type { Figure, WorkFigures } from "./figures";
import type { StatsView } from "./page.server";

export const EXPORT_FORMATS = ["xlsx", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const SHEET_NAME = "工作统计";
export const TREND_SHEET = "趋势";
export const BREAKDOWN_SHEET = "分类与乡镇";

type Cell = string | number | null;

interface Table {
  sheet: string;
  title: string;
  header: string[];
  rows: { cells: Cell[]; share: boolean }[];
}

const t = translator("zh-CN");

/** The change against the previous period, as a number (null when either side is undefined). */
function changeOf(f: Figure): number | null {
  if (f.total === null || f.previousTotal === null) return null;
  return Math.round((f.total - f.previousTotal) * 1000) / 1000;
}

function figuresTable(data: WorkFigures): Table {
  return {
    sheet: SHEET_NAME,
    title: t("stats.export.title", { pact: data.title, from: data.period.from, to: data.period.to }),
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

function trendTable(view: StatsView): Table {
  const { trends } = view;
  return {
    sheet: TREND_SHEET,
    title: t(trends.unit === "quarter" ? "stats.trend.titleQuarterly" : "stats.trend.title", { scope: view.figures.title }),
    header: [t("stats.export.workflow"), t("stats.table.figure"), ...trends.buckets.map((b) => bucketLabel(t, b)), t("stats.table.total")],
    rows: trends.series.map((s) => ({
      share: false,
      cells: [t(`stats.workflow.${s.workflow}` as MessageKey), t(`stats.figure.${s.figure}` as MessageKey), ...s.values, s.values.reduce((a, b) => a + b, 0)],
    })),
  };
}

function breakdownTable(view: StatsView): Table {
  const { period } = view.figures;
  return {
    sheet: BREAKDOWN_SHEET,
    title: t("stats.breakdown.exportTitle", { scope: view.figures.title, from: period.from, to: period.to }),
    header: [t("stats.export.workflow"), t("stats.table.figure"), t("stats.breakdown.by"), t("stats.breakdown.item"), t("stats.breakdown.county"), t("stats.breakdown.count")],
    rows: view.breakdowns.flatMap((b) =>
      b.rows.map((r) => ({
        share: false,
        cells: [
          t(`stats.workflow.${b.workflow}` as MessageKey),
          t(`stats.figure.${b.figure}` as MessageKey),
          t(b.kind === "category" ? "stats.breakdown.byCategory" : "stats.breakdown.byTownship"),
          breakdownRowLabel(t, b, r),
          r.county ?? "",
          r.value,
        ],
      })),
    ),
  };
}

export function tablesOf(view: StatsView): Table[] {
  return [figuresTable(view.figures), trendTable(view), breakdownTable(view)];
}

const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

/**
 * Text a spreadsheet would take for a formula (=, +, -, @, a tab or a carriage return first) is
 * written with a leading apostrophe, so that a pact title such as `=HYPERLINK(…)` opens as text.
 */
const inert = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

function csvValue(cell: Cell, share: boolean): string {
  if (cell === null) return "";
  if (typeof cell === "number") return share ? `${(cell * 100).toFixed(1)}%` : String(cell);
  return quote(inert(cell));
}

/** The three tables one after another, each with its title row, an empty line between them. */
export function csvOf(view: StatsView): string {
  const blocks = tablesOf(view).map((table) =>
    [quote(inert(table.title)), table.header.map((h) => quote(inert(h))).join(","), ...table.rows.map((r) => r.cells.map((c) => csvValue(c, r.share)).join(","))].join("\r\n"),
  );
  return `\uFEFF${blocks.join("\r\n\r\n")}\r\n`;
}

function sheetOf(table: Table) {
  const width = table.header.length;
  const data = [
    [{ value: table.title, fontWeight: "bold" as const, columnSpan: width }, ...Array.from({ length: width - 1 }, () => null)],
    table.header.map((h) => ({ value: h, fontWeight: "bold" as const })),
    ...table.rows.map((r) =>
      r.cells.map((c) =>
        c === null ? null : typeof c === "number" ? { value: c, type: Number, ...(r.share ? { format: "0.0%" } : {}) } : { value: c, type: String },
      ),
    ),
  ];
  const columns = table.header.map((_, i) => ({ width: i === 1 ? 26 : i === 0 ? 14 : 12 }));
  return { data, sheet: table.sheet, columns };
}

export async function xlsxOf(view: StatsView): Promise<Buffer> {
  return writeXlsxFile(tablesOf(view).map(sheetOf)).toBuffer();
}

/** 工作统计_<协议或县>_<from>_<to>.<ext>, with characters a file system dislikes replaced. */
export function exportFileName(data: WorkFigures, format: ExportFormat): string {
  const scope = data.title.replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 60);
  return `${SHEET_NAME}_${scope}_${data.period.from}_${data.period.to}.${format}`;
}

export async function exportResponse(view: StatsView, format: ExportFormat): Promise<Response> {
  const body = format === "xlsx" ? await xlsxOf(view) : Buffer.from(csvOf(view), "utf8");
  return new Response(new Uint8Array(body), {
    headers: {
      ...fileResponseHeaders(
        format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
        contentDisposition("attachment", exportFileName(view.figures, format)),
      ),
      "Content-Length": String(body.byteLength),
    },
  });
}
