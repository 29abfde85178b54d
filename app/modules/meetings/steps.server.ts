/**
 * The steps of meetings and action items (machine.ts). The engine's applyTransition checks roles
 * and capability, guards against stale pages and writes the thread event and audit entry; this
 * module adds the side rule (only the responsible county reports an action item done) and the
 * details of each step. Holding a meeting writes the minutes and opens one action item per
 * decision in the same transaction as the step: one bad decision refuses the whole post.
 */
import { and, eq } from "drizzle-orm";
import { actionItems, meetingAttendees, meetingDetails, records } from "~db/schema";
import { can } from "~/modules/access/capabilities";
import { denial, type RecordRow } from "~/modules/access/policy.server";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, writeTransaction, type Tx } from "~/modules/db/connection.server";
import { endOfChinaDay } from "~/modules/hazards/deadlines";
import { invalid, type Refusal } from "~/modules/hazards/outcomes";
import { createRecord } from "~/modules/records/create.server";
import { linkOpenedRecord } from "~/modules/records/links.server";
import { transitionFor } from "~/modules/records/state-machine";
import { applyTransition, transitionsForViewer } from "~/modules/records/transitions.server";
import { appendThreadEvent } from "~/modules/records/thread.server";
import { actorOf } from "~/modules/tenancy/users.server";
import { MEETING_ACTIONS, MEETING_MACHINE, type MeetingAction } from "./machine";
import { allMeetingPeople, meetingPeopleOf } from "./people.server";
import type { HoldInput } from "./schemas";
import { TITLE_MAX } from "./vocabulary";

export type MeetingStepResult = { ok: true; status: string } | Refusal;

export function isMeetingAction(value: unknown): value is MeetingAction {
  return typeof value === "string" && (MEETING_ACTIONS as readonly string[]).includes(value);
}

export function actionItemOf(recordId: number, tx: Tx = getDb()) {
  return tx.select().from(actionItems).where(eq(actionItems.recordId, recordId)).get() ?? null;
}

/**
 * Null when the viewer may take `action` now. Otherwise "conflict" when the record's status has
 * no such step, "forbidden" (audited) for a role without it or, for `complete`, a county other
 * than the responsible one.
 */
export function meetingStepRefusal(viewer: Viewer, record: RecordRow, action: MeetingAction): Refusal | null {
  if (!transitionFor(MEETING_MACHINE, record.status, action)) return { ok: false, reason: "conflict" };
  const roleAllows = transitionsForViewer(viewer, record, MEETING_MACHINE).some((t) => t.action === action);
  const sideAllows = action !== "complete" || actionItemOf(record.id)?.responsibleCountyId === viewer.countyId;
  if (!roleAllows || !sideAllows) {
    denial(viewer, "meeting", record.id, `transition:${action}`);
    return { ok: false, reason: "forbidden" };
  }
  return null;
}

/** The steps the viewer may take now (the forms on the page). */
export function meetingStepsForViewer(viewer: Viewer, record: RecordRow): MeetingAction[] {
  const steps = transitionsForViewer(viewer, record, MEETING_MACHINE).map((t) => t.action);
  if (!steps.includes("complete")) return steps;
  const responsible = actionItemOf(record.id)?.responsibleCountyId === viewer.countyId;
  return steps.filter((a) => a !== "complete" || responsible);
}

const done = (r: ReturnType<typeof applyTransition>): MeetingStepResult =>
  r.ok ? { ok: true, status: r.status } : { ok: false, reason: r.reason };

class HoldAborted extends Error {}

/**
 * 记录纪要: the minutes, and one action item per decision (its own record under the meeting's
 * pact, addressed to every other member, due at the end of its deadline day), linked to the
 * meeting. Decisions are checked before the transaction; anything refused inside it rolls all back.
 */
export function holdMeeting(viewer: Viewer, record: RecordRow, input: HoldInput, now = Date.now()): MeetingStepResult {
  const refusal = meetingStepRefusal(viewer, record, "hold");
  if (refusal) return refusal;
  if (record.pactId === null) return { ok: false, reason: "conflict" };
  const pactId = record.pactId;
  const people = meetingPeopleOf(getDb(), viewer, pactId);
  const errors: Record<string, string> = {};
  input.decisions.forEach((d, i) => {
    if (!people.some((c) => c.id === d.responsibleCountyId)) errors[`decision-${i}-county`] = "form.invalidChoice";
    else if (!allMeetingPeople(people, d.responsibleCountyId, [d.ownerUserId])) errors[`decision-${i}-owner`] = "meetings.error.ownerNotOfCounty";
  });
  if (Object.keys(errors).length > 0) return invalid(errors);
  const opened: number[] = [];
  try {
    return done(
      applyTransition(viewer, record, MEETING_MACHINE, "hold", {
        payload: { decisions: input.decisions.length, actionItemIds: opened },
        applyDetails: (tx) => {
          tx.update(meetingDetails).set({ minutes: input.minutes, heldAt: now }).where(eq(meetingDetails.recordId, record.id)).run();
          input.decisions.forEach((d, position) => openActionItem(tx, viewer, record, pactId, d, position, opened));
        },
      }),
    );
  } catch (error) {
    if (error instanceof HoldAborted) return { ok: false, reason: "conflict" };
    throw error;
  }
}

