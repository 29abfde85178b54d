/**
 * What every record page shows below its facts, loaded the same way for every workflow: the
 * thread the viewer may read (marked read as it is shown), the links both ways, and what the
 * viewer may write. `record` must have come through the access policy.
 */
import type { RecordRow } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { attachmentLimits } from "./attachments.server";
import { linkedRecordsIn, linksOf, mayLink } from "./links.server";
import { markThreadRead } from "./read-state.server";
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
