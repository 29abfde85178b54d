/**
 * Scheduling a joint meeting (召开联席会议) under a pact in force that covers meetings. One write
 * transaction holds the record (addressed to every other member), its details, the attendees of
 * each side, the agenda with the records it links, and the audit entries. A reference number on
 * the agenda is looked up through the access policy: one the viewer may not see is "not found",
 * exactly like one that does not exist.
 */
import { meetingAgendaItems, meetingAttendees, meetingDetails } from "~db/schema";
import { assertCan } from "~/modules/access/policy.server";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { writeTransaction } from "~/modules/db/connection.server";
import { invalid, type Refusal } from "~/modules/hazards/outcomes";
import { createRecord, usablePactMembers } from "~/modules/records/create.server";
import { findVisibleRecordByRef } from "~/modules/records/links.server";
import { actorOf } from "~/modules/tenancy/users.server";
import { MEETING_MACHINE } from "./machine";
import { countyOfMeetingPerson, meetingPeopleOf } from "./people.server";
import type { ScheduleInput } from "./schemas";

export type ScheduleResult = { ok: true; id: number; refNo: string } | Refusal;

export function scheduleMeeting(viewer: Viewer, input: ScheduleInput): ScheduleResult {
  assertCan(viewer, "meeting", "create");
  return writeTransaction((tx): ScheduleResult => {
    const members = usablePactMembers(tx, viewer, input.pactId, "meeting");
    if (!members) return invalid({ pactId: "meetings.error.pactNotUsable" });
    const errors: Record<string, string> = {};
    if (!members.includes(input.hostCountyId)) errors.hostCountyId = "form.invalidChoice";
    const people = meetingPeopleOf(tx, viewer, input.pactId);
    const attendees = input.attendeeIds.map((userId) => ({ userId, countyId: countyOfMeetingPerson(people, userId) }));
    if (attendees.some((a) => a.countyId === undefined)) errors.attendeeIds = "form.invalidChoice";
    const agenda = input.agenda.map((item, i) => {
      if (!item.refNo) return { ...item, linkedRecordId: null };
      const linked = findVisibleRecordByRef(viewer, item.refNo);
      if (!linked) errors[`agenda-${i}-ref`] = `meetings.error.refNotFound|refNo=${item.refNo}`;
      return { ...item, linkedRecordId: linked?.id ?? null };
    });
    if (Object.keys(errors).length > 0) return invalid(errors);

    const created = createRecord(tx, viewer, {
      workflow: "meeting",
      pactId: input.pactId,
      title: input.title,
      description: input.agenda.map((a, i) => `${i + 1}. ${a.title}`).join("\n"),
      regionId: null,
      placeText: input.placeText,
      status: MEETING_MACHINE.initial,
    });
    if (!created.ok) return invalid({ pactId: "meetings.error.pactNotUsable" });
    const details = {
      level: input.level,
      hostCountyId: input.hostCountyId,
      startsAt: input.startsAt,
      otherAttendees: input.otherAttendees,
    };
    tx.insert(meetingDetails).values({ recordId: created.id, ...details }).run();
    for (const a of attendees) tx.insert(meetingAttendees).values({ recordId: created.id, userId: a.userId, countyId: a.countyId! }).run();
    agenda.forEach((item, position) => {
      tx.insert(meetingAgendaItems)
        .values({ recordId: created.id, position, title: item.title, linkedRecordId: item.linkedRecordId })
        .run();
    });
    appendAudit(tx, actorOf(viewer), {
      action: "meeting.schedule",
      entityType: "meeting",
      entityId: created.id,
      after: { ...details, attendees: input.attendeeIds, agenda: agenda.map((a) => ({ title: a.title, linkedRecordId: a.linkedRecordId })) },
    });
    return created;
  });
}
