/**
 * The meetings list (upcoming first, then the past, newest first) and the action-item list with
 * its open / overdue / done filters. The access policy's filter sits inside the same SQL as the
 * rows and the counts, so a tab's count is exactly what its list shows.
 */
import { and, asc, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import { actionItems, counties, meetingDetails, pacts, records, users } from "~db/schema";
import { visibleRecordsOf } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import type { ActionItemStatus, MeetingStatus } from "./machine";
import type { ActionFilter, MeetingLevel } from "./vocabulary";

/** At most this many of each list are shown; a pact meets a few times a year. */
export const LIST_LIMIT = 200;

const hostCounty = sql<string>`(select c.name from counties c where c.id = ${meetingDetails.hostCountyId})`;

export function listMeetings(viewer: Viewer) {
  const upcomingFirst = sql`(case when ${records.status} = 'scheduled' then 0 else 1 end)`;
  const rows = getDb()
    .select({
      id: records.id,
      refNo: records.refNo,
      title: records.title,
      status: records.status,
      placeText: records.placeText,
      startsAt: meetingDetails.startsAt,
      level: meetingDetails.level,
      hostCountyName: hostCounty,
      pactTitle: pacts.title,
      actionItems: sql<number>`(select count(*) from action_items a where a.meeting_record_id = ${records.id})`,
    })
    .from(records)
    .innerJoin(meetingDetails, eq(meetingDetails.recordId, records.id))
    .leftJoin(pacts, eq(pacts.id, records.pactId))
    .where(visibleRecordsOf(viewer, "meeting"))
    .orderBy(
      upcomingFirst,
      sql`(case when ${records.status} = 'scheduled' then ${meetingDetails.startsAt} else -${meetingDetails.startsAt} end)`,
      desc(records.id),
    )
    .limit(LIST_LIMIT)
    .all();
  return rows.map((r) => ({ ...r, status: r.status as MeetingStatus, level: r.level as MeetingLevel }));
}

export type MeetingListItem = ReturnType<typeof listMeetings>[number];

/** SQL: an open action item past the end of its deadline day. */
export function actionOverdue(now: number): SQL {
  return and(eq(records.status, "open"), sql`${records.dueAt} is not null`, lt(records.dueAt, now))!;
}

function filterCondition(filter: ActionFilter, now: number): SQL {
  if (filter === "done") return eq(records.status, "done");
  if (filter === "overdue") return actionOverdue(now);
  return eq(records.status, "open");
}

function actionBase(viewer: Viewer, mine: boolean): SQL {
  return and(
    visibleRecordsOf(viewer, "meeting"),
    mine ? eq(actionItems.responsibleCountyId, viewer.countyId) : undefined,
  )!;
}

export function listActionItems(viewer: Viewer, filter: ActionFilter, mine: boolean, now = Date.now()) {
  const overdue = sql<number>`(case when ${actionOverdue(now)} then 1 else 0 end)`;
  const rows = getDb()
    .select({
      id: records.id,
      refNo: records.refNo,
      title: records.title,
      status: records.status,
      dueAt: records.dueAt,
      deadline: actionItems.deadline,
      countyName: counties.name,
      ownerName: users.displayName,
      meetingId: actionItems.meetingRecordId,
      overdue,
    })
    .from(records)
    .innerJoin(actionItems, eq(actionItems.recordId, records.id))
    .innerJoin(counties, eq(counties.id, actionItems.responsibleCountyId))
    .leftJoin(users, eq(users.id, actionItems.ownerUserId))
    .where(and(actionBase(viewer, mine), filterCondition(filter, now)))
    .orderBy(desc(overdue), filter === "done" ? desc(records.updatedAt) : asc(actionItems.deadline), desc(records.id))
    .limit(LIST_LIMIT)
    .all();
  return rows.map((r) => ({ ...r, status: r.status as ActionItemStatus, overdue: r.overdue === 1 }));
}

export type ActionListItem = ReturnType<typeof listActionItems>[number];

/** How many action items each filter shows (one query). */
export function actionItemCounts(viewer: Viewer, mine: boolean, now = Date.now()): Record<ActionFilter, number> {
  const row = getDb()
    .select({
      open: sql<number>`coalesce(sum(case when ${records.status} = 'open' then 1 else 0 end), 0)`,
      overdue: sql<number>`coalesce(sum(case when ${actionOverdue(now)} then 1 else 0 end), 0)`,
      done: sql<number>`coalesce(sum(case when ${records.status} = 'done' then 1 else 0 end), 0)`,
    })
    .from(records)
    .innerJoin(actionItems, eq(actionItems.recordId, records.id))
    .where(actionBase(viewer, mine))
    .get()!;
  return row;
}
