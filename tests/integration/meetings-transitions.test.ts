/**
 * Every cell of the meeting machine, for both kinds of record: status × action × role × side (XH,
 * which scheduled the meetings and recorded the minutes, and TZ, the partner and the county
 * responsible for the action items), through the step functions and the engine. The expected
 * table is written out here, not read from machine.ts.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { actionItems, threadEntries } from "~db/schema";
import { ROLES, type Role } from "~/modules/access/capabilities";
import { getDb } from "~/modules/db/connection.server";
import { ACTION_ITEM_STATUSES, MEETING_ACTIONS, MEETING_MACHINE, MEETING_STATUSES, type MeetingAction } from "~/modules/meetings/machine";
import { takeMeetingStep } from "~/modules/meetings/steps.server";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { actionItemFor, decision, moveMeetingTo, recordOf, scheduleAs } from "./helpers/meeting-fixtures";

useDemoData();

const STATUSES = [...MEETING_STATUSES, ...ACTION_ITEM_STATUSES];
type Status = (typeof STATUSES)[number];
const STEPS: Record<Status, Partial<Record<MeetingAction, Status>>> = {
  scheduled: { hold: "held", cancel: "cancelled" },
  held: {},
  cancelled: {},
  open: { complete: "done" },
  done: { reopen: "open" },
};
const SUFFIX: Record<Role, string> = {
  county_admin: "admin", pl_staff: "pl", police_liaison: "police", mediator: "mediator", grid_worker: "grid", leader: "leader",
};
const isActionState = (s: Status) => s === "open" || s === "done";

type Expected = { ok: true; to: Status } | { ok: false; reason: "forbidden" | "conflict" };

function expected(status: Status, action: MeetingAction, role: Role, side: "XH" | "TZ"): Expected {
  const to = STEPS[status][action];
  if (!to) return { ok: false, reason: "conflict" };
  if (role !== "pl_staff") return { ok: false, reason: "forbidden" };
  // Only the responsible county (TZ in these records) reports an action item done.
  if (action === "complete" && side !== "TZ") return { ok: false, reason: "forbidden" };
  return { ok: true, to };
}

function fieldsFor(action: MeetingAction): unknown {
  if (action === "hold") return { minutes: "纪要", decisions: [decision("TZ", "tz.pl"), decision("XH", "xh.police")] };
  return { note: "说明" };
}

const cells = STATUSES.flatMap((status) =>
  MEETING_ACTIONS.flatMap((action) =>
    ROLES.flatMap((role) => (["XH", "TZ"] as const).map((side) => ({ status, action, role, side, expect: expected(status, action, role, side) }))),
  ),
);

describe("every cell: status × action × role × side", () => {
  const ids = new Map<string, number>();
  beforeAll(() => {
    for (const c of cells) {
      const id = isActionState(c.status) ? actionItemFor("TZ") : scheduleAs();
      moveMeetingTo(id, c.status);
      ids.set(`${c.status}.${c.action}.${c.role}.${c.side}`, id);
    }
  });

  it("the machine has exactly the steps the domain names, and the two kinds never meet", () => {
    const table = Object.fromEntries(
      STATUSES.map((s) => [s, Object.fromEntries(MEETING_MACHINE.transitions.filter((t) => t.from.includes(s)).map((t) => [t.action, t.to]))]),
    );
    expect(table).toEqual(STEPS);
    for (const t of MEETING_MACHINE.transitions) {
      expect(t.from.every((f) => isActionState(f)), t.action).toBe(isActionState(t.to));
    }
  });

  it.each(cells)("$status · $action · $role ($side) → $expect", ({ status, action, role, side, expect: want }) => {
    const id = ids.get(`${status}.${action}.${role}.${side}`)!;
    const before = recordOf(id);
    const entries = () => getDb().select().from(threadEntries).where(eq(threadEntries.recordId, id)).all().length;
    const entriesBefore = entries();
    const result = takeMeetingStep(viewerOf(`${side.toLowerCase()}.${SUFFIX[role]}`), before, action, fieldsFor(action));
    expect(result).toEqual(want.ok ? { ok: true, status: want.to } : { ok: false, reason: want.reason });
    const after = recordOf(id);
    if (!want.ok) {
      expect(after.status).toBe(before.status);
      expect(after.updatedAt).toBe(before.updatedAt);
      expect(entries()).toBe(entriesBefore);
      return;
    }
    expect(after.status).toBe(want.to);
    const item = getDb().select().from(actionItems).where(eq(actionItems.recordId, id)).get();
    if (action === "complete") {
      expect(after.dueAt).toBeNull();
      expect(item!.doneAt).not.toBeNull();
    }
    if (action === "reopen") {
      expect(after.dueAt).not.toBeNull();
      expect([item!.doneAt, item!.doneBy]).toEqual([null, null]);
    }
    if (action === "hold") {
      const opened = getDb().select().from(actionItems).where(eq(actionItems.meetingRecordId, id)).all();
      expect(opened.map((o) => o.responsibleCountyId)).toEqual([countyIdOf("TZ"), countyIdOf("XH")]);
    }
  });
});
