/**
 * The pact page's card of sign-for deadlines (签收时限) by urgency: the values in force (own or
 * default). They are terms of the pact and change only through an amendment (see the pact's
 * amendment card), never from here.
 */
import { Card } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";

const URGENCIES = ["normal", "urgent", "critical"] as const;
type Urgency = (typeof URGENCIES)[number];

export interface DeadlineCardData {
  minutes: Record<Urgency, number>;
  own: Record<Urgency, boolean>;
}

export function DeadlineCard({ deadlines }: { deadlines: DeadlineCardData }) {
  const t = useT();
  return (
    <Card title={t("notices.deadlines.title")}>
      <div className="space-y-3" data-testid="notice-deadlines">
        <p className="text-sm text-slate-600">{t("notices.deadlines.intro")}</p>
        <dl className="grid grid-cols-3 gap-3 text-sm">
          {URGENCIES.map((u) => (
            <div key={u}>
              <dt className="text-slate-500">{t(`notices.deadlines.${u}`)}</dt>
              <dd className="font-medium tabular-nums">
                {t("notices.deadlines.value", { minutes: deadlines.minutes[u] })}
                <span className="ml-1 text-xs font-normal text-slate-500">
                  （{deadlines.own[u] ? t("notices.deadlines.own") : t("notices.deadlines.default")}）
                </span>
              </dd>
            </div>
          ))}
        </dl>
        <p className="text-xs text-slate-500">{t("notices.deadlines.byAmendment")}</p>
      </div>
    </Card>
  );
}
