/**
 * The project page's own posts (besides the thread and links): the steps, marking a milestone
 * done and adding one. Answers as the other record pages do: 403/404 thrown (already audited), a
 * stale page or open milestones 409 with a message, rejected fields 400 with messages next to the
 * fields; on success the redirect to throw.
 */
import { redirect } from "@remix-run/node";
import type { Translate } from "~/i18n";
import { assertCan, type RecordRow } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { formValues, parseForm } from "~/modules/forms/validation";
import { answerRefusal, conflict, formErrors } from "~/modules/hazards/answers.server";
import { addMilestone, markMilestoneDone } from "./milestones.server";
import { milestoneAddSchema, milestoneDoneSchema, parseProjectStep } from "./schemas";
import { isProjectAction, projectStepRefusal, takeProjectStep, type ProjectRefusal } from "./steps.server";

export const MILESTONE_INTENTS = ["milestone_done", "milestone_add"] as const;

function answer(refusal: ProjectRefusal, t: Translate, values: Record<string, string | string[]>, intent: string) {
  if (refusal.reason === "open_milestones") return conflict(t, values, intent, "projects.error.openMilestones");
  return answerRefusal(refusal, t, values, intent, "projects.error.conflict");
}

/** Handles a step or milestone intent; throws 400 for an intent the page does not know. */
export function answerProjectPost(viewer: Viewer, record: RecordRow, intent: unknown, formData: FormData, t: Translate) {
  const here = `/projects/${record.id}`;
  const values = formValues(formData);
  if (intent === "milestone_done" || intent === "milestone_add") {
    assertCan(viewer, "project", "transition");
    const parsed = intent === "milestone_done" ? parseForm(milestoneDoneSchema, formData, t) : parseForm(milestoneAddSchema, formData, t);
    if (!parsed.ok) return formErrors({ intent, errors: parsed.errors, values: parsed.values });
    const result =
      intent === "milestone_done"
        ? markMilestoneDone(viewer, record, parsed.data as Parameters<typeof markMilestoneDone>[2])
        : addMilestone(viewer, record, parsed.data as Parameters<typeof addMilestone>[2]);
    if (!result.ok) return answer(result, t, values, intent);
    throw redirect(`${here}?notice=${intent}`);
  }
  if (!isProjectAction(intent)) throw new Response("Bad Request", { status: 400 });
  assertCan(viewer, "project", "transition");
  const drawnFor = formData.get("status");
  if (typeof drawnFor === "string" && drawnFor !== record.status) return conflict(t, values, intent, "projects.error.conflict");
  const refusal = projectStepRefusal(viewer, record, intent);
  if (refusal) return answer(refusal, t, values, intent);
  const parsed = parseProjectStep(intent, formData, t);
  if (!parsed.ok) return formErrors({ intent, errors: parsed.errors, values: parsed.values });
  const result = takeProjectStep(viewer, record, intent, parsed.data);
  if (!result.ok) return answer(result, t, values, intent);
  throw redirect(`${here}?notice=${intent}`);
}
