/** Small pieces shown wherever a hazard appears: its status, severity, overdue flag. */
import { Badge } from "~/components/ui/feedback";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { isHazardAction, isHazardStatus, type HazardStatus } from "~/modules/hazards/machine";
import type { HazardSeverity } from "~/modules/hazards/vocabulary";

type Tone = "slate" | "green" | "amber" | "red" | "blue";

const STATUS_TONES: Record<HazardStatus, Tone> = {
  reported: "blue",
  verifying: "amber",
  rectifying: "amber",
  eliminated: "green",
  dismissed: "slate",
};

const SEVERITY_TONES: Record<HazardSeverity, Tone> = { general: "slate", major: "amber", serious: "red" };

/** Labels of the hazard workflow's states and steps, for the thread and the pages. */
export function useHazardLabels() {
  const t = useT();
  return {
    statusLabel: (status: string) => (isHazardStatus(status) ? t(`hazards.status.${status}`) : status),
    actionLabel: (action: string) => (isHazardAction(action) ? t(`hazards.action.${action}`) : action),
    categoryLabel: (category: string) => t(`hazards.category.${category}` as MessageKey),
    severityLabel: (severity: string) => t(`hazards.severity.${severity}` as MessageKey),
    sourceLabel: (source: string) => t(`hazards.source.${source}` as MessageKey),
  };
}

export function HazardStatusBadge({ status }: { status: string }) {
  const { statusLabel } = useHazardLabels();
  return (
    <span data-testid="hazard-status" data-status={status}>
      <Badge tone={isHazardStatus(status) ? STATUS_TONES[status] : "slate"}>{statusLabel(status)}</Badge>
    </span>
  );
}

export function SeverityBadge({ severity }: { severity: HazardSeverity }) {
  const { severityLabel } = useHazardLabels();
  return <Badge tone={SEVERITY_TONES[severity]}>{severityLabel(severity)}</Badge>;
}

export function OverdueBadge() {
  const t = useT();
  return (
    <span data-testid="hazard-overdue">
      <Badge tone="red">{t("hazards.overdue")}</Badge>
    </span>
  );
}
