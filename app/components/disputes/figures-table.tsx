/**
 * A table of dispute figures: on a phone one card per row (name, then the numbers in a grid), from
 * the small breakpoint up a plain table. Both are rendered; CSS picks one.
 */
import { useT } from "~/i18n/use-t";

export interface FigureRowView {
  key: number | null;
  name: string | null;
  accepted: number;
  resolved: number;
  stabilised: number;
  failed: number;
  successRate: number | null;
  medianDays: number | null;
}

const COLUMNS = ["accepted", "resolved", "stabilised", "failed", "successRate", "medianDays"] as const;

export function FiguresTable({ title, rows, total, noKeyLabel, testId }: { title: string; rows: FigureRowView[]; total: FigureRowView; noKeyLabel: string; testId: string }) {
  const t = useT();
  const cell = (row: FigureRowView, column: (typeof COLUMNS)[number]): string => {
    if (column === "successRate") return row.successRate === null ? t("disputes.figures.none") : `${(row.successRate * 100).toFixed(1)}%`;
    if (column === "medianDays") return row.medianDays === null ? t("disputes.figures.none") : t("disputes.figures.days", { days: row.medianDays });
    return String(row[column]);
  };
  const nameOf = (row: FigureRowView) => row.name ?? noKeyLabel;
  const all = [...rows.map((r) => ({ row: r, label: nameOf(r), isTotal: false })), { row: total, label: t("disputes.figures.total"), isTotal: true }];
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={testId}>
      <h2 className="mb-3 text-base font-semibold text-slate-900">{title}</h2>
      <ul className="space-y-3 sm:hidden">
        {all.map(({ row, label, isTotal }) => (
          <li key={`${isTotal ? "total" : row.key}`} className={`rounded border p-3 ${isTotal ? "border-brand-200 bg-brand-50" : "border-slate-200"}`}>
            <p className="break-words font-medium">{label}</p>
            <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
              {COLUMNS.map((c) => (
                <div key={c} className="contents">
                  <dt className="text-slate-500">{t(`disputes.figures.${c}`)}</dt>
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
              <th scope="col" className="py-2 pr-3 font-medium">{t("disputes.figures.name")}</th>
              {COLUMNS.map((c) => (
                <th key={c} scope="col" className="px-2 py-2 text-right font-medium">{t(`disputes.figures.${c}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {all.map(({ row, label, isTotal }) => (
              <tr key={`${isTotal ? "total" : row.key}`} className={isTotal ? "border-t-2 border-slate-300 font-semibold" : "border-b border-slate-100"} data-testid={isTotal ? "figures-total" : "figures-row"}>
                <th scope="row" className="py-2 pr-3 text-left font-normal break-words">{label}</th>
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
