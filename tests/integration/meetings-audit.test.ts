/**
 * Every kind of write of joint meetings leaves an audit entry with who, which county, what, and
 * before/after — scheduling, a county's attendees, the minutes, each action item opened from them
 * and its link to the meeting, cancelling, reporting done, reopening — and a refused step leaves
 * its denial. One row per kind, in the order a meeting lives them.
 */
import { desc, eq, gt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import { scheduleMeeting } from "~/modules/meetings/schedule.server";
import { cancelMeeting, completeActionItem, holdMeeting, reopenActionItem, setOwnAttendees } from "~/modules/meetings/steps.server";
import { useDemoData, viewerOf } from "../setup/demo";
import { actionItemsOf, decision, recordOf, scheduleAs, scheduleInput, userIdOf } from "./helpers/meeting-fixtures";

useDemoData();

interface Row {
  action: string;
  write: () => unknown;
  actor: string;
  /** The entry's entity id, read after the write. */
  entity?: () => number;
  hasBefore?: boolean;
  hasAfter?: boolean;
}

const state: Record<string, number> = {};

const ROWS: Row[] = [
  {
    action: "meeting.schedule", actor: "xh.pl", hasAfter: true, entity: () => state.meeting,
    write: () => {
      const result = scheduleMeeting(viewerOf("xh.pl"), scheduleInput());
      if (result.ok) state.meeting = result.id;
    },
  },
  { action: "record.create", actor: "xh.pl", hasAfter: true, entity: () => state.other, write: () => (state.other = scheduleAs("xh.pl")) },
  {
    action: "meeting.attendees", actor: "tz.pl", hasBefore: true, hasAfter: true, entity: () => state.meeting,
    write: () => setOwnAttendees(viewerOf("tz.pl"), recordOf(state.meeting), [userIdOf("tz.pl"), userIdOf("tz.police")]),
  },
  {
    action: "record.hold", actor: "xh.pl", hasBefore: true, hasAfter: true, entity: () => state.meeting,
    write: () => {
      holdMeeting(viewerOf("xh.pl"), recordOf(state.meeting), { minutes: "纪要", decisions: [decision("TZ", "tz.pl")] });
      state.item = actionItemsOf(state.meeting)[0];
    },
  },
  {
    action: "action_item.details", actor: "xh.pl", hasAfter: true, entity: () => state.item2,
    write: () => {
      const id = scheduleAs("xh.pl");
      holdMeeting(viewerOf("xh.pl"), recordOf(id), { minutes: "纪要", decisions: [decision("XH", "xh.pl")] });
      state.item2 = actionItemsOf(id)[0];
    },
  },
  {
    action: "record.link", actor: "xh.pl", hasAfter: true,
    write: () => holdMeeting(viewerOf("xh.pl"), recordOf(scheduleAs("xh.pl")), { minutes: "纪要", decisions: [decision("TZ", "tz.police")] }),
  },
  { action: "record.cancel", actor: "tz.pl", hasBefore: true, hasAfter: true, entity: () => state.other, write: () => cancelMeeting(viewerOf("tz.pl"), recordOf(state.other), { note: "改期" }) },
  { action: "record.complete", actor: "tz.pl", hasBefore: true, hasAfter: true, entity: () => state.item, write: () => completeActionItem(viewerOf("tz.pl"), recordOf(state.item), { note: "已办结" }) },
  { action: "record.reopen", actor: "xh.pl", hasBefore: true, hasAfter: true, entity: () => state.item, write: () => reopenActionItem(viewerOf("xh.pl"), recordOf(state.item), { note: "仍未完成" }) },
  { action: "access.denied", actor: "xh.pl", hasAfter: true, entity: () => state.item, write: () => completeActionItem(viewerOf("xh.pl"), recordOf(state.item), { note: "越权" }) },
];

describe("every kind of meeting write is audited", () => {
  it.each(ROWS.map((row) => [row.action, row] as const))("%s", async (_action, row) => {
    const lastId = getDb().select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()?.id ?? 0;
    await row.write();
    const entries = getDb().select().from(auditLog).where(gt(auditLog.id, lastId)).all();
    const entry = entries.find((e) => e.action === row.action && (!row.entity || e.entityId === String(row.entity())));
    expect(entry, `no ${row.action} entry among ${entries.map((e) => `${e.action}:${e.entityId}`).join(", ")}`).toBeDefined();
    const viewer = viewerOf(row.actor);
    expect(entry).toMatchObject({ actorUserId: viewer.userId, countyId: viewer.countyId });
    expect(entry!.at).toBeGreaterThan(Date.now() - 60_000);
    if (row.hasBefore) expect(entry!.before).not.toBeNull();
    if (row.hasAfter) expect(entry!.after).not.toBeNull();
  });

  it("the audit entry of the minutes names the action items opened with it, each audited as created", () => {
    const id = scheduleAs("xh.pl");
    holdMeeting(viewerOf("xh.pl"), recordOf(id), { minutes: "纪要", decisions: [decision("TZ", "tz.pl"), decision("XH", "xh.pl")] });
    const items = actionItemsOf(id).map(String);
    const created = getDb().select().from(auditLog).where(eq(auditLog.action, "record.create")).all().filter((e) => items.includes(e.entityId!));
    const hold = getDb().select().from(auditLog).where(eq(auditLog.action, "record.hold")).all().find((e) => e.entityId === String(id))!;
    expect(created).toHaveLength(2);
    expect(JSON.parse(hold.after!)).toMatchObject({ status: "held", decisions: 2, actionItemIds: actionItemsOf(id) });
  });
});
