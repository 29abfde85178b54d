import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { auditActionLabel, auditEntityLabel } from "./labels";

export interface AuditEntryView {
  id: number;
  at: number;
  actorUserId: string | null;
  actorName: string;
  /** For an entry of another county that concerns this one: that county's name; else null. */
  fromCountyName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** Pretty-printed JSON, or null when the entry recorded none. */
  before: string | null;
  after: string | null;
  ip: string | null;
}

/** Where an audited object can be opened in the administration pages. */
function entityHref(entry: AuditEntryView): string | null {
  if (!entry.entityId || entry.action === "access.denied" || entry.action === "region.delete") return null;
  if (entry.entityType === "user") return `/admin/users/${entry.entityId}`;
  if (entry.entityType === "region") return `/admin/regions/${entry.entityId}`;
  return null;
}

function Changes({ entry }: { entry: AuditEntryView }) {
  const t = useT();
  if (!entry.before && !entry.after) {
    return <p className="text-xs text-slate-400">{t("admin.audit.noChanges")}</p>;
  }
  const block = (label: string, json: string | null) => (
    <div className="min-w-0">
      <p className="text-xs font-medium text-slate-500">{label}</p>
      <pre className="mt-1 max-h-60 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs text-slate-700">
        {json ?? t("admin.audit.none")}
      </pre>
    </div>
  );
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-700">{t("admin.audit.changes")}</summary>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {block(t("admin.audit.before"), entry.before)}
        {block(t("admin.audit.after"), entry.after)}
      </div>
    </details>
  );
}

/** Audit entries, newest first: one card per entry, its before/after folded away. */
export function AuditEntries({ entries }: { entries: AuditEntryView[] }) {
  const t = useT();
  return (
    <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="audit-entries">
      {entries.map((entry) => {
        const href = entityHref(entry);
        const actor = entry.actorUserId === null && entry.actorName === "system" ? t("admin.audit.system") : entry.actorName;
        return (
          <li key={entry.id} className="space-y-1 px-4 py-3 md:grid md:grid-cols-12 md:gap-3 md:space-y-0">
            <div className="text-xs text-slate-500 md:col-span-3 md:text-sm">
              <time dateTime={new Date(entry.at).toISOString()}>{t.dateTime(entry.at)}</time>
              <span className="ml-2 text-slate-400">#{entry.id}</span>
            </div>
            <div className="md:col-span-3">
              <Badge tone={entry.action === "access.denied" ? "red" : "blue"}>{auditActionLabel(entry.action, t)}</Badge>
              <p className="mt-1 text-sm text-slate-800">
                <span className="sr-only">{t("admin.audit.actor")}：</span>
                {actor}
              </p>
              {entry.fromCountyName !== null ? (
                <p className="text-xs font-medium text-red-700" data-testid="audit-from-county">
                  {t("admin.audit.fromCounty", { county: entry.fromCountyName || t("admin.audit.unknownCounty") })}
                </p>
              ) : null}
            </div>
            <div className="min-w-0 text-sm md:col-span-6">
              <p className="break-all text-slate-600">
                <span className="text-slate-500">{auditEntityLabel(entry.entityType, t)}</span>{" "}
                {entry.entityId ? (
                  href ? (
                    <Link to={href} className="font-mono text-xs text-brand-700 underline">
                      {entry.entityId}
                    </Link>
                  ) : (
                    <span className="font-mono text-xs">{entry.entityId}</span>
                  )
                ) : null}
                {entry.ip ? (
                  <span className="ml-2 text-xs text-slate-400">
                    {t("admin.audit.ip")} {entry.ip}
                  </span>
                ) : null}
              </p>
              <Changes entry={entry} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
