/** Small pieces shown wherever a dispute appears: its status and escalation risk, and the words of its vocabulary. */
import { Badge } from "~/components/ui/feedback";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { isDisputeAction, isDisputeStatus, type DisputeStatus } from "~/modules/disputes/machine";
import type { EscalationRisk } from "~/modules/disputes/vocabulary";

type Tone = "slate" | "green" | "amber" | "red" | "blue";

const STATUS_TONES: Record<DisputeStatus, Tone> = {
  reported: "blue",
  registered: "blue",
  assessing: "amber",
  mediating: "amber",
  resolved: "green",
  stabilised: "slate",
  failed: "red",
  followed_up: "green",
};

const RISK_TONES: Record<EscalationRisk, Tone> = { low: "slate", medium: "amber", high: "red" };

/** Events of the dispute page that are not state-machine steps but read like one in the thread. */
const OTHER_EVENTS = ["lead_change", "session"];

/** Labels of the dispute workflow's states, steps and words. */
export function useDisputeLabels() {
  const t = useT();
  return {
    statusLabel: (status: string) => (isDisputeStatus(status) ? t(`disputes.status.${status}`) : status),
    actionLabel: (action: string) =>
      isDisputeAction(action) || OTHER_EVENTS.includes(action) ? t(`disputes.action.${action}` as MessageKey) : action,
    typeLabel: (type: string) => t(`disputes.type.${type}` as MessageKey),
    riskLabel: (risk: string) => t(`disputes.risk.${risk}` as MessageKey),
    referralLabel: (kind: string) => t(`disputes.referral.${kind}` as MessageKey),
    methodLabel: (method: string) => t(`disputes.method.${method}` as MessageKey),
  };
}

export function DisputeStatusBadge({ status }: { status: string }) {
  const { statusLabel } = useDisputeLabels();
  return (
    <span data-testid="dispute-status" data-status={status}>
      <Badge tone={isDisputeStatus(status) ? STATUS_TONES[status] : "slate"}>{statusLabel(status)}</Badge>
    </span>
  );
}

export function RiskBadge({ risk }: { risk: EscalationRisk }) {
  const t = useT();
  const { riskLabel } = useDisputeLabels();
  return <Badge tone={RISK_TONES[risk]}>{t("disputes.riskBadge", { risk: riskLabel(risk) })}</Badge>;
}
