/** Printing the statistics page: A4, only the table and the charts, without the app around it. */
import { useT } from "~/i18n/use-t";
import { PrintButton, printSheetCss } from "~/components/ui/print";

export function StatsPrintButton() {
  const t = useT();
  return <PrintButton label={t("stats.page.print")} testId="stats-print" />;
}

/** A4 with 15 mm margins; tables are not split across a page inside a row. */
export const STATS_PRINT_CSS = printSheetCss("stats-sheet", { margin: "15mm", fontSize: "10.5pt", extra: `
  .stats-sheet table { page-break-inside: auto; }
  .stats-sheet tr { page-break-inside: avoid; }
  .stats-sheet .stats-chart { break-inside: avoid; }
  .stats-sheet svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }` });
