/**
 * The meeting workflow's say in the inbox (records/inbox.server.ts INBOX_HOOKS). A scheduled
 * meeting waits for its host county alone (to record the minutes or call it off), so both sides'
 * inboxes are not filled with the same meeting; an open action item waits for the responsible
 * county alone, and only that county sees it overdue once its deadline day has ended.
 */
import { sql } from "drizzle-orm";
import { records } from "~db/schema";
import type { Viewer } from "~/modules/auth/viewer";
import type { InboxHook } from "~/modules/records/inbox.server";

const hostedBy = (viewer: Viewer) =>
  sql`exists (select 1 from meeting_details d where d.record_id = ${records.id} and d.host_county_id = ${viewer.countyId})`;
const responsible = (viewer: Viewer) =>
  sql`exists (select 1 from action_items a where a.record_id = ${records.id} and a.responsible_county_id = ${viewer.countyId})`;

export const MEETING_INBOX_HOOK: InboxHook = {
  needsAction: (viewer) =>
    sql`((${records.status} = 'scheduled' and ${hostedBy(viewer)}) or (${records.status} = 'open' and ${responsible(viewer)}))`,
  overdue: (viewer, now) =>
    sql`(${records.status} = 'open' and ${records.dueAt} is not null and ${records.dueAt} < ${now} and ${responsible(viewer)})`,
  actionsFor: (_viewer, item) => (item.status === "scheduled" ? ["hold", "cancel"] : item.status === "open" ? ["complete"] : []),
};
