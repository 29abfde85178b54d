/**
 * The steps of a project (machine.ts): activate, complete, suspend, resume, each with a note. The
 * engine's applyTransition checks roles and capability, guards against stale pages and writes the
 * thread event and audit entry; this module adds the side rule (only the lead county steps the
 * project), the completion rule (every milestone done first) and the record's deadline: while
 * active, the end of the earliest undone milestone's day; otherwise none.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { projectDetails, projectMilestones, records } from "~db/schema";
import { denial, type RecordRow } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, type Tx } from "~/modules/db/connection.server";
import type { Refusal } from "~/modules/hazards/outcomes";
import { transitionFor } from "~/modules/records/state-machine";
import { applyTransition, transitionsForViewer } from "~/modules/records/transitions.server";
import { PROJECT_ACTIONS, PROJECT_MACHINE, type ProjectAction, type ProjectStatus } from "./machine";
import { projectDueAt } from "./milestones";

/** A step refused because milestones are still open (complete). */
export type ProjectRefusal = Refusal | { ok: false; reason: "open_milestones" };
export type ProjectStepResult = { ok: true; status: ProjectStatus } | ProjectRefusal;

export function isProjectAction(value: unknown): value is ProjectAction {
  return typeof value === "string" && (PROJECT_ACTIONS as readonly string[]).includes(value);
}

export function isLeadCounty(viewer: Viewer, record: RecordRow): boolean {
  return record.ownerCountyId === viewer.countyId;
}

/** Undone milestones of a project. */
export function openMilestoneCount(recordId: number, tx: Tx = getDb()): number {
  return tx
    .select({ n: sql<number>`count(*)` })
    .from(projectMilestones)
    .where(and(eq(projectMilestones.recordId, recordId), isNull(projectMilestones.doneOn)))
    .get()!.n;
}

/** records.due_at of the project once it is in `status`, from its milestones as stored now. */
export function dueAtFor(tx: Tx, recordId: number, status: string): number | null {
  const rows = tx
    .select({ dueOn: projectMilestones.dueOn, doneOn: projectMilestones.doneOn })
    .from(projectMilestones)
    .where(eq(projectMilestones.recordId, recordId))
    .all();
  return projectDueAt(status, rows);
}

/**
 * Null when the viewer may take `action` now. Otherwise "conflict" when the status has no such
 * step, "forbidden" (audited) for a role or county the step does not allow — only political-legal
 * staff of the lead county step a project — and "open_milestones" when completing too early.
 */
export function projectStepRefusal(viewer: Viewer, record: RecordRow, action: ProjectAction): ProjectRefusal | null {
  if (!transitionFor(PROJECT_MACHINE, record.status, action)) return { ok: false, reason: "conflict" };
  const roleAllows = transitionsForViewer(viewer, record, PROJECT_MACHINE).some((t) => t.action === action);
  if (!roleAllows || !isLeadCounty(viewer, record)) {
    denial(viewer, "project", record.id, `transition:${action}`);
    return { ok: false, reason: "forbidden" };
  }
  if (action === "complete" && openMilestoneCount(record.id) > 0) return { ok: false, reason: "open_milestones" };
  return null;
}

/** The steps the viewer may take now (the forms on the project's page); complete once every milestone is done. */
export function projectStepsForViewer(viewer: Viewer, record: RecordRow): ProjectAction[] {
  if (!isLeadCounty(viewer, record)) return [];
  const steps = transitionsForViewer(viewer, record, PROJECT_MACHINE).map((t) => t.action);
  return steps.includes("complete") && openMilestoneCount(record.id) > 0 ? steps.filter((a) => a !== "complete") : steps;
}

/** Any step, with its note already validated by STEP_SCHEMAS. */
export function takeProjectStep(viewer: Viewer, record: RecordRow, action: ProjectAction, fields: { note: string }): ProjectStepResult {
  const refusal = projectStepRefusal(viewer, record, action);
  if (refusal) return refusal;
  const to = transitionFor(PROJECT_MACHINE, record.status, action)!.to;
  const now = Date.now();
  let raced = false;
  let result: ReturnType<typeof applyTransition>;
  try {
    result = applyTransition(viewer, record, PROJECT_MACHINE, action, {
      payload: { note: fields.note },
      note: fields.note,
      dueAt: dueAtFor(getDb(), record.id, to),
      applyDetails: (tx) => {
        // A milestone marked done or added meanwhile changes the deadline: read it again under the lock.
        tx.update(records).set({ dueAt: dueAtFor(tx, record.id, to) }).where(eq(records.id, record.id)).run();
        if (action === "complete") {
          if (openMilestoneCount(record.id, tx) > 0) {
            raced = true;
            throw new Error("a milestone was added meanwhile");
          }
          tx.update(projectDetails).set({ completedAt: now }).where(eq(projectDetails.recordId, record.id)).run();
        }
      },
    });
  } catch (error) {
    if (raced) return { ok: false, reason: "open_milestones" };
    throw error;
  }
  return result.ok ? { ok: true, status: result.status as ProjectStatus } : { ok: false, reason: result.reason };
}
