/** Return visits (回访) of a resolved dispute: when, who, how, how the agreement is being performed. */
import { Card } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { useDisputeLabels } from "./dispute-badges";

export interface VisitItem {
  id: number;
  visitedOn: string;
  method: string;
  performance: string;
  visitedByName: string;
}

export function ReturnVisits({ visits }: { visits: VisitItem[] }) {
  const t = useT();
  const { methodLabel } = useDisputeLabels();
  if (visits.length === 0) return null;
  return (
    <Card title={t("disputes.visits.title")}>
      <ol className="space-y-2" data-testid="return-visits">
        {visits.map((v) => (
          <li key={v.id} className="text-sm">
            <p className="font-medium text-slate-900">{t.date(v.visitedOn)}</p>
            <p className="text-xs text-slate-500">{t("disputes.visits.by", { name: v.visitedByName, method: methodLabel(v.method) })}</p>
            <p className="mt-1 whitespace-pre-wrap text-slate-800">{v.performance}</p>
          </li>
        ))}
      </ol>
    </Card>
  );
}
