/** Joint meetings and action items made through the real services, for the meeting tests. */
import { eq } from "drizzle-orm";
import { actionItems, records } from "~db/schema";
import { todayInChina } from "~/i18n";
import { getDb } from "~/modules/db/connection.server";
import { findUserByUsername } from "~/modules/tenancy/users.server";
import { scheduleMeeting } from "~/modules/meetings/schedule.server";
import type { DecisionInput, ScheduleInput } from "~/modules/meetings/schemas";
import { cancelMeeting, completeActionItem, holdMeeting, reopenActionItem } from "~/modules/meetings/steps.server";
import { countyIdOf, viewerOf } from "../../setup/demo";
import { pactIdBetween } from "../../setup/records";

let sequence = 0;

export function recordOf(id: number) {
  return getDb().select().from(records).where(eq(records.id, id)).get()!;
}

export function userIdOf(username: string): string {
  return findUserByUsername(username)!.id;
}

export function scheduleInput(overrides: Partial<ScheduleInput> = {}): ScheduleInput {
  return {
    pactId: pactIdBetween("XH", "TZ"),
    level: "county",
    hostCountyId: countyIdOf("XH"),
    title: `测试联席会议 ${++sequence}`,
    startsAt: Date.now() + 7 * 86_400_000,
    placeText: "凉伞镇政府会议室",
    attendeeIds: [userIdOf("xh.pl"), userIdOf("tz.pl")],
    otherAttendees: "",
    agenda: [{ title: "通报边界情况", refNo: "" }],
    ...overrides,
  };
}

/** Schedules a meeting (XH–TZ by default) as `username`; returns its record id. */
export function scheduleAs(username = "xh.pl", overrides: Partial<ScheduleInput> = {}): number {
  const result = scheduleMeeting(viewerOf(username), scheduleInput(overrides));
  if (!result.ok) throw new Error(`schedule refused: ${JSON.stringify(result)}`);
  return result.id;
}

export function decision(county: string, owner: string, overrides: Partial<DecisionInput> = {}): DecisionInput {
  return { text: `督办测试 ${++sequence}`, responsibleCountyId: countyIdOf(county), ownerUserId: userIdOf(owner), deadline: todayInChina(), ...overrides };
}

/** Holds the meeting as `username` with these decisions; returns the action items' ids in order. */
export function holdAs(username: string, meetingId: number, decisions: DecisionInput[], minutes = "会议纪要"): number[] {
  const result = holdMeeting(viewerOf(username), recordOf(meetingId), { minutes, decisions });
  if (!result.ok) throw new Error(`hold refused: ${JSON.stringify(result)}`);
  return actionItemsOf(meetingId);
}

export function actionItemsOf(meetingId: number): number[] {
  return getDb().select({ id: actionItems.recordId }).from(actionItems).where(eq(actionItems.meetingRecordId, meetingId)).orderBy(actionItems.position).all().map((a) => a.id);
}

/** A new XH–TZ action item for `county` (owner its pl), recorded by xh.pl. */
export function actionItemFor(county: "XH" | "TZ" = "TZ"): number {
  return holdAs("xh.pl", scheduleAs(), [decision(county, `${county.toLowerCase()}.pl`)])[0];
}

/** Puts a meeting record (scheduled) or action item (open) into `status` through the services. */
export function moveMeetingTo(id: number, status: string): void {
  const r = recordOf(id);
  if (status === r.status) return;
  if (status === "held") holdAs("xh.pl", id, [decision("XH", "xh.pl")]);
  else if (status === "cancelled") expectOk(cancelMeeting(viewerOf("xh.pl"), r, { note: "取消" }));
  else if (status === "done") expectOk(completeActionItem(viewerOf(responsibleUsername(id)), r, { note: "办结" }));
  else if (status === "open" && r.status === "done") expectOk(reopenActionItem(viewerOf("xh.pl"), r, { note: "重开" }));
  else throw new Error(`cannot move ${r.status} to ${status}`);
}

function responsibleUsername(id: number): string {
  const item = getDb().select().from(actionItems).where(eq(actionItems.recordId, id)).get()!;
  return item.responsibleCountyId === countyIdOf("TZ") ? "tz.pl" : "xh.pl";
}

function expectOk(result: { ok: boolean }) {
  if (!result.ok) throw new Error(`step refused: ${JSON.stringify(result)}`);
}
