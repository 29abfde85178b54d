/**
 * The handling of a hazard step by step (处置经过), read from the thread's events: who took which
 * step when, with the measures, deadline, responsible county and note that came with it.
 */
import { Card } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { isHazardAction } from "~/modules/hazards/machine";
import type { ThreadEntryView } from "~/modules/records/thread.server";
import { useHazardLabels } from "./hazard-badges";

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value : null);

export function HazardHistory({ entries }: { entries: ThreadEntryView[] }) {
  const t = useT();
  const { actionLabel } = useHazardLabels();
  const steps = entries.filter((e) => e.kind === "event" && isHazardAction(e.eventAction));
  return (
    <Card title={t("hazards.steps.title")}>
      {steps.length === 0 ? (
        <p className="text-sm text-slate-500">{t("hazards.steps.empty")}</p>
      ) : (
        <ol className="space-y-3 border-l-2 border-slate-200 pl-4">
          {steps.map((step) => {
            const p = step.payload ?? {};
            const deadlineDate = text(p.deadlineDate);
            const responsible = text(p.responsibleCountyName);
            return (
              <li key={step.id} className="text-sm" data-testid="hazard-step" data-action={step.eventAction}>
                <p className="font-medium text-slate-900">{actionLabel(step.eventAction ?? "")}</p>
                <p className="text-xs text-slate-500">
                  {t.dateTime(step.createdAt)} · {step.authorName ?? "—"}（{step.authorCountyName}）
                </p>
                {text(p.measures) ? <p className="mt-1 whitespace-pre-wrap text-slate-800">{text(p.measures)}</p> : null}
                {deadlineDate || responsible ? (
                  <p className="mt-1 text-slate-700">
                    {[deadlineDate && t("hazards.steps.deadline", { date: t.date(deadlineDate) }), responsible && t("hazards.steps.responsible", { county: responsible })]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                ) : null}
                {text(p.note) ? <p className="mt-1 whitespace-pre-wrap text-slate-700">{text(p.note)}</p> : null}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