function openActionItem(tx: Tx, viewer: Viewer, meeting: RecordRow, pactId: number, d: HoldInput["decisions"][number], position: number, opened: number[]) {
  const created = createRecord(tx, viewer, {
    workflow: "meeting",
    pactId,
    title: d.text.length > TITLE_MAX ? `${d.text.slice(0, TITLE_MAX - 1)}…` : d.text,
    description: d.text,
    regionId: null,
    placeText: "",
    status: "open",
    dueAt: endOfChinaDay(d.deadline),
  });
  if (!created.ok) throw new HoldAborted("the pact no longer allows action items");
  const row = { meetingRecordId: meeting.id, position, responsibleCountyId: d.responsibleCountyId, ownerUserId: d.ownerUserId, deadline: d.deadline };
  tx.insert(actionItems).values({ recordId: created.id, ...row }).run();
  appendAudit(tx, actorOf(viewer), { action: "action_item.details", entityType: "meeting", entityId: created.id, after: row });
  if (!linkOpenedRecord(tx, viewer, meeting.id, created.id)) throw new HoldAborted("the meeting can no longer be linked");
  opened.push(created.id);
}

/** 取消会议: called off, with the reason. */
export function cancelMeeting(viewer: Viewer, record: RecordRow, fields: { note: string }): MeetingStepResult {
  const refusal = meetingStepRefusal(viewer, record, "cancel");
  if (refusal) return refusal;
  return done(applyTransition(viewer, record, MEETING_MACHINE, "cancel", { note: fields.note, payload: { note: fields.note } }));
}

/** 办结: the responsible county reports the action item done. */
export function completeActionItem(viewer: Viewer, record: RecordRow, fields: { note: string }, now = Date.now()): MeetingStepResult {
  const refusal = meetingStepRefusal(viewer, record, "complete");
  if (refusal) return refusal;
  return done(
    applyTransition(viewer, record, MEETING_MACHINE, "complete", {
      note: fields.note,
      payload: { countyId: viewer.countyId, countyName: viewer.countyName, note: fields.note },
      applyDetails: (tx) => {
        tx.update(actionItems).set({ doneAt: now, doneBy: viewer.userId }).where(eq(actionItems.recordId, record.id)).run();
      },
    }),
  );
}

/** 重新督办: either side finds the work unfinished; the deadline counts again. */
export function reopenActionItem(viewer: Viewer, record: RecordRow, fields: { note: string }): MeetingStepResult {
  const refusal = meetingStepRefusal(viewer, record, "reopen");
  if (refusal) return refusal;
  const item = actionItemOf(record.id);
  if (!item) return { ok: false, reason: "conflict" };
  return done(
    applyTransition(viewer, record, MEETING_MACHINE, "reopen", {
      note: fields.note,
      payload: { note: fields.note },
      dueAt: endOfChinaDay(item.deadline),
      applyDetails: (tx) => {
        tx.update(actionItems).set({ doneAt: null, doneBy: null }).where(eq(actionItems.recordId, record.id)).run();
      },
    }),
  );
}

/** Any step by name, with fields already validated by the step's schema. */
export function takeMeetingStep(viewer: Viewer, record: RecordRow, action: MeetingAction, fields: unknown): MeetingStepResult {
  switch (action) {
    case "hold":
      return holdMeeting(viewer, record, fields as HoldInput);
    case "cancel":
      return cancelMeeting(viewer, record, fields as { note: string });
    case "complete":
      return completeActionItem(viewer, record, fields as { note: string });
    case "reopen":
      return reopenActionItem(viewer, record, fields as { note: string });
  }
}

/** Whether the viewer may name its own county's attendees of this meeting now. */
export function mayEditAttendees(viewer: Viewer, record: RecordRow): boolean {
  return record.status === "scheduled" && can(viewer.roles, "meeting", "transition");
}

/** Sets who attends for the viewer's own county (a scheduled meeting only). */
export function setOwnAttendees(viewer: Viewer, record: RecordRow, userIds: readonly string[]): MeetingStepResult {
  if (!can(viewer.roles, "meeting", "transition")) {
    denial(viewer, "meeting", record.id, "attendees");
    return { ok: false, reason: "forbidden" };
  }
  if (record.status !== "scheduled" || record.pactId === null) return { ok: false, reason: "conflict" };
  const pactId = record.pactId;
  return writeTransaction((tx): MeetingStepResult => {
    const people = meetingPeopleOf(tx, viewer, pactId);
    if (!allMeetingPeople(people, viewer.countyId, userIds)) return invalid({ attendeeIds: "form.invalidChoice" });
    const current = tx.select({ status: records.status }).from(records).where(eq(records.id, record.id)).get();
    if (current?.status !== "scheduled") return { ok: false, reason: "conflict" };
    const own = and(eq(meetingAttendees.recordId, record.id), eq(meetingAttendees.countyId, viewer.countyId));
    const before = tx.select({ userId: meetingAttendees.userId }).from(meetingAttendees).where(own).all().map((a) => a.userId);
    tx.delete(meetingAttendees).where(own).run();
    for (const userId of new Set(userIds)) tx.insert(meetingAttendees).values({ recordId: record.id, userId, countyId: viewer.countyId }).run();
    tx.update(records).set({ updatedAt: Date.now() }).where(eq(records.id, record.id)).run();
    appendThreadEvent(tx, viewer, record.id, { action: "attendees", payload: { countyId: viewer.countyId, countyName: viewer.countyName, count: userIds.length } });
    appendAudit(tx, actorOf(viewer), {
      action: "meeting.attendees",
      entityType: "meeting",
      entityId: record.id,
      before: { countyId: viewer.countyId, attendees: before },
      after: { countyId: viewer.countyId, attendees: [...new Set(userIds)] },
    });
    return { ok: true, status: "scheduled" };
  });
}
