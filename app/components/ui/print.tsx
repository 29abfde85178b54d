/**
 * Printable pages (the mediation agreement, the briefing pack, the statistics): a button that opens
 * the browser's print dialog — without JavaScript the browser's own Print prints the same page.
 * The A4 rules that leave only the sheet on paper are stylesheets each page links
 * (app/styles/print-*.css).
 */

export function PrintButton({ label, testId }: { label: string; testId: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="inline-flex min-h-10 items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
      data-testid={testId}
    >
      {label}
    </button>
  );
}
