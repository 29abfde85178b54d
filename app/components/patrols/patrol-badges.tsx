/** Small pieces shown wherever a patrol appears: status and kind in words, the time window. */
import { Badge } from "~/components/ui/feedback";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { PATROL_ACTIONS, PATROL_STATUSES, type PatrolStatus } from "~/modules/patrols/machine";

type Tone = "slate" | "green" | "amber" | "red" | "blue";
const STATUS_TONES: Record<PatrolStatus, Tone> = { planned: "blue", in_progress: "amber", completed: "green", cancelled: "slate" };

export function usePatrolLabels() {
  const t = useT();
  return {
    statusLabel: (s: string) => ((PATROL_STATUSES as readonly string[]).includes(s) ? t(`patrols.status.${s}` as MessageKey) : s),
    actionLabel: (a: string) =>
      a === "create" || a === "finding" || (PATROL_ACTIONS as readonly string[]).includes(a) ? t(`patrols.action.${a}` as MessageKey) : a,
    kindLabel: (k: string) => t(`patrols.kind.${k}` as MessageKey),
    activityKindLabel: (k: string) => t(`patrols.activity.kind.${k}` as MessageKey),
  };
}

/** "08:00—12:00", or "22:00—次日02:00" for an overnight patrol. */
export function useTimeWindow() {
  const t = useT();
  return (start: string, end: string) => (end < start ? `${start}—${t("patrols.detail.nextDay")}${end}` : `${start}—${end}`);
}

export function PatrolStatusBadge({ status }: { status: PatrolStatus }) {
  const { statusLabel } = usePatrolLabels();
  return <Badge tone={STATUS_TONES[status] ?? "slate"}>{statusLabel(status)}</Badge>;
}

export function PatrolKindBadge({ kind }: { kind: string }) {
  const { kindLabel } = usePatrolLabels();
  return <Badge tone={kind === "sensitive_period" ? "red" : kind === "peak_hours" ? "amber" : "slate"}>{kindLabel(kind)}</Badge>;
}
