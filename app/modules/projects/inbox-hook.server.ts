/**
 * The project workflow's say in the inbox (records/inbox.server.ts INBOX_HOOKS). Only the lead
 * county steps a project, so a project waits for the lead's political-legal staff while it is
 * proposed (to activate) and once every milestone is done (to complete). An active project with
 * an undone milestone past its day is overdue for the lead county and for the milestone's
 * responsible county — not for a partner with nothing late.
 */
import { sql } from "drizzle-orm";
import { records } from "~db/schema";
import { todayInChina } from "~/i18n";
import type { Viewer } from "~/modules/auth/viewer";
import type { InboxHook } from "~/modules/records/inbox.server";

const allDone = sql`not exists (select 1 from project_milestones m where m.record_id = ${records.id} and m.done_on is null)`;

export const PROJECT_INBOX_HOOK: InboxHook = {
  needsAction: (viewer: Viewer) => sql`(${records.ownerCountyId} = ${viewer.countyId}
    and (${records.status} = 'proposed' or (${records.status} = 'active' and ${allDone})))`,
  overdue: (viewer: Viewer, now: number) => sql`(${records.status} = 'active' and ${records.dueAt} is not null and ${records.dueAt} < ${now}
    and (${records.ownerCountyId} = ${viewer.countyId} or exists (select 1 from project_milestones m
      where m.record_id = ${records.id} and m.done_on is null and m.due_on < ${todayInChina(now)}
        and m.responsible_county_id = ${viewer.countyId})))`,
  actionsFor: (viewer, item) => {
    if (item.ownerCountyId !== viewer.countyId) return [];
    if (item.status === "proposed") return ["activate"];
    return item.status === "active" ? ["complete"] : [];
  },
};
