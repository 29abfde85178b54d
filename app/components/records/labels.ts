import type { MessageKey, Translate } from "~/i18n";
import type { Workflow } from "~/modules/access/capabilities";

/** Each workflow keeps its words under the name of its module (app/modules/hazards → `hazards.`). */
const WORDS_PREFIX: Record<Workflow, string> = {
  hazard: "hazards",
  dispute: "disputes",
  notice: "notices",
  patrol: "patrols",
  meeting: "meetings",
  project: "projects",
};

/**
 * A record's status in words: the workflow's own key `<module>.status.<status>` (e.g.
 * `hazards.status.reported`), or the stored value while a workflow has no words for it yet.
 */
export function recordStatusLabel(t: Translate, workflow: Workflow, status: string): string {
  return workflowWord(t, workflow, "status", status);
}

/** A state-machine step in words (`hazards.action.verify`), or the stored value. */
export function recordActionLabel(t: Translate, workflow: Workflow, action: string): string {
  return workflowWord(t, workflow, "action", action);
}

function workflowWord(t: Translate, workflow: Workflow, kind: "status" | "action", value: string): string {
  const key = `${WORDS_PREFIX[workflow]}.${kind}.${value}` as MessageKey;
  const text = t(key);
  return text === key ? value : text;
}

export function workflowLabel(t: Translate, workflow: Workflow): string {
  return t(`workflow.${workflow}` as MessageKey);
}
