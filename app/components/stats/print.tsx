/** Printing the statistics page: A4, only the table and the charts (app/styles/print-stats.css). */
import { useT } from "~/i18n/use-t";
import { PrintButton } from "~/components/ui/print";

export function StatsPrintButton() {
  const t = useT();
  return <PrintButton label={t("stats.page.print")} testId="stats-print" />;
}
