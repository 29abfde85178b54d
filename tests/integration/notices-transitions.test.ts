/**
 * Every cell of the notice machine: status × action × role × side (the sender county XH, the
 * addressed county TZ), on real notices shared with political-legal staff, through the step
 * functions and the engine. The expected table is written out here, not read from machine.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "~/modules/access/capabilities";
import { NOTICE_ACTIONS, NOTICE_MACHINE, NOTICE_STATUSES, type NoticeAction, type NoticeStatus } from "~/modules/notices/machine";
import { takeNoticeStep } from "~/modules/notices/steps.server";
import { useDemoData, viewerOf } from "../setup/demo";
import { moveNoticeTo, receiptRow, recordOf, sendAs } from "./helpers/notice-fixtures";

useDemoData();

const STEPS: Record<NoticeStatus, Partial<Record<NoticeAction, NoticeStatus>>> = {
  sent: { sign: "in_progress", cancel: "cancelled" },
  in_progress: { sign: "in_progress", report_result: "in_progress", conclude: "concluded", cancel: "cancelled" },
  concluded: {},
  cancelled: {},
};
const SIDE: Record<NoticeAction, "sender" | "receiver"> = { sign: "receiver", report_result: "receiver", conclude: "sender", cancel: "sender" };
const SUFFIX: Record<Role, string> = {
  county_admin: "admin", pl_staff: "pl", police_liaison: "police", mediator: "mediator", grid_worker: "grid", leader: "leader",
};
const FIELDS: Record<NoticeAction, Record<string, unknown>> = {
  sign: {},
  report_result: { result: "caught", suspectsCaught: 2, itemsRecovered: 1, note: "抓获两人" },
  conclude: { note: "办结" },
  cancel: { note: "撤销" },
};

type Expected = { ok: true; to: NoticeStatus } | { ok: false; reason: "forbidden" | "conflict" };

function expected(status: NoticeStatus, action: NoticeAction, role: Role, side: "sender" | "receiver"): Expected {
  const to = STEPS[status][action];
  if (!to) return { ok: false, reason: "conflict" };
  if (role !== "police_liaison" || SIDE[action] !== side) return { ok: false, reason: "forbidden" };
  // In these records in_progress means TZ (the only addressee) has signed: it cannot sign again.
  if (action === "sign" && status === "in_progress") return { ok: false, reason: "conflict" };
  return { ok: true, to };
}

const cells = NOTICE_STATUSES.flatMap((status) =>
  NOTICE_ACTIONS.flatMap((action) =>
    ROLES.flatMap((role) => (["sender", "receiver"] as const).map((side) => ({ status, action, role, side, expect: expected(status, action, role, side) }))),
  ),
);

describe("every cell: status × action × role × side", () => {
  const ids = new Map<string, number>();
  beforeAll(() => {
    for (const c of cells) {
      const id = sendAs("xh.police", { policeOnly: false });
      moveNoticeTo(id, c.status);
      ids.set(`${c.status}.${c.action}.${c.role}.${c.side}`, id);
    }
  });

  it("the machine has exactly the steps the domain names", () => {
    const table = Object.fromEntries(
      NOTICE_STATUSES.map((s) => [s, Object.fromEntries(NOTICE_MACHINE.transitions.filter((t) => t.from.includes(s)).map((t) => [t.action, t.to]))]),
    );
    expect(table).toEqual(STEPS);
  });

  it.each(cells)("$status · $action · $role ($side) → $expect", ({ status, action, role, side, expect: want }) => {
    const id = ids.get(`${status}.${action}.${role}.${side}`)!;
    const username = `${side === "sender" ? "xh" : "tz"}.${SUFFIX[role]}`;
    const before = recordOf(id);
    const result = takeNoticeStep(viewerOf(username), before, action, FIELDS[action]);
    expect(result).toEqual(want.ok ? { ok: true, status: want.to } : { ok: false, reason: want.reason });
    const after = recordOf(id);
    if (!want.ok) {
      expect(after.status).toBe(before.status);
      expect(after.updatedAt).toBe(before.updatedAt);
      return;
    }
    expect(after.status).toBe(want.to);
    if (action === "report_result") {
      const receipt = receiptRow(id, "TZ")!;
      expect(receipt).toMatchObject({ result: "caught", suspectsCaught: 2, itemsRecovered: 1, resultNote: "抓获两人" });
    }
    if (action === "sign") expect(receiptRow(id, "TZ")!.signedAt).not.toBeNull();
  });
});
