/**
 * What every record page shows below its facts, loaded the same way for every workflow: the
 * thread the viewer may read (marked read as it is shown), the links both ways, and what the
 * viewer may write. `record` must have come through the access policy.
 */
import { data, redirect } from "@remix-run/node";
import type { Translate } from "~/i18n";
import type { RecordRow } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { formValues } from "~/modules/forms/validation";
import { attachmentLimits } from "./attachments.server";
import { handleLinkPost, linkedRecordsIn, linksOf, mayLink } from "./links.server";
import { markThreadRead } from "./read-state.server";
import { postFromThreadForm } from "./thread-form.server";
import { listThread, threadPermissions } from "./thread.server";

export function recordDiscussion(viewer: Viewer, record: RecordRow) {
  const entries = listThread(viewer, record);
  markThreadRead(viewer, record.id);
  return {
    entries,
    linkedRecords: linkedRecordsIn(viewer, entries),
    links: linksOf(viewer, record.id),
    canLink: mayLink(viewer, record),
    attachmentLimits: attachmentLimits(),
    permissions: threadPermissions(viewer, record),
  };
}

/**
 * The record page's posts every workflow shares: `thread` (a message or internal note) and
 * `link`/`unlink`. Success redirects to `here` with its notice (thrown); a refusal answers 400 with
 * the messages for the form; any other intent gives null, for the workflow's own steps.
 */
export async function answerDiscussionPost(viewer: Viewer, record: RecordRow, formData: FormData, t: Translate, here: string) {
  const intent = formData.get("intent");
  if (intent === "thread") {
    const posted = await postFromThreadForm(viewer, record, formData, t);
    if (!posted.ok) return data({ intent: "thread" as const, errors: posted.errors, values: formValues(formData) }, { status: 400 });
    throw redirect(`${here}?notice=posted`);
  }
  if (intent === "link" || intent === "unlink") {
    const linked = handleLinkPost(viewer, record, formData, t);
    if (!linked.ok) return data(linked, { status: 400 });
    throw redirect(`${here}?notice=${linked.notice}`);
  }
  return null;
}
