/**
 * The notice workflow's say in the inbox (records/inbox.server.ts INBOX_HOOKS). A notice waits
 * for an addressed county until it signs for it and reports a result, and for the sender once a
 * result has come in (to conclude). It is overdue for the sender while any addressed county has
 * not signed past its deadline, and for an addressed county while its own receipt is.
 */
import { sql } from "drizzle-orm";
import { records } from "~db/schema";
import type { Viewer } from "~/modules/auth/viewer";
import { preparedStatement } from "~/modules/db/connection.server";
import type { InboxHook } from "~/modules/records/inbox.server";
import { NOTICE_STEP_SIDE, type NoticeAction } from "./machine";

export const NOTICE_INBOX_HOOK: InboxHook = {
  needsAction: (viewer: Viewer) => sql`((${records.ownerCountyId} <> ${viewer.countyId} and exists (select 1 from notice_receipts r
      where r.record_id = ${records.id} and r.county_id = ${viewer.countyId}
        and (r.signed_at is null or (r.result is null and ${records.status} = 'in_progress'))))
    or (${records.ownerCountyId} = ${viewer.countyId} and ${records.status} = 'in_progress' and exists (select 1 from notice_receipts r
      where r.record_id = ${records.id} and r.result is not null)))`,
  overdue: (viewer: Viewer, now: number) => sql`(${records.status} in ('sent', 'in_progress') and exists (select 1 from notice_receipts r
      where r.record_id = ${records.id} and r.signed_at is null and r.sign_deadline < ${now}
        and (${records.ownerCountyId} = ${viewer.countyId} or r.county_id = ${viewer.countyId})))`,
  actionsFor: (viewer, item) => {
    if (item.ownerCountyId === viewer.countyId) return item.status === "in_progress" ? ["conclude"] : [];
    // Compiled once: the inbox asks this for each listed notice.
    const receipt = preparedStatement("select signed_at, result from notice_receipts where record_id = ? and county_id = ?").get(
      item.recordId,
      viewer.countyId,
    ) as { signed_at: number | null; result: string | null } | undefined;
    if (!receipt) return [];
    const actions: NoticeAction[] = receipt.signed_at === null ? ["sign"] : receipt.result === null ? ["report_result"] : [];
    return actions.filter((a) => NOTICE_STEP_SIDE[a] === "receiver");
  },
};
