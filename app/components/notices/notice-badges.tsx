/** Small pieces shown wherever a notice appears: status, urgency, overdue flag, handling restriction. */
import { Badge } from "~/components/ui/feedback";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { NOTICE_ACTIONS, NOTICE_STATUSES, type NoticeStatus } from "~/modules/notices/machine";

type Tone = "slate" | "green" | "amber" | "red" | "blue";
const STATUS_TONES: Record<NoticeStatus, Tone> = { sent: "blue", in_progress: "amber", concluded: "green", cancelled: "slate" };
const URGENCY_TONES: Record<string, Tone> = { normal: "slate", urgent: "amber", critical: "red" };

export function useNoticeLabels() {
  const t = useT();
  return {
    statusLabel: (s: string) => ((NOTICE_STATUSES as readonly string[]).includes(s) ? t(`notices.status.${s}` as MessageKey) : s),
    actionLabel: (a: string) => (a === "create" || (NOTICE_ACTIONS as readonly string[]).includes(a) ? t(`notices.action.${a}` as MessageKey) : a),
    kindLabel: (k: string) => t(`notices.kind.${k}` as MessageKey),
    urgencyLabel: (u: string) => t(`notices.urgency.${u}` as MessageKey),
    handlingLabel: (h: string) => t(`notices.handling.${h}` as MessageKey),
    resultLabel: (r: string) => t(`notices.result.${r}` as MessageKey),
  };
}

export function NoticeStatusBadge({ status }: { status: NoticeStatus }) {
  const { statusLabel } = useNoticeLabels();
  return <Badge tone={STATUS_TONES[status] ?? "slate"}>{statusLabel(status)}</Badge>;
}

export function UrgencyBadge({ urgency }: { urgency: string }) {
  const { urgencyLabel } = useNoticeLabels();
  return <Badge tone={URGENCY_TONES[urgency] ?? "slate"}>{urgencyLabel(urgency)}</Badge>;
}

export function NoticeOverdueBadge() {
  const t = useT();
  return (
    <span data-testid="notice-overdue">
      <Badge tone="red">{t("notices.overdue")}</Badge>
    </span>
  );
}

export function RestrictionBadge({ policeOnly }: { policeOnly: boolean }) {
  const t = useT();
  return <Badge tone={policeOnly ? "red" : "blue"}>{t(policeOnly ? "notices.restriction.police" : "notices.restriction.shared")}</Badge>;
}
