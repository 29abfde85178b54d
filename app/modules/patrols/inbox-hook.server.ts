/**
 * The patrol workflow's say in the inbox (records/inbox.server.ts INBOX_HOOKS). Without it every
 * patrol planned weeks ahead would wait in the inbox of every police liaison and political-legal
 * officer of both sides. A patrol waits only when it is due: planned for today or a past day and
 * not started (start or cancel it), or under way (complete it). Patrols are never overdue.
 */
import { sql } from "drizzle-orm";
import { records } from "~db/schema";
import { todayInChina } from "~/i18n";
import type { InboxHook } from "~/modules/records/inbox.server";

export const PATROL_INBOX_HOOK: InboxHook = {
  needsAction: () => sql`(${records.status} = 'in_progress' or (${records.status} = 'planned' and exists (select 1 from patrol_details pd
      where pd.record_id = ${records.id} and pd.patrol_on <= ${todayInChina()})))`,
  overdue: () => sql`0`,
};
