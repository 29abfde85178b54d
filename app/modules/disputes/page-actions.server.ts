/**
 * The posts of a dispute's page, by intent: `thread` (message, note, files), `link`/`unlink`,
 * `session` (log a mediation session), `lead` (change the lead county), or a state-machine step
 * (`register`, `assess`, …). The route has loaded the record through the policy; each service
 * checks the viewer's right again. A refusal answers like the hazard page's: 403 for a refused
 * role (audited), 409 for a stale page, 400 with messages next to the fields.
 */
import { data, redirect } from "@remix-run/node";
import type { Translate } from "~/i18n";
import { assertCan, type RecordRow } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { formValues, parseForm } from "~/modules/forms/validation";
import { answerRefusal, conflict, formErrors } from "~/modules/hazards/answers.server";
import { handleLinkPost } from "~/modules/records/links.server";
import { postFromThreadForm } from "~/modules/records/thread-form.server";
import { changeLeadCounty } from "./lead.server";
import { isDisputeAction } from "./machine";
import { leadChangeSchema, parseSessionForm, parseStepForm } from "./schemas";
import { logSession } from "./sessions.server";
import { stepRefusal, transitionDispute } from "./steps.server";

export async function handleDisputePost(viewer: Viewer, record: RecordRow, formData: FormData, t: Translate) {
  const intent = formData.get("intent");
  const here = `/disputes/${record.id}`;
  if (intent === "thread") {
    const posted = await postFromThreadForm(viewer, record, formData, t);
    if (!posted.ok) return data({ intent, errors: posted.errors, values: formValues(formData) }, { status: 400 });
    throw redirect(`${here}?notice=posted`);
  }
  if (intent === "link" || intent === "unlink") {
    const linked = handleLinkPost(viewer, record, formData, t);
    if (!linked.ok) return data(linked, { status: 400 });
    throw redirect(`${here}?notice=${linked.notice}`);
  }
  if (intent === "session") {
    assertCan(viewer, "dispute", "transition");
    const parsed = parseSessionForm(formData, t);
    if (!parsed.ok) return formErrors({ intent, errors: parsed.errors, values: parsed.values });
    const result = logSession(viewer, record, parsed.data);
    if (!result.ok) return answerRefusal(result, t, formValues(formData, ["mediatorIds"]), intent);
    throw redirect(`${here}?notice=session`);
  }
  if (intent === "lead") {
    assertCan(viewer, "dispute", "transition");
    const parsed = parseForm(leadChangeSchema, formData, t);
    if (!parsed.ok) return formErrors({ intent, errors: parsed.errors, values: parsed.values });
    const result = changeLeadCounty(viewer, record, parsed.data);
    if (!result.ok) return answerRefusal(result, t, formValues(formData), intent);
    throw redirect(`${here}?notice=lead`);
  }
  if (!isDisputeAction(intent)) throw new Response("Bad Request", { status: 400 });
  assertCan(viewer, "dispute", "transition");
  const values = formValues(formData);
  // The form names the status it was drawn for: a step on a page gone stale is a conflict.
  const drawnFor = formData.get("status");
  if (typeof drawnFor === "string" && drawnFor !== record.status) return conflict(t, values, intent);
  const refusal = stepRefusal(viewer, record, intent);
  if (refusal) return answerRefusal(refusal, t, values, intent);
  const parsed = parseStepForm(intent, formData, t);
  if (!parsed.ok) return formErrors({ intent, errors: parsed.errors, values: parsed.values });
  const result = transitionDispute(viewer, record, intent, parsed.data);
  if (!result.ok) return answerRefusal(result, t, values, intent);
  throw redirect(`${here}?notice=${intent}`);
}
