/**
 * Moving a record through its state machine: the viewer's roles and the workflow's `transition`
 * capability decide, the update is scoped to the record's current status (a stale page gets a
 * conflict, not a double step), and the thread event and audit entry land in the same transaction.
 */
import { and, eq } from "drizzle-orm";
import { records } from "~db/schema";
import { can } from "~/modules/access/capabilities";
import { denial, type RecordRow } from "~/modules/access/policy.server";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { writeTransaction, type Tx } from "~/modules/db/connection.server";
import { actorOf } from "~/modules/tenancy/users.server";
import { availableTransitions, isFinal, transitionFor, type StateMachine, type Transition } from "./state-machine";
import { appendThreadEvent } from "./thread.server";

/** The steps the viewer may take on this record now (the action buttons). */
export function transitionsForViewer<S extends string, A extends string>(
  viewer: Viewer,
  record: RecordRow,
  machine: StateMachine<S, A>,
): Transition<S, A>[] {
  if (!can(viewer.roles, record.workflow, "transition")) return [];
  return availableTransitions(machine, record.status, viewer.roles);
}

export type TransitionResult = { ok: true; status: string } | { ok: false; reason: "forbidden" | "conflict" };

export interface TransitionInput {
  /** Fields that came with the step; kept with the thread event. */
  payload?: Record<string, unknown>;
  /** Words that explain the step, shown in the thread under the event line. */
  note?: string;
  /** The record's deadline after the step (null clears it; undefined leaves it). */
  dueAt?: number | null;
  /** Writes the workflow's own columns for this step, in the same transaction. */
  applyDetails?: (tx: Tx) => void;
}

export function applyTransition(
  viewer: Viewer,
  record: RecordRow,
  machine: StateMachine,
  action: string,
  input: TransitionInput = {},
): TransitionResult {
  const step = transitionFor(machine, record.status, action);
  const allowed = transitionsForViewer(viewer, record, machine).some((t) => t.action === action);
  if (!step) return { ok: false, reason: "conflict" };
  if (!allowed) {
    denial(viewer, record.workflow, record.id, `transition:${action}`);
    return { ok: false, reason: "forbidden" };
  }
  return writeTransaction((tx): TransitionResult => {
    const now = Date.now();
    const dueAt = isFinal(machine, step.to) ? null : input.dueAt;
    const changed = tx
      .update(records)
      .set({ status: step.to, updatedAt: now, ...(dueAt === undefined ? {} : { dueAt }) })
      .where(and(eq(records.id, record.id), eq(records.status, record.status)))
      .run();
    if (changed.changes === 0) return { ok: false, reason: "conflict" };
    input.applyDetails?.(tx);
    appendThreadEvent(tx, viewer, record.id, {
      action,
      fromStatus: record.status,
      toStatus: step.to,
      payload: input.payload,
      body: input.note,
    });
    appendAudit(tx, actorOf(viewer), {
      action: `record.${action}`,
      entityType: record.workflow,
      entityId: record.id,
      before: { status: record.status },
      after: { status: step.to, ...input.payload },
    });
    return { ok: true, status: step.to };
  });
}
