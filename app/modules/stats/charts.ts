/**
 * The shapes of the statistics page's charts: monthly (or quarterly) trends of each workflow's
 * main figure, and breakdowns of the period by category and by township. Computed in
 * trends.server.ts and breakdowns.server.ts inside the access policy; drawn as plain SVG by
 * components/stats/ and written to the exports as extra sheets.
 */
import type { MessageKey, Translate } from "~/i18n";
import type { Workflow } from "~/modules/access/capabilities";

/** A month `YYYY-MM` or a quarter `YYYY-Qn`. */
export type Bucket = string;

export interface TrendSeries {
  workflow: Workflow;
  /** The figure the series counts (its label is `stats.figure.<name>`). */
  figure: string;
  values: number[];
}

export interface Trends {
  unit: "month" | "quarter";
  buckets: Bucket[];
  series: TrendSeries[];
}

export interface BreakdownRow {
  /** A vocabulary key (category kinds) or a township's name. */
  key: string;
  /** For townships: the county it lies in. */
  county?: string;
  value: number;
}

export interface Breakdown {
  /** `category` rows are labelled by the vocabulary `labelPrefix.<key>`; `township` rows by name. */
  kind: "category" | "township";
  workflow: Workflow;
  /** The figure counted (its label is `stats.figure.<name>`). */
  figure: string;
  labelPrefix?: string;
  rows: BreakdownRow[];
}

/** Township rows past this many are folded into one row `other`; records without a place are `none`. */
export const TOWNSHIP_ROWS = 10;
export const OTHER_TOWNSHIPS = "__other__";
export const NO_TOWNSHIP = "__none__";

/** `2026-03` → 3, `2025-Q2` → 2. */
export function bucketParts(bucket: Bucket): { year: number; month?: number; quarter?: number } {
  const [year, rest] = bucket.split("-");
  return rest.startsWith("Q") ? { year: Number(year), quarter: Number(rest.slice(1)) } : { year: Number(year), month: Number(rest) };
}

/** `2026年3月` / `Mar 2026`, `2025年第2季度` / `Q2 2025`. */
export function bucketLabel(t: Translate, bucket: Bucket): string {
  const { year, month, quarter } = bucketParts(bucket);
  return quarter ? t("stats.trend.quarter", { year, quarter }) : t("stats.trend.month", { year, month: month! });
}

/** A breakdown row's label: the vocabulary's word, the township's name, or 其他乡镇 / 未注明地点. */
export function breakdownRowLabel(t: Translate, breakdown: Breakdown, row: BreakdownRow): string {
  if (row.key === OTHER_TOWNSHIPS) return t("stats.breakdown.otherTownships");
  if (row.key === NO_TOWNSHIP) return t("stats.breakdown.noTownship");
  return breakdown.kind === "category" ? t(`${breakdown.labelPrefix}.${row.key}` as MessageKey) : row.key;
}
