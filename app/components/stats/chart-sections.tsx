/**
 * The statistics page below the figures table: the trend of each workflow's main figure, then its
 * breakdowns by category and by township, each chart with its numbers written beside it.
 */
import { formatDate, type MessageKey } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-t";
import { breakdownRowLabel, type Breakdown, type Trends } from "~/modules/stats/charts";
import { BarList, TrendChart } from "./charts";

function firstDayOf(bucket: string): string {
  const [year, rest] = bucket.split("-");
  const month = rest.startsWith("Q") ? (Number(rest.slice(1)) - 1) * 3 + 1 : Number(rest);
  return `${year}-${String(month).padStart(2, "0")}-01`;
}

export function TrendSection({ trends, to }: { trends: Trends; to: string }) {
  const t = useT();
  const locale = useLocale();
  const quarterly = trends.unit === "quarter";
  return (
    <section className="stats-charts space-y-3" data-testid="stats-trends">
      <div>
        <h3 className="text-base font-semibold text-slate-900">{t(quarterly ? "stats.trend.headingQuarterly" : "stats.trend.heading")}</h3>
        <p className="text-xs text-slate-600">
          {t(quarterly ? "stats.trend.windowQuarterly" : "stats.trend.window", {
            from: formatDate(firstDayOf(trends.buckets[0]), locale),
            to: formatDate(to, locale),
          })}
        </p>
      </div>
      {trends.series.length === 0 ? <p className="text-sm text-slate-600">{t("stats.trend.empty")}</p> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {trends.series.map((s) => (
          <TrendChart
            key={s.figure}
            testId={`trend-${s.workflow}`}
            title={`${t(`stats.workflow.${s.workflow}` as MessageKey)} · ${t(`stats.figure.${s.figure}` as MessageKey)}`}
            buckets={trends.buckets}
            values={s.values}
          />
        ))}
      </div>
    </section>
  );
}

export function BreakdownSection({ breakdowns }: { breakdowns: Breakdown[] }) {
  const t = useT();
  if (breakdowns.length === 0) return null;
  return (
    <section className="stats-charts space-y-3" data-testid="stats-breakdowns">
      <div>
        <h3 className="text-base font-semibold text-slate-900">{t("stats.breakdown.heading")}</h3>
        <p className="text-xs text-slate-600">{t("stats.breakdown.intro")}</p>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {breakdowns.map((b) => (
          <BarList
            key={`${b.kind}-${b.workflow}`}
            testId={`breakdown-${b.kind}-${b.workflow}`}
            title={t("stats.breakdown.chartTitle", {
              figure: t(`stats.figure.${b.figure}` as MessageKey),
              by: t(b.kind === "category" ? "stats.breakdown.byCategory" : "stats.breakdown.byTownship"),
            })}
            rows={b.rows.map((r) => ({ label: breakdownRowLabel(t, b, r), note: r.county, value: r.value }))}
            empty={t("stats.breakdown.none")}
          />
        ))}
      </div>
    </section>
  );
}
