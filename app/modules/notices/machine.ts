/**
 * The life of a case notice (通报) between police liaisons: sent → in progress (once an addressed
 * county signs for it, 签收) → concluded by the sender; or cancelled by the sender. Signing for it
 * and reporting a result are steps each addressed county takes for itself (notice_receipts).
 */
import type { StateMachine } from "~/modules/records/state-machine";

export const NOTICE_STATUSES = ["sent", "in_progress", "concluded", "cancelled"] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export const NOTICE_ACTIONS = ["sign", "report_result", "conclude", "cancel"] as const;
export type NoticeAction = (typeof NOTICE_ACTIONS)[number];

const POLICE = ["police_liaison"] as const;

export const NOTICE_MACHINE: StateMachine<NoticeStatus, NoticeAction> = {
  initial: "sent",
  final: ["concluded", "cancelled"],
  transitions: [
    // 签收: an addressed county acknowledges (receiver side only; once per county).
    { from: ["sent", "in_progress"], action: "sign", to: "in_progress", roles: POLICE, requires: [] },
    // 反馈结果: suspects caught, property recovered or nothing found, with counts (receiver side).
    { from: ["in_progress"], action: "report_result", to: "in_progress", roles: POLICE, requires: ["result", "suspectsCaught", "itemsRecovered", "note"] },
    // 办结 / 撤销: the sender closes it.
    { from: ["in_progress"], action: "conclude", to: "concluded", roles: POLICE, requires: ["note"] },
    { from: ["sent", "in_progress"], action: "cancel", to: "cancelled", roles: POLICE, requires: ["note"] },
  ],
};

/** Which side of the notice may take each step. */
export const NOTICE_STEP_SIDE: Record<NoticeAction, "sender" | "receiver"> = {
  sign: "receiver",
  report_result: "receiver",
  conclude: "sender",
  cancel: "sender",
};

/** Default sign-for deadlines in minutes: 24 h, 2 h, 30 min. */
export const DEFAULT_SIGN_MINUTES = { normal: 24 * 60, urgent: 120, critical: 30 } as const;
