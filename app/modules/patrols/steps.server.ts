/**
 * The steps of a patrol (machine.ts) through the engine's applyTransition, which checks roles and
 * capability, guards against stale pages and writes the thread event and audit entry; each step
 * writes its own columns of patrol_details in the same transaction: the actual start; the actual
 * end, people and vehicles checked and the log; or nothing but the reason for a cancellation.
 */
import { eq } from "drizzle-orm";
import { patrolDetails } from "~db/schema";
import type { RecordRow } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { invalid, type Refusal } from "~/modules/hazards/outcomes";
import { applyTransition, transitionsForViewer } from "~/modules/records/transitions.server";
import { PATROL_ACTIONS, PATROL_MACHINE, type PatrolAction, type PatrolStatus } from "./machine";
import type { PatrolStepFields } from "./schemas";

export type PatrolStepResult = { ok: true; status: PatrolStatus } | Refusal;

export function isPatrolAction(value: unknown): value is PatrolAction {
  return typeof value === "string" && (PATROL_ACTIONS as readonly string[]).includes(value);
}

function done(result: ReturnType<typeof applyTransition>): PatrolStepResult {
  return result.ok ? { ok: true, status: result.status as PatrolStatus } : { ok: false, reason: result.reason };
}

/** 开始巡防: the actual start. */
export function startPatrol(viewer: Viewer, record: RecordRow, fields: PatrolStepFields<"start">): PatrolStepResult {
  return done(
    applyTransition(viewer, record, PATROL_MACHINE, "start", {
      payload: { startedAt: fields.startedAt },
      applyDetails: (tx) => {
        tx.update(patrolDetails).set({ startedAt: fields.startedAt }).where(eq(patrolDetails.recordId, record.id)).run();
      },
    }),
  );
}

/** 完成巡防: the actual end (not before the start), people and vehicles checked, the log. */
export function completePatrol(viewer: Viewer, record: RecordRow, fields: PatrolStepFields<"complete">): PatrolStepResult {
  const details = getDb().select({ startedAt: patrolDetails.startedAt }).from(patrolDetails).where(eq(patrolDetails.recordId, record.id)).get();
  const mayComplete = transitionsForViewer(viewer, record, PATROL_MACHINE).some((t) => t.action === "complete" && t.from.includes("in_progress"));
  if (mayComplete && record.status === "in_progress" && details?.startedAt != null && fields.endedAt < details.startedAt) {
    return invalid({ endedAt: "patrols.form.endBeforeStart" });
  }
  const { summary, ...counts } = fields;
  return done(
    applyTransition(viewer, record, PATROL_MACHINE, "complete", {
      payload: counts,
      note: summary,
      applyDetails: (tx) => {
        tx.update(patrolDetails).set({ ...counts, summary }).where(eq(patrolDetails.recordId, record.id)).run();
      },
    }),
  );
}

/** 取消巡防, with the reason. */
export function cancelPatrol(viewer: Viewer, record: RecordRow, fields: PatrolStepFields<"cancel">): PatrolStepResult {
  return done(applyTransition(viewer, record, PATROL_MACHINE, "cancel", { payload: {}, note: fields.note }));
}

/** Any step by name, with fields already validated by STEP_SCHEMAS. */
export function takePatrolStep(viewer: Viewer, record: RecordRow, action: PatrolAction, fields: Record<string, unknown>): PatrolStepResult {
  switch (action) {
    case "start":
      return startPatrol(viewer, record, fields as PatrolStepFields<"start">);
    case "complete":
      return completePatrol(viewer, record, fields as PatrolStepFields<"complete">);
    case "cancel":
      return cancelPatrol(viewer, record, fields as PatrolStepFields<"cancel">);
  }
}
