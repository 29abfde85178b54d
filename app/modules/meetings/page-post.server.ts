/**
 * The posts of a meeting's and an action item's page, shared by both routes: the thread, links,
 * a county's attendees and the steps. The record has come through the access policy; a refused
 * step answers as hazards and notices do (403 audited, 409 stale page, 400 with field messages).
 */
import { data, redirect } from "@remix-run/node";
import type { Translate } from "~/i18n";
import { assertCan, type RecordRow } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { formValues } from "~/modules/forms/validation";
import { answerRefusal, conflict, formErrors } from "~/modules/hazards/answers.server";
import { handleLinkPost } from "~/modules/records/links.server";
import { postFromThreadForm } from "~/modules/records/thread-form.server";
import { parseAttendeesForm, parseStepForm } from "./schemas";
import { isMeetingAction, meetingStepRefusal, setOwnAttendees, takeMeetingStep } from "./steps.server";

export async function handleMeetingPagePost(viewer: Viewer, record: RecordRow, formData: FormData, t: Translate, here: string) {
  const intent = formData.get("intent");
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
  if (intent === "attendees") {
    const values = formValues(formData, ["attendeeIds"]);
    const parsed = parseAttendeesForm(formData, t);
    if (!parsed.ok) return formErrors({ intent, errors: parsed.errors, values });
    const result = setOwnAttendees(viewer, record, parsed.data.attendeeIds);
    if (!result.ok) return answerRefusal(result, t, values, intent, "meetings.error.conflict");
    throw redirect(`${here}?notice=attendees`);
  }
  if (!isMeetingAction(intent)) throw new Response("Bad Request", { status: 400 });
  assertCan(viewer, "meeting", "transition");
  const values = formValues(formData);
  const drawnFor = formData.get("status");
  if (typeof drawnFor === "string" && drawnFor !== record.status) return conflict(t, values, intent, "meetings.error.conflict");
  const refusal = meetingStepRefusal(viewer, record, intent);
  if (refusal) return answerRefusal(refusal, t, values, intent, "meetings.error.conflict");
  const parsed = parseStepForm(intent, formData, t);
  if (!parsed.ok) return formErrors({ intent, errors: parsed.errors, values: parsed.values });
  const result = takeMeetingStep(viewer, record, intent, parsed.data);
  if (!result.ok) return answerRefusal(result, t, values, intent, "meetings.error.conflict");
  throw redirect(`${here}?notice=${intent}`);
}
