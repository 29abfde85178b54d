/** Small pieces shown wherever a meeting or action item appears: status, level, overdue flag. */
import { Badge } from "~/components/ui/feedback";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { MEETING_ACTIONS } from "~/modules/meetings/machine";
import { isActionItemStatus, isMeetingStatus } from "~/modules/meetings/vocabulary";

type Tone = "slate" | "green" | "amber" | "red" | "blue";
const STATUS_TONES: Record<string, Tone> = { scheduled: "blue", held: "green", cancelled: "slate", open: "amber", done: "green" };

export function useMeetingLabels() {
  const t = useT();
  return {
    statusLabel: (s: string) => (isMeetingStatus(s) || isActionItemStatus(s) ? t(`meetings.status.${s}` as MessageKey) : s),
    actionLabel: (a: string) =>
      a === "create" || a === "attendees" || (MEETING_ACTIONS as readonly string[]).includes(a) ? t(`meetings.action.${a}` as MessageKey) : a,
    levelLabel: (l: string) => t(`meetings.level.${l}` as MessageKey),
  };
}

export function MeetingStatusBadge({ status }: { status: string }) {
  const { statusLabel } = useMeetingLabels();
  return (
    <span data-testid="meeting-status">
      <Badge tone={STATUS_TONES[status] ?? "slate"}>{statusLabel(status)}</Badge>
    </span>
  );
}

export function OverdueBadge() {
  const t = useT();
  return (
    <span data-testid="action-overdue">
      <Badge tone="red">{t("meetings.overdue")}</Badge>
    </span>
  );
}
