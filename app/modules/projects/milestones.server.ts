/**
 * Milestones of a project: marking one done (political-legal staff of its responsible county, or
 * of the lead county; while the project is proposed — preparations — or active) and adding one (the lead county's staff; any
 * time before the project is completed). Each write keeps the record's deadline (due_at) right,
 * and lands with its thread event and audit entry in one transaction.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { projectDetails, projectMilestones, recordAddressees, records } from "~db/schema";
import { todayInChina } from "~/i18n";
import { can } from "~/modules/access/capabilities";
import { denial, type RecordRow } from "~/modules/access/policy.server";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, writeTransaction, type Tx } from "~/modules/db/connection.server";
import { invalid, type Refusal } from "~/modules/hazards/outcomes";
import { appendThreadEvent } from "~/modules/records/thread.server";
import { actorOf } from "~/modules/tenancy/users.server";
import type { MilestoneAddInput, MilestoneDoneInput } from "./schemas";
import { dueAtFor, isLeadCounty } from "./steps.server";
import { MAX_MILESTONES } from "./vocabulary";

export type MilestoneResult = { ok: true } | Refusal;

type Milestone = typeof projectMilestones.$inferSelect;

function mayHandleProjects(viewer: Viewer): boolean {
  return can(viewer.roles, "project", "transition") && viewer.roles.includes("pl_staff");
}

/** The county answerable for a milestone (the lead when none was named). */
export function responsibleOf(m: Pick<Milestone, "responsibleCountyId">, record: RecordRow): number {
  return m.responsibleCountyId ?? record.ownerCountyId;
}

/** Whether the viewer's county and roles may mark this milestone done (ignoring the project's state). */
export function mayMarkDone(viewer: Viewer, record: RecordRow, m: Pick<Milestone, "responsibleCountyId">): boolean {
  return mayHandleProjects(viewer) && (isLeadCounty(viewer, record) || responsibleOf(m, record) === viewer.countyId);
}

export function mayAddMilestone(viewer: Viewer, record: RecordRow): boolean {
  return mayHandleProjects(viewer) && isLeadCounty(viewer, record) && record.status !== "completed";
}

/** Moves the record's deadline (and updated time) after a milestone changed; false if the status moved on. */
function touchRecord(tx: Tx, record: RecordRow, now: number): boolean {
  const changed = tx
    .update(records)
    .set({ dueAt: dueAtFor(tx, record.id, record.status), updatedAt: now })
    .where(and(eq(records.id, record.id), eq(records.status, record.status)))
    .run();
  return changed.changes > 0;
}

class Raced extends Error {}

function inWrite(run: (tx: Tx) => void): MilestoneResult {
  try {
    writeTransaction(run);
    return { ok: true };
  } catch (error) {
    if (error instanceof Raced) return { ok: false, reason: "conflict" };
    throw error;
  }
}

/** States in which milestones are reported done (not while suspended, nor once completed). */
export const MILESTONES_OPEN_IN: readonly string[] = ["proposed", "active"];

/** 完成节点: a milestone of a proposed or active project is reported done today (Beijing), once. */
export function markMilestoneDone(viewer: Viewer, record: RecordRow, input: MilestoneDoneInput, now = Date.now()): MilestoneResult {
  const m = getDb()
    .select()
    .from(projectMilestones)
    .where(and(eq(projectMilestones.id, input.milestoneId), eq(projectMilestones.recordId, record.id)))
    .get();
  if (!m) {
    denial(viewer, "project_milestone", input.milestoneId, "done");
    return { ok: false, reason: "not_found" };
  }
  if (!mayMarkDone(viewer, record, m)) {
    denial(viewer, "project", record.id, "milestone_done");
    return { ok: false, reason: "forbidden" };
  }
  if (!MILESTONES_OPEN_IN.includes(record.status) || m.doneOn !== null) return { ok: false, reason: "conflict" };
  const doneOn = todayInChina(now);
  return inWrite((tx) => {
    const changed = tx
      .update(projectMilestones)
      .set({ doneOn, doneBy: viewer.userId, note: input.note })
      .where(and(eq(projectMilestones.id, m.id), isNull(projectMilestones.doneOn)))
      .run();
    if (changed.changes === 0 || !touchRecord(tx, record, now)) throw new Raced();
    const payload = { milestoneId: m.id, title: m.title, dueOn: m.dueOn, doneOn, countyName: viewer.countyName };
    appendThreadEvent(tx, viewer, record.id, {
      action: "milestone_done",
      fromStatus: record.status,
      toStatus: record.status,
      payload,
      body: input.note ? `${m.title}：${input.note}` : m.title,
    });
    appendAudit(tx, actorOf(viewer), {
      action: "project.milestone_done",
      entityType: "project",
      entityId: record.id,
      before: { milestoneId: m.id, doneOn: null },
      after: { ...payload, note: input.note },
    });
  });
}

/** The counties that may answer for a milestone: the lead and the partners. */
export function projectSides(record: RecordRow, tx: Tx = getDb()): number[] {
  const partners = tx
    .select({ countyId: recordAddressees.countyId })
    .from(recordAddressees)
    .where(eq(recordAddressees.recordId, record.id))
    .all()
    .map((r) => r.countyId);
  return [record.ownerCountyId, ...partners];
}

/** 增加节点: the lead county adds a milestone within the project's term. */
export function addMilestone(viewer: Viewer, record: RecordRow, input: MilestoneAddInput, now = Date.now()): MilestoneResult {
  if (!mayHandleProjects(viewer) || !isLeadCounty(viewer, record)) {
    denial(viewer, "project", record.id, "milestone_add");
    return { ok: false, reason: "forbidden" };
  }
  if (record.status === "completed") return { ok: false, reason: "conflict" };
  const db = getDb();
  const details = db.select().from(projectDetails).where(eq(projectDetails.recordId, record.id)).get();
  if (!details) return { ok: false, reason: "not_found" };
  const errors: Record<string, string> = {};
  if (!projectSides(record).includes(input.responsibleCountyId)) errors.responsibleCountyId = "projects.form.responsibleNotASide";
  if ((details.startsOn && input.dueOn < details.startsOn) || (details.endsOn && input.dueOn > details.endsOn)) {
    errors.dueOn = "projects.form.dueOutsideTerm";
  }
  if (Object.keys(errors).length) return invalid(errors);
  return inWrite((tx) => {
    const { n, last } = tx
      .select({ n: sql<number>`count(*)`, last: sql<number | null>`max(${projectMilestones.position})` })
      .from(projectMilestones)
      .where(eq(projectMilestones.recordId, record.id))
      .get()!;
    if (n >= MAX_MILESTONES) throw new Raced();
    const { id } = tx
      .insert(projectMilestones)
      .values({ recordId: record.id, position: (last ?? -1) + 1, title: input.title, dueOn: input.dueOn, responsibleCountyId: input.responsibleCountyId })
      .returning({ id: projectMilestones.id })
      .get();
    if (!touchRecord(tx, record, now)) throw new Raced();
    const payload = { milestoneId: id, title: input.title, dueOn: input.dueOn, responsibleCountyId: input.responsibleCountyId };
    appendThreadEvent(tx, viewer, record.id, {
      action: "milestone_add",
      fromStatus: record.status,
      toStatus: record.status,
      payload,
      body: `${input.title}（${input.dueOn}）`,
    });
    appendAudit(tx, actorOf(viewer), { action: "project.milestone_add", entityType: "project", entityId: record.id, after: payload });
  });
}
