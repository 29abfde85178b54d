/** Small pieces shown wherever a project appears: status, field, overdue flag, milestone state. */
import { Badge } from "~/components/ui/feedback";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import type { MilestoneState } from "~/modules/projects/milestones";
import { PROJECT_ACTIONS, PROJECT_STATUSES, type ProjectStatus } from "~/modules/projects/machine";

type Tone = "slate" | "green" | "amber" | "red" | "blue";
const STATUS_TONES: Record<ProjectStatus, Tone> = { proposed: "blue", active: "amber", completed: "green", suspended: "slate" };
const MILESTONE_TONES: Record<MilestoneState, Tone> = { done: "green", done_late: "amber", overdue: "red", upcoming: "slate" };
const EXTRA_ACTIONS = ["create", "milestone_done", "milestone_add"];

export function useProjectLabels() {
  const t = useT();
  return {
    statusLabel: (s: string) => ((PROJECT_STATUSES as readonly string[]).includes(s) ? t(`projects.status.${s}` as MessageKey) : s),
    actionLabel: (a: string) =>
      EXTRA_ACTIONS.includes(a) || (PROJECT_ACTIONS as readonly string[]).includes(a) ? t(`projects.action.${a}` as MessageKey) : a,
    fieldLabel: (f: string) => t(`projects.field.${f}` as MessageKey),
    /** "2026年3月1日 至 2026年12月31日", or one side when the other is missing. */
    termLabel: (from: string | null, to: string | null) =>
      from && to ? t("projects.list.term", { from: t.date(from), to: t.date(to) }) : from ? t.date(from) : to ? t.date(to) : "—",
    budgetLabel: (yuan: number) =>
      yuan > 0 ? t("projects.yuan", { amount: yuan.toLocaleString("zh-CN") }) : t("projects.detail.noBudget"),
  };
}

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const { statusLabel } = useProjectLabels();
  return <Badge tone={STATUS_TONES[status] ?? "slate"}>{statusLabel(status)}</Badge>;
}

export function FieldBadge({ field }: { field: string }) {
  const { fieldLabel } = useProjectLabels();
  return <Badge tone="blue">{fieldLabel(field)}</Badge>;
}

export function ProjectOverdueBadge() {
  const t = useT();
  return (
    <span data-testid="project-overdue">
      <Badge tone="red">{t("projects.overdue")}</Badge>
    </span>
  );
}

export function MilestoneStateBadge({ state }: { state: MilestoneState }) {
  const t = useT();
  return (
    <span data-testid="milestone-state" data-state={state}>
      <Badge tone={MILESTONE_TONES[state]}>{t(`projects.milestone.${state}` as MessageKey)}</Badge>
    </span>
  );
}
