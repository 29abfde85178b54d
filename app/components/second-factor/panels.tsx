import { useT } from "~/i18n/use-t";

/**
 * The QR code (an inline SVG made on the server, so the page policy need not allow image
 * sources) and the same secret as text, for typing it into the app by hand.
 */
export function EnrolmentQr({ qrSvg, secret }: { qrSvg: string; secret: string }) {
  const t = useT();
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">{t("sf.enrol.step1")}</p>
      <div
        role="img"
        aria-label={t("sf.qrLabel")}
        data-testid="sf-qr"
        className="mx-auto h-48 w-48 [&>svg]:h-full [&>svg]:w-full"
        // The SVG comes from the qrcode library on the server: paths only, no scripts or styles.
        dangerouslySetInnerHTML={{ __html: qrSvg }}
      />
      <p className="text-sm text-slate-700">{t("sf.enrol.manual")}</p>
      <p className="select-all break-all rounded bg-slate-100 px-3 py-2 text-center font-mono text-sm" data-testid="sf-secret">
        {secret}
      </p>
      <p className="text-sm text-slate-700">{t("sf.enrol.step2")}</p>
    </div>
  );
}

/** The ten recovery codes, shown once right after they are made. */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  const t = useT();
  return (
    <div className="space-y-3" data-testid="sf-recovery-codes">
      <h2 className="text-lg font-semibold">{t("sf.codes.title")}</h2>
      <p className="text-sm text-slate-700">{t("sf.codes.intro")}</p>
      <ol className="grid grid-cols-2 gap-2 rounded bg-slate-100 p-3 font-mono text-sm">
        {codes.map((code) => (
          <li key={code} className="select-all">
            {code}
          </li>
        ))}
      </ol>
    </div>
  );
}
