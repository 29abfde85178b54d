/**
 * Printable pages (the mediation agreement, the briefing pack, the statistics): a button that opens
 * the browser's print dialog — without JavaScript the browser's own Print prints the same page —
 * and the A4 rule that leaves only the sheet on paper, without the app around it.
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

/** A4 with the given margin; `.sheetClass` set in `fontSize`; `extra` rules inside the print media. */
export function printSheetCss(sheetClass: string, { margin, fontSize, extra = "" }: { margin: string; fontSize: string; extra?: string }): string {
  return `
@page { size: A4; margin: ${margin}; }
@media print {
  html, body { background: #fff !important; }
  main { max-width: none !important; padding: 0 !important; margin: 0 !important; }
  .${sheetClass} { font-size: ${fontSize}; }${extra}
}`;
}
