/**
 * The steps of a notice (machine.ts). The engine's applyTransition checks roles and capability,
 * guards against stale pages and writes the thread event and audit entry; this module adds the
 * side rules (NOTICE_STEP_SIDE: an addressed county signs and reports, the sender concludes or
 * cancels) and the per-county receipt: who signed and when, and the result.
 */
import { and, eq, isNull } from "drizzle-orm";
import { noticeDetails, noticeReceipts } from "~db/schema";
import { denial, type RecordRow } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, type Tx } from "~/modules/db/connection.server";
import type { Refusal } from "~/modules/hazards/outcomes";
import { applyTransition, transitionsForViewer } from "~/modules/records/transitions.server";
import { transitionFor } from "~/modules/records/state-machine";
import { NOTICE_MACHINE, NOTICE_STEP_SIDE, type NoticeAction, type NoticeStatus } from "./machine";
import type { NoticeStepFields } from "./schemas";
import { earliestUnsignedDeadline, receiptState } from "./signing";

export type NoticeStepResult = { ok: true; status: NoticeStatus } | Refusal;

export function isNoticeAction(value: unknown): value is NoticeAction {
  return typeof value === "string" && value in NOTICE_STEP_SIDE;
}

export function receiptOf(recordId: number, countyId: number, tx: Tx = getDb()) {
  return (
    tx.select().from(noticeReceipts).where(and(eq(noticeReceipts.recordId, recordId), eq(noticeReceipts.countyId, countyId))).get() ??
    null
  );
}

/**
 * Null when the viewer's county and roles may take `action` now. Otherwise: "conflict" when the
 * notice's status has no such step or this county's receipt is past it (already signed, not yet
 * signed); "forbidden" (audited) for a role the step does not allow or the wrong side.
 */
export function noticeStepRefusal(viewer: Viewer, record: RecordRow, action: NoticeAction): Refusal | null {
  if (!transitionFor(NOTICE_MACHINE, record.status, action)) return { ok: false, reason: "conflict" };
  const roleAllows = transitionsForViewer(viewer, record, NOTICE_MACHINE).some((t) => t.action === action);
  const isSender = record.ownerCountyId === viewer.countyId;
  const receipt = isSender ? null : receiptOf(record.id, viewer.countyId);
  const sideAllows = NOTICE_STEP_SIDE[action] === "sender" ? isSender : receipt !== null;
  if (!roleAllows || !sideAllows) {
    denial(viewer, "notice", record.id, `transition:${action}`);
    return { ok: false, reason: "forbidden" };
  }
  if (action === "sign" && receipt!.signedAt !== null) return { ok: false, reason: "conflict" };
  if (action === "report_result" && receipt!.signedAt === null) return { ok: false, reason: "conflict" };
  return null;
}

/** The steps the viewer's county may take now (the forms on the notice's page). */
export function noticeStepsForViewer(viewer: Viewer, record: RecordRow): NoticeAction[] {
  if (transitionsForViewer(viewer, record, NOTICE_MACHINE).length === 0) return [];
  const isSender = record.ownerCountyId === viewer.countyId;
  const receipt = isSender ? null : receiptOf(record.id, viewer.countyId);
  return transitionsForViewer(viewer, record, NOTICE_MACHINE)
    .map((t) => t.action)
    .filter((action) => {
      if (NOTICE_STEP_SIDE[action] === "sender") return isSender;
      if (!receipt) return false;
      return action === "sign" ? receipt.signedAt === null : receipt.signedAt !== null;
    });
}

function done(result: ReturnType<typeof applyTransition>): NoticeStepResult {
  return result.ok ? { ok: true, status: result.status as NoticeStatus } : { ok: false, reason: result.reason };
}

/** 签收: the viewer's county signs for a notice addressed to it (once). */
export function signForNotice(viewer: Viewer, record: RecordRow): NoticeStepResult {
  const refusal = noticeStepRefusal(viewer, record, "sign");
  if (refusal) return refusal;
  const now = Date.now();
  const receipt = receiptOf(record.id, viewer.countyId)!;
  const late = receiptState({ signDeadline: receipt.signDeadline, signedAt: now }) === "signed_late";
  let raced = false;
  let result: ReturnType<typeof applyTransition>;
  try {
    result = applyTransition(viewer, record, NOTICE_MACHINE, "sign", {
    payload: { countyId: viewer.countyId, countyName: viewer.countyName, late, signDeadline: receipt.signDeadline },
    dueAt: earliestUnsignedDeadline(getDb(), record.id, viewer.countyId),
    applyDetails: (tx) => {
      const changed = tx
        .update(noticeReceipts)
        .set({ signedBy: viewer.userId, signedAt: now })
        .where(and(eq(noticeReceipts.recordId, record.id), eq(noticeReceipts.countyId, viewer.countyId), isNull(noticeReceipts.signedAt)))
        .run();
      if (changed.changes === 0) {
        raced = true;
        throw new Error("already signed");
      }
    },
  });
  } catch (error) {
    if (raced) return { ok: false, reason: "conflict" };
    throw error;
  }
  return done(result);
}

/** 反馈结果: a county that signed reports what it found. */
export function reportNoticeResult(viewer: Viewer, record: RecordRow, fields: NoticeStepFields<"report_result">): NoticeStepResult {
  const refusal = noticeStepRefusal(viewer, record, "report_result");
  if (refusal) return refusal;
  const now = Date.now();
  return done(
    applyTransition(viewer, record, NOTICE_MACHINE, "report_result", {
      payload: { countyId: viewer.countyId, countyName: viewer.countyName, ...fields },
      note: fields.note,
      applyDetails: (tx) => {
        tx.update(noticeReceipts)
          .set({
            result: fields.result,
            suspectsCaught: fields.suspectsCaught,
            itemsRecovered: fields.itemsRecovered,
            resultNote: fields.note,
            resultBy: viewer.userId,
            resultAt: now,
          })
          .where(and(eq(noticeReceipts.recordId, record.id), eq(noticeReceipts.countyId, viewer.countyId)))
          .run();
      },
    }),
  );
}

/** 办结 / 撤销: the sender county closes the notice. */
export function closeNotice(viewer: Viewer, record: RecordRow, action: "conclude" | "cancel", fields: { note: string }): NoticeStepResult {
  const refusal = noticeStepRefusal(viewer, record, action);
  if (refusal) return refusal;
  const now = Date.now();
  return done(
    applyTransition(viewer, record, NOTICE_MACHINE, action, {
      payload: { note: fields.note },
      note: fields.note,
      applyDetails: (tx) => {
        tx.update(noticeDetails).set({ closedAt: now }).where(eq(noticeDetails.recordId, record.id)).run();
      },
    }),
  );
}

/** Any step by name, with fields already validated by STEP_SCHEMAS. */
export function takeNoticeStep(viewer: Viewer, record: RecordRow, action: NoticeAction, fields: Record<string, unknown>): NoticeStepResult {
  switch (action) {
    case "sign":
      return signForNotice(viewer, record);
    case "report_result":
      return reportNoticeResult(viewer, record, fields as NoticeStepFields<"report_result">);
    case "conclude":
    case "cancel":
      return closeNotice(viewer, record, action, fields as { note: string });
  }
}
