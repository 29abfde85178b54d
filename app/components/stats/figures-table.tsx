/**
 * A pact's figures (工作统计): one table per workflow, a row per figure, a column per member
 * county, the pact's total and the change against the previous period. Wide tables scroll inside
 * their box on a phone; on paper they print whole.
 */
import type { MessageKey } from "~/i18n";
import { formatDate } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-t";
import type { Figure, WorkFigures } from "~/modules/stats/figures";

function useFormat() {
  const t = useT();
  return (figure: Pick<Figure, "format">, value: number | null): string => {
    if (value === null) return t("stats.table.none");
    switch (figure.format) {
      case "share":
        return `${(value * 100).toFixed(1)}%`;
      case "minutes":
        return value < 120 ? t("stats.table.minutes", { minutes: Math.round(value) }) : t("stats.table.hours", { hours: Math.round(value / 6) / 10 });
      case "days":
        return value.toFixed(1);
      default:
        return value.toLocaleString("zh-CN");
    }
  };
}

function change(figure: Figure): string {
  if (figure.previousTotal === null || figure.total === null) return "";
  const delta = figure.total - figure.previousTotal;
  if (figure.format === "share") {
    const points = Math.round(delta * 1000) / 10;
    return points === 0 ? "±0" : `${points > 0 ? "+" : ""}${points}%`;
  }
  const rounded = Math.round(delta * 10) / 10;
  return rounded === 0 ? "±0" : `${rounded > 0 ? "+" : ""}${rounded.toLocaleString("zh-CN")}`;
}

export function FiguresTable({ data }: { data: WorkFigures }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const workflows = [...new Set(data.figures.map((f) => f.workflow))];
  return (
    <div className="space-y-3" data-testid="pact-figures">
      <p className="text-xs text-slate-600">
        {t("stats.table.period", {
          from: formatDate(data.period.from, locale),
          to: formatDate(data.period.to, locale),
          prevFrom: formatDate(data.previousPeriod.from, locale),
          prevTo: formatDate(data.previousPeriod.to, locale),
        })}
      </p>
      {workflows.length === 0 && <p className="text-sm text-slate-600">{t("stats.table.empty")}</p>}
      {workflows.map((workflow) => (
        <div key={workflow} className="overflow-x-auto print:overflow-visible">
          <table className="w-full min-w-[28rem] table-fixed border-collapse text-sm" data-workflow={workflow}>
            <caption className="py-1 text-left font-semibold text-slate-900">{t(`stats.workflow.${workflow}` as MessageKey)}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left text-xs text-slate-600">
                <th scope="col" className="w-2/5 py-1 pr-2 font-medium">{t("stats.table.figure")}</th>
                {data.counties.map((c) => (
                  <th key={c.id} scope="col" className="px-2 py-1 text-right font-medium">{c.name}</th>
                ))}
                <th scope="col" className="px-2 py-1 text-right font-medium">{t("stats.table.total")}</th>
                <th scope="col" className="py-1 pl-2 text-right font-medium">{t("stats.table.change")}</th>
              </tr>
            </thead>
            <tbody>
              {data.figures
                .filter((f) => f.workflow === workflow)
                .map((f) => (
                  <tr key={f.name} className="border-b border-slate-100" data-figure={f.name}>
                    <th scope="row" className="py-1 pr-2 text-left font-normal">{t(`stats.figure.${f.name}` as MessageKey)}</th>
                    {data.counties.map((c) => (
                      <td key={c.id} className="px-2 py-1 text-right tabular-nums">{format(f, f.byCounty[c.id] ?? null)}</td>
                    ))}
                    <td className="px-2 py-1 text-right font-semibold tabular-nums" data-total>{format(f, f.total)}</td>
                    <td className="py-1 pl-2 text-right text-xs tabular-nums text-slate-600">{change(f)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
