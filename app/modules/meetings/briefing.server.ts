/**
 * The briefing pack (会议材料) of a joint meeting: what the pact's members should look at together,
 * on one printable page — the figures since the last meeting, open and overdue action items,
 * high-risk disputes, notices not signed for in time and overdue hazards. Every section is one
 * query restricted to the meeting's pact with the access policy's filter inside it, so the pack
 * shows a viewer only what the viewer may see (a police-only notice stays out for political-legal
 * staff; one county's internal records never appear).
 */
import { and, asc, desc, eq, gt, inArray, lt, ne, notInArray, sql } from "drizzle-orm";
import { actionItems, counties, disputeDetails, hazardDetails, meetingDetails, noticeReceipts, records, users } from "~db/schema";
import { todayInChina } from "~/i18n";
import { visibleRecordsOf, type RecordRow } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { DISPUTE_MACHINE } from "~/modules/disputes/machine";
import { chinaDateOf, DAY_MS, startOfChinaDay } from "~/modules/hazards/deadlines";
import { HAZARD_MACHINE } from "~/modules/hazards/machine";
import type { Period } from "~/modules/stats/figures";
import { actionOverdue } from "./list.server";
import { LOOKBACK_DAYS } from "./vocabulary";

/**
 * From the day after the pact's previous held meeting (before this one) — or 90 days back — to
 * today, in Beijing calendar days.
 */
export function briefingPeriod(viewer: Viewer, meeting: RecordRow, startsAt: number, now = Date.now()): Period & { previousMeeting: { id: number; refNo: string; startsAt: number } | null } {
  const to = todayInChina(now);
  const previous = getDb()
    .select({ id: records.id, refNo: records.refNo, startsAt: meetingDetails.startsAt })
    .from(records)
    .innerJoin(meetingDetails, eq(meetingDetails.recordId, records.id))
    .where(
      and(
        eq(records.pactId, meeting.pactId ?? -1),
        eq(records.status, "held"),
        ne(records.id, meeting.id),
        lt(meetingDetails.startsAt, startsAt),
        visibleRecordsOf(viewer, "meeting"),
      ),
    )
    .orderBy(desc(meetingDetails.startsAt))
    .get();
  const from = previous ? chinaDateOf(startOfChinaDay(chinaDateOf(previous.startsAt)) + DAY_MS) : chinaDateOf(now - LOOKBACK_DAYS * DAY_MS);
  return { from: from > to ? to : from, to, previousMeeting: previous ?? null };
}

function inPact(viewer: Viewer, pactId: number, workflow: RecordRow["workflow"]) {
  return and(eq(records.pactId, pactId), visibleRecordsOf(viewer, workflow))!;
}

export function openActionItemsOfPact(viewer: Viewer, pactId: number, now = Date.now()) {
  const overdue = sql<number>`(case when ${actionOverdue(now)} then 1 else 0 end)`;
  return getDb()
    .select({
      id: records.id,
      refNo: records.refNo,
      title: records.title,
      deadline: actionItems.deadline,
      countyName: counties.name,
      ownerName: users.displayName,
      overdue,
    })
    .from(records)
    .innerJoin(actionItems, eq(actionItems.recordId, records.id))
    .innerJoin(counties, eq(counties.id, actionItems.responsibleCountyId))
    .leftJoin(users, eq(users.id, actionItems.ownerUserId))
    .where(and(inPact(viewer, pactId, "meeting"), eq(records.status, "open")))
    .orderBy(desc(overdue), asc(actionItems.deadline), asc(records.id))
    .all()
    .map((r) => ({ ...r, overdue: r.overdue === 1 }));
}

const DISPUTE_SETTLED = ["resolved", ...DISPUTE_MACHINE.final];

export function highRiskDisputesOfPact(viewer: Viewer, pactId: number) {
  return getDb()
    .select({
      id: records.id,
      refNo: records.refNo,
      title: records.title,
      status: records.status,
      leadCountyName: counties.name,
      peopleInvolved: disputeDetails.peopleInvolved,
      createdAt: records.createdAt,
    })
    .from(records)
    .innerJoin(disputeDetails, eq(disputeDetails.recordId, records.id))
    .innerJoin(counties, eq(counties.id, disputeDetails.leadCountyId))
    .where(and(inPact(viewer, pactId, "dispute"), eq(disputeDetails.escalationRisk, "high"), notInArray(records.status, DISPUTE_SETTLED)))
    .orderBy(desc(records.createdAt))
    .all();
}

/** Receipts not signed by their deadline: still unsigned on an open notice, or signed late within the period. */
export function lateNoticesOfPact(viewer: Viewer, pactId: number, period: Period, now = Date.now()) {
  const since = startOfChinaDay(period.from);
  return getDb()
    .select({
      id: records.id,
      refNo: records.refNo,
      title: records.title,
      countyName: counties.name,
      signDeadline: noticeReceipts.signDeadline,
      signedAt: noticeReceipts.signedAt,
    })
    .from(records)
    .innerJoin(noticeReceipts, eq(noticeReceipts.recordId, records.id))
    .innerJoin(counties, eq(counties.id, noticeReceipts.countyId))
    .where(
      and(
        inPact(viewer, pactId, "notice"),
        sql`((${noticeReceipts.signedAt} is null and ${noticeReceipts.signDeadline} < ${now} and ${inArray(records.status, ["sent", "in_progress"])})
          or (${noticeReceipts.signedAt} > ${noticeReceipts.signDeadline} and ${gt(noticeReceipts.signedAt, since - 1)}))`,
      ),
    )
    .orderBy(desc(noticeReceipts.signDeadline))
    .all();
}

export function overdueHazardsOfPact(viewer: Viewer, pactId: number, now = Date.now()) {
  return getDb()
    .select({
      id: records.id,
      refNo: records.refNo,
      title: records.title,
      severity: hazardDetails.severity,
      countyName: counties.name,
      dueAt: records.dueAt,
    })
    .from(records)
    .innerJoin(hazardDetails, eq(hazardDetails.recordId, records.id))
    .leftJoin(counties, eq(counties.id, hazardDetails.responsibleCountyId))
    .where(
      and(
        inPact(viewer, pactId, "hazard"),
        notInArray(records.status, [...HAZARD_MACHINE.final]),
        sql`${records.dueAt} is not null`,
        lt(records.dueAt, now),
      ),
    )
    .orderBy(asc(records.dueAt))
    .all();
}

/** Every section of the pack for a meeting already loaded through the policy. */
export function briefingSections(viewer: Viewer, meeting: RecordRow, startsAt: number, now = Date.now()) {
  const pactId = meeting.pactId;
  const period = briefingPeriod(viewer, meeting, startsAt, now);
  if (pactId === null) return { period, actionItems: [], disputes: [], notices: [], hazards: [] };
  return {
    period,
    actionItems: openActionItemsOfPact(viewer, pactId, now),
    disputes: highRiskDisputesOfPact(viewer, pactId),
    notices: lateNoticesOfPact(viewer, pactId, period, now),
    hazards: overdueHazardsOfPact(viewer, pactId, now),
  };
}

export type BriefingSections = ReturnType<typeof briefingSections>;
