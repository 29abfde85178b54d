/**
 * The mediation agreement (调解协议书) as a document: on screen inside a sheet, on paper alone on A4
 * (the page's print styles hide everything else). Parties' details come already masked for viewers
 * without the right to read them, so the printout follows the same rule as the page.
 */
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { PrintButton } from "~/components/ui/print";

export interface AgreementDocumentData {
  record: { refNo: string; title: string; placeText: string; regionName: string | null };
  leadCountyName: string;
  committees: { id: number; name: string; level: string | null }[];
  parties: { id: number; name: string; countyName: string; village: string; phone: string; idNumber: string; masked: boolean }[];
  mediators: { userId: string; name: string; countyName: string }[];
  agreement: { facts: string; issues: string; terms: string; performance: string; signedOn: string };
}

/** 1 → 一 … 10 → 十; party numbers as Chinese documents write them. */
const CN_DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
function ordinal(n: number, locale: string): string {
  return locale === "zh-CN" && n <= 10 ? CN_DIGITS[n] : String(n);
}

function Section({ title, testId, children }: { title: string; testId: string; children: string }) {
  return (
    <section className="mt-5 break-inside-avoid-page">
      <h2 className="text-base font-semibold">{title}</h2>
      <p className="mt-1 whitespace-pre-wrap break-words leading-7 indent-8" data-testid={testId}>
        {children}
      </p>
    </section>
  );
}

function SignatureLine({ label, name }: { label: string; name: string }) {
  return (
    <div className="flex items-end gap-2 py-3" data-testid="agreement-signature">
      <span className="shrink-0">{label}</span>
      <span className="shrink-0 text-sm">{name}</span>
      <span className="min-w-20 flex-1 border-b border-slate-800" aria-hidden="true" />
    </div>
  );
}

export function AgreementDocument({ doc }: { doc: AgreementDocumentData }) {
  const t = useT();
  const { agreement } = doc;
  const field = (key: string) => t(`disputes.agreement.party.${key}` as MessageKey);
  const committeeNames = doc.committees.map((c) => c.name);
  return (
    <article
      className="agreement-sheet mx-auto max-w-[210mm] bg-white px-6 py-8 text-[15px] text-slate-900 shadow-sm ring-1 ring-slate-200 sm:px-12 print:max-w-none print:p-0 print:shadow-none print:ring-0"
      data-testid="agreement-document"
    >
      <header className="text-center">
        <p className="text-sm">{committeeNames.join("、") || t("disputes.agreement.noCommittee")}</p>
        <h1 className="mt-2 text-2xl font-bold tracking-[0.5em]">{t("disputes.agreement.title")}</h1>
        <p className="mt-2 text-right font-mono text-sm" data-testid="agreement-ref">
          {t("disputes.agreement.refNo", { refNo: doc.record.refNo })}
        </p>
      </header>

      <section className="mt-4 text-sm">
        <p>
          {t("disputes.agreement.committees")}：{committeeNames.join("、") || t("disputes.agreement.noCommittee")}
        </p>
        <p>{t("disputes.agreement.leadCounty", { county: doc.leadCountyName })}</p>
      </section>

      <section className="mt-5">
        <h2 className="text-base font-semibold">{t("disputes.agreement.parties")}</h2>
        <ol className="mt-1 space-y-2" data-testid="agreement-parties">
          {doc.parties.map((p, i) => (
            <li key={p.id} className="break-words leading-7" data-testid="agreement-party">
              <span className="font-medium">{t("disputes.agreement.partyLine", { n: ordinal(i + 1, t.locale) })}：</span>
              {p.name}；{field("county")}：{p.countyName}
              {p.village ? `；${field("village")}：${p.village}` : ""}
              {p.phone ? `；${field("phone")}：${p.phone}` : ""}
              {p.idNumber ? `；${field("idNumber")}：${p.idNumber}` : ""}
            </li>
          ))}
        </ol>
        {doc.parties.some((p) => p.masked) ? <p className="mt-1 text-xs text-slate-500">{t("disputes.agreement.maskedNote")}</p> : null}
      </section>

      <Section title={t("disputes.agreement.facts")} testId="agreement-facts">{agreement.facts}</Section>
      <Section title={t("disputes.agreement.issues")} testId="agreement-issues">{agreement.issues}</Section>
      <Section title={t("disputes.agreement.terms")} testId="agreement-terms">{agreement.terms}</Section>
      <Section title={t("disputes.agreement.performance")} testId="agreement-performance">{agreement.performance}</Section>
      <p className="mt-5 text-sm leading-6 indent-8">{t("disputes.agreement.closing")}</p>

      <section className="mt-8 break-inside-avoid-page" aria-label={t("disputes.agreement.signatures")}>
        <div className="grid grid-cols-1 gap-x-10 sm:grid-cols-2 print:grid-cols-2">
          <div>
            {doc.parties.map((p) => (
              <SignatureLine key={p.id} label={t("disputes.agreement.partySignature")} name={p.name} />
            ))}
          </div>
          <div>
            {doc.mediators.map((m) => (
              <SignatureLine key={m.userId} label={t("disputes.agreement.mediatorSignature")} name={`${m.name}（${m.countyName}）`} />
            ))}
          </div>
        </div>
        <div className="mt-8 grid grid-cols-1 gap-6 sm:grid-cols-2 print:grid-cols-2">
          {(doc.committees.length ? doc.committees.map((c) => t("disputes.agreement.seal", { committee: c.name })) : [t("disputes.agreement.sealGeneric")]).map(
            (seal) => (
              <div key={seal} className="flex min-h-28 flex-col items-center justify-center rounded border border-dashed border-slate-400 p-3 text-center text-sm" data-testid="agreement-seal">
                {seal}
              </div>
            ),
          )}
        </div>
        <p className="mt-6 text-right" data-testid="agreement-date">
          {t("disputes.agreement.signedOn")}：{t.date(agreement.signedOn)}
        </p>
      </section>
    </article>
  );
}

/** 打印: the browser's print dialog. Without JavaScript the browser's own Print prints the same page. */
export function AgreementPrintButton() {
  const t = useT();
  return <PrintButton label={t("disputes.agreement.print")} testId="agreement-print" />;
}
