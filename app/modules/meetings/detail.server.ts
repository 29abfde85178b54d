/**
 * One meeting or action item as its page shows it, loaded through the access policy: a record the
 * viewer may not see answers 404 like a missing one. Linked records (agenda) and the meeting's
 * action items are named only when the viewer may see them.
 */
import { and, asc, eq } from "drizzle-orm";
import { actionItems, counties, meetingAgendaItems, meetingAttendees, meetingDetails, pacts, records, users } from "~db/schema";
import { requireVisibleRecord, visibleRecordsFilter, type RecordRow } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { visibleRecordsById } from "~/modules/records/links.server";
import { ACTION_ITEM_STATUSES, type ActionItemStatus, type MeetingStatus } from "./machine";
import { meetingPeopleOf } from "./people.server";
import { actionItemOf, mayEditAttendees, meetingStepsForViewer } from "./steps.server";
import type { MeetingLevel } from "./vocabulary";

export function parseMeetingId(raw: string | undefined): number | null {
  if (!raw || !/^[1-9]\d{0,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/** A record of workflow `meeting` for a route: 404 when malformed, missing, hidden or of another workflow. */
export function requireMeetingRecord(viewer: Viewer, raw: string | undefined): RecordRow {
  const id = parseMeetingId(raw);
  if (id === null) throw new Response("Not Found", { status: 404 });
  const record = requireVisibleRecord(viewer, id);
  if (record.workflow !== "meeting") throw new Response("Not Found", { status: 404 });
  return record;
}

export function isActionItemRecord(record: RecordRow): boolean {
  return (ACTION_ITEM_STATUSES as readonly string[]).includes(record.status);
}

function nameOf(userId: string | null) {
  if (!userId) return null;
  return getDb().select({ name: users.displayName }).from(users).where(eq(users.id, userId)).get()?.name ?? null;
}

function pactOf(record: RecordRow) {
  if (record.pactId === null) return null;
  return getDb().select({ id: pacts.id, title: pacts.title }).from(pacts).where(eq(pacts.id, record.pactId)).get() ?? null;
}

/** The action items of a meeting that the viewer may see, in decision order. */
export function actionItemsOfMeeting(viewer: Viewer, meetingId: number, now = Date.now()) {
  const rows = getDb()
    .select({
      id: records.id,
      refNo: records.refNo,
      title: records.title,
      status: records.status,
      dueAt: records.dueAt,
      deadline: actionItems.deadline,
      countyName: counties.name,
      countyId: actionItems.responsibleCountyId,
      ownerName: users.displayName,
    })
    .from(actionItems)
    .innerJoin(records, eq(records.id, actionItems.recordId))
    .innerJoin(counties, eq(counties.id, actionItems.responsibleCountyId))
    .leftJoin(users, eq(users.id, actionItems.ownerUserId))
    .where(and(eq(actionItems.meetingRecordId, meetingId), visibleRecordsFilter(viewer)))
    .orderBy(asc(actionItems.position))
    .all();
  return rows.map((r) => ({ ...r, status: r.status as ActionItemStatus, overdue: r.status === "open" && r.dueAt !== null && r.dueAt < now }));
}

export function describeMeeting(viewer: Viewer, record: RecordRow, now = Date.now()) {
  const db = getDb();
  const details = db.select().from(meetingDetails).where(eq(meetingDetails.recordId, record.id)).get();
  if (!details) throw new Response("Not Found", { status: 404 });
  const host = db.select({ name: counties.name }).from(counties).where(eq(counties.id, details.hostCountyId)).get();
  const attendees = db
    .select({ userId: users.id, name: users.displayName, title: users.title, countyId: meetingAttendees.countyId, countyName: counties.name })
    .from(meetingAttendees)
    .innerJoin(users, eq(users.id, meetingAttendees.userId))
    .innerJoin(counties, eq(counties.id, meetingAttendees.countyId))
    .where(eq(meetingAttendees.recordId, record.id))
    .orderBy(asc(counties.code), asc(users.username))
    .all();
  const agendaRows = db
    .select()
    .from(meetingAgendaItems)
    .where(eq(meetingAgendaItems.recordId, record.id))
    .orderBy(asc(meetingAgendaItems.position))
    .all();
  const linked = visibleRecordsById(viewer, agendaRows.map((a) => a.linkedRecordId).filter((id): id is number => id !== null));
  const agenda = agendaRows.map((a) => ({ id: a.id, title: a.title, linked: a.linkedRecordId === null ? null : linked.get(a.linkedRecordId) ?? null }));
  const editable = mayEditAttendees(viewer, record) && record.pactId !== null;
  const people = editable ? meetingPeopleOf(db, viewer, record.pactId!) : [];
  const ownPeople = people.find((c) => c.id === viewer.countyId)?.people ?? [];
  const decisionCounties = meetingStepsForViewer(viewer, record).includes("hold") && record.pactId !== null
    ? meetingPeopleOf(db, viewer, record.pactId)
    : [];
  return {
    id: record.id,
    refNo: record.refNo,
    title: record.title,
    status: record.status as MeetingStatus,
    placeText: record.placeText,
    createdAt: record.createdAt,
    createdByName: nameOf(record.createdBy) ?? "",
    pact: pactOf(record),
    level: details.level as MeetingLevel,
    hostCountyId: details.hostCountyId,
    hostCountyName: host?.name ?? "",
    isHost: details.hostCountyId === viewer.countyId,
    startsAt: details.startsAt,
    otherAttendees: details.otherAttendees,
    minutes: details.minutes,
    heldAt: details.heldAt,
    attendees,
    agenda,
    actionItems: actionItemsOfMeeting(viewer, record.id, now),
    steps: meetingStepsForViewer(viewer, record),
    attendeeChoices: editable ? { own: ownPeople, chosen: attendees.filter((a) => a.countyId === viewer.countyId).map((a) => a.userId) } : null,
    decisionCounties,
  };
}

export type MeetingDetail = ReturnType<typeof describeMeeting>;

export function describeActionItem(viewer: Viewer, record: RecordRow, now = Date.now()) {
  const item = actionItemOf(record.id);
  if (!item) throw new Response("Not Found", { status: 404 });
  const db = getDb();
  const county = db.select({ name: counties.name }).from(counties).where(eq(counties.id, item.responsibleCountyId)).get();
  const meeting = visibleRecordsById(viewer, [item.meetingRecordId]).get(item.meetingRecordId) ?? null;
  const startsAt = meeting
    ? db.select({ startsAt: meetingDetails.startsAt }).from(meetingDetails).where(eq(meetingDetails.recordId, meeting.id)).get()?.startsAt ?? null
    : null;
  const status = record.status as ActionItemStatus;
  return {
    id: record.id,
    refNo: record.refNo,
    title: record.title,
    text: record.description,
    status,
    overdue: status === "open" && record.dueAt !== null && record.dueAt < now,
    dueAt: record.dueAt,
    deadline: item.deadline,
    responsibleCountyId: item.responsibleCountyId,
    responsibleCountyName: county?.name ?? "",
    isResponsible: item.responsibleCountyId === viewer.countyId,
    ownerName: nameOf(item.ownerUserId),
    doneAt: item.doneAt,
    doneByName: nameOf(item.doneBy),
    createdAt: record.createdAt,
    pact: pactOf(record),
    meeting: meeting ? { id: meeting.id, refNo: meeting.refNo, title: meeting.title, startsAt } : null,
    steps: meetingStepsForViewer(viewer, record),
  };
}

export type ActionItemDetail = ReturnType<typeof describeActionItem>;
