/**
 * The statistics page's charts, drawn as plain SVG on the server (no script, print as they are):
 * a column chart for a trend, with each number above its column, and a bar list for a breakdown,
 * with each number beside its bar. Columns keep a readable width: on a phone a long trend scrolls
 * sideways inside its box instead of shrinking its text (the SVG's own width is that least width,
 * and it grows to fill its box; no style attribute, which the page policy refuses).
 */
import { useT } from "~/i18n/use-t";
import { bucketParts, type Bucket } from "~/modules/stats/charts";

const COLUMN = 44;
const PLOT = 120;
const TOP = 18;
const AXIS = 34;

export function TrendChart({ title, buckets, values, testId }: { title: string; buckets: Bucket[]; values: number[]; testId?: string }) {
  const t = useT();
  const max = Math.max(1, ...values);
  const width = buckets.length * COLUMN;
  const height = TOP + PLOT + AXIS;
  return (
    <figure className="stats-chart min-w-0 space-y-1" data-testid={testId}>
      <figcaption className="text-sm font-medium text-slate-900">{title}</figcaption>
      <div className="overflow-x-auto print:overflow-visible">
        <svg viewBox={`0 0 ${width} ${height}`} width={buckets.length * 34} role="img" aria-label={title} className="block min-w-full">
          <line x1={0} x2={width} y1={TOP + PLOT} y2={TOP + PLOT} className="stroke-slate-300" strokeWidth={1} />
          {buckets.map((bucket, i) => {
            const value = values[i] ?? 0;
            const h = Math.round((value / max) * PLOT);
            const x = i * COLUMN;
            const { year, month, quarter } = bucketParts(bucket);
            const firstOfYear = i === 0 || (month ?? quarter) === 1;
            return (
              <g key={bucket} data-bucket={bucket} data-value={value}>
                <title>{t("stats.chart.valueLabel", { label: bucket, value })}</title>
                <rect x={x + 8} y={TOP + PLOT - h} width={COLUMN - 16} height={h} className="fill-brand-600" />
                <text x={x + COLUMN / 2} y={TOP + PLOT - h - 4} textAnchor="middle" fontSize={12} className="fill-slate-800 tabular-nums">{value}</text>
                <text x={x + COLUMN / 2} y={TOP + PLOT + 14} textAnchor="middle" fontSize={11} className="fill-slate-600">
                  {quarter ? t("stats.trend.quarterShort", { quarter }) : t("stats.trend.monthShort", { month: month! })}
                </text>
                {firstOfYear ? (
                  <text x={x + COLUMN / 2} y={TOP + PLOT + 28} textAnchor="middle" fontSize={10} className="fill-slate-500">{year}</text>
                ) : null}
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}

export interface BarRow {
  label: string;
  note?: string;
  value: number;
}

export function BarList({ title, rows, empty, testId }: { title: string; rows: BarRow[]; empty: string; testId?: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <figure className="stats-chart min-w-0 space-y-1" data-testid={testId}>
      <figcaption className="text-sm font-medium text-slate-900">{title}</figcaption>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="space-y-1">
          {rows.map((row) => (
            <li key={`${row.label}|${row.note ?? ""}`} className="grid grid-cols-[7.5rem_1fr_3.5rem] items-center gap-2 text-sm sm:grid-cols-[10rem_1fr_4rem]" data-row={row.label} data-value={row.value}>
              <span className="truncate" title={row.note ? `${row.label}（${row.note}）` : row.label}>
                {row.label}
                {row.note ? <span className="ml-1 text-xs text-slate-500">{row.note}</span> : null}
              </span>
              <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="block h-3.5 w-full" aria-hidden="true">
                <rect x={0} y={0} width={(row.value / max) * 100} height={10} className="fill-brand-600" />
              </svg>
              <span className="text-right tabular-nums text-slate-800">{row.value.toLocaleString("zh-CN")}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
