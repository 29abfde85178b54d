/**
 * A table of notice figures: on a phone one card per row (name, then the numbers in a grid), from
 * the small breakpoint up a plain table. Both are rendered; CSS picks one.
 */
import { useT } from "~/i18n/use-t";

export interface NoticeFigureRowView {
  key: number | null;
  name: string | null;
  sent: number;
  received: number;
  medianSignMinutes: number | null;
  inTimeShare: number | null;
  medianResultMinutes: number | null;
  suspectsCaught: number;
  itemsRecovered: number;
}

const COLUMNS = ["sent", "received", "medianSign", "inTime", "medianResult", "suspectsCaught", "itemsRecovered"] as const;
type Column = (typeof COLUMNS)[number];

export function NoticeFiguresTable({ title, rows, total, noKeyLabel, testId }: { title: string; rows: NoticeFigureRowView[]; total: NoticeFigureRowView; noKeyLabel: string; testId: string }) {
  const t = useT();
  const duration = (minutes: number | null) => {
    if (minutes === null) return t("notices.figures.none");
    return minutes < 120 ? t("notices.figures.minutes", { minutes }) : t("notices.figures.hours", { hours: Math.round(minutes / 6) / 10 });
  };
  const cell = (row: NoticeFigureRowView, column: Column): string => {
    switch (column) {
      case "medianSign":
        return duration(row.medianSignMinutes);
      case "medianResult":
        return duration(row.medianResultMinutes);
      case "inTime":
        return row.inTimeShare === null ? t("notices.figures.none") : `${(row.inTimeShare * 100).toFixed(1)}%`;
      default:
        return String(row[column]);
    }
  };
  const all = [
    ...rows.map((r) => ({ row: r, label: r.name ?? noKeyLabel, isTotal: false })),
    { row: total, label: t("notices.figures.total"), isTotal: true },
  ];
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={testId}>
      <h2 className="mb-3 text-base font-semibold text-slate-900">{title}</h2>
      <ul className="space-y-3 sm:hidden">
        {all.map(({ row, label, isTotal }) => (
          <li key={isTotal ? "total" : String(row.key)} className={`rounded border p-3 ${isTotal ? "border-brand-200 bg-brand-50" : "border-slate-200"}`}>
            <p className="break-words font-medium">{label}</p>
            <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
              {COLUMNS.map((c) => (
                <div key={c} className="contents">
                  <dt className="text-slate-500">{t(`notices.figures.${c}`)}</dt>
                  <dd className="text-right tabular-nums">{cell(row, c)}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto sm:block">
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-500">
              <th scope="col" className="py-2 pr-3 font-medium">{t("notices.figures.name")}</th>
              {COLUMNS.map((c) => (
                <th key={c} scope="col" className="px-2 py-2 text-right font-medium">{t(`notices.figures.${c}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {all.map(({ row, label, isTotal }) => (
              <tr key={isTotal ? "total" : String(row.key)} className={isTotal ? "border-t-2 border-slate-300 font-semibold" : "border-b border-slate-100"} data-testid={isTotal ? "figures-total" : "figures-row"}>
                <th scope="row" className="break-words py-2 pr-3 text-left font-normal">{label}</th>
                {COLUMNS.map((c) => (
                  <td key={c} className="px-2 py-2 text-right tabular-nums" data-column={c}>{cell(row, c)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
