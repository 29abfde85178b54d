/** A pact's history: every step in time order, who took it for which county, and why. */
import { Alert } from "~/components/ui/feedback";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import type { PactDetail } from "~/modules/pacts/pacts.server";

const EVENT_LABELS: Record<string, MessageKey> = {
  propose: "pacts.event.propose",
  countersign: "pacts.event.countersign",
  activate: "pacts.event.activate",
  decline: "pacts.event.decline",
  suspend: "pacts.event.suspend",
  resume: "pacts.event.resume",
  request_resume: "pacts.event.request_resume",
  terminate: "pacts.event.terminate",
  amend_propose: "pacts.event.amend_propose",
  amend_countersign: "pacts.event.amend_countersign",
  amend_adopt: "pacts.event.amend_adopt",
  amend_decline: "pacts.event.amend_decline",
  amend_withdraw: "pacts.event.amend_withdraw",
};

/** Under a suspended pact's title: who suspended it (only they may lift it) and who asked them to. */
export function SuspensionNote({ history }: { history: PactDetail["history"] }) {
  const t = useT();
  const at = history.map((e) => e.action).lastIndexOf("suspend");
  if (at < 0) return null;
  const suspension = history[at];
  const askers = [...new Set(history.slice(at + 1).filter((e) => e.action === "request_resume").map((e) => e.countyName))];
  return (
    <Alert tone="warning">
      <span data-testid="suspension-note">
        {t("pacts.detail.suspendedBy", { county: suspension.countyName, time: t.dateTime(suspension.at) })}
        {askers.length > 0 ? ` ${t("pacts.detail.resumeAsked", { counties: askers.join(t("pacts.listSeparator")) })}` : null}
      </span>
    </Alert>
  );
}

export function PactHistory({ history }: { history: PactDetail["history"] }) {
  const t = useT();
  return (
    <ol className="space-y-3 border-l-2 border-slate-200 pl-4" data-testid="pact-history">
      {history.map((e) => (
        <li key={e.id} className="relative">
          <span className="absolute -left-[1.4rem] top-1.5 h-2.5 w-2.5 rounded-full bg-brand-600" aria-hidden />
          <p className="text-sm">
            <span className="font-medium text-slate-900">{EVENT_LABELS[e.action] ? t(EVENT_LABELS[e.action]) : e.action}</span>
            <span className="text-slate-600">
              {" · "}
              {e.countyName} {e.userName}
            </span>
          </p>
          <p className="text-xs text-slate-500">
            <time dateTime={new Date(e.at).toISOString()}>{t.dateTime(e.at)}</time>
          </p>
          {e.reason ? (
            <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-700">
              {t("pacts.history.reason", { reason: e.reason })}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
