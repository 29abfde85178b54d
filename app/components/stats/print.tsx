/** Printing the statistics page: A4, only the table, without the app around it. */
import { useT } from "~/i18n/use-t";

export function StatsPrintButton() {
  const t = useT();
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="inline-flex min-h-10 items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
      data-testid="stats-print"
    >
      {t("stats.page.print")}
    </button>
  );
}

/** A4 with 15 mm margins; tables are not split across a page inside a row. */
export const STATS_PRINT_CSS = `
@page { size: A4; margin: 15mm; }
@media print {
  html, body { background: #fff !important; }
  main { max-width: none !important; padding: 0 !important; margin: 0 !important; }
  .stats-sheet { font-size: 10.5pt; }
  .stats-sheet table { page-break-inside: auto; }
  .stats-sheet tr { page-break-inside: avoid; }
}`;
