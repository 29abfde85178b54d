/**
 * Joint sweeps (联合排查): periodic (定期) or focused (重点) inspections planned under a pact in
 * force that covers hazards. The planner names people of their own county; each partner county
 * adds its own people on the sweep's page (as with joint bodies, a county manages only its own
 * people). Planning, staffing, completing and cancelling need the hazard workflow's `transition`
 * capability (political-legal staff, police liaisons). Every change is audited in its transaction.
 */
import { and, eq } from "drizzle-orm";
import { jointSweepParticipants, jointSweeps } from "~db/schema";
import { assertCan } from "~/modules/access/policy.server";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { writeTransaction, type Tx } from "~/modules/db/connection.server";
import { allEnabledPeopleOf } from "~/modules/pacts/people.server";
import { usablePactMembers } from "~/modules/records/create.server";
import { actorOf } from "~/modules/tenancy/users.server";
import { invalid, type Refusal } from "./outcomes";
import type { PlanSweepInput } from "./sweep-schemas";
import { findMemberSweep, type SweepRow } from "./sweeps-read.server";

/** Plans a sweep; the participants are people of the viewer's own county. */
export function planSweep(viewer: Viewer, input: PlanSweepInput): { ok: true; sweepId: number } | Refusal {
  assertCan(viewer, "hazard", "transition");
  return writeTransaction((tx): { ok: true; sweepId: number } | Refusal => {
    if (!usablePactMembers(tx, viewer, input.pactId, "hazard")) return invalid({ pactId: "records.error.pactNotUsable" });
    if (!allEnabledPeopleOf(tx, viewer.countyId, input.participantIds)) return invalid({ participantIds: "form.invalidChoice" });
    const { id } = tx
      .insert(jointSweeps)
      .values({
        pactId: input.pactId,
        organiserCountyId: viewer.countyId,
        kind: input.kind,
        title: input.title,
        scope: input.scope,
        plannedOn: input.plannedOn,
        status: "planned",
        createdBy: viewer.userId,
        createdAt: Date.now(),
      })
      .returning({ id: jointSweeps.id })
      .get();
    for (const userId of input.participantIds) {
      tx.insert(jointSweepParticipants).values({ sweepId: id, userId, countyId: viewer.countyId }).run();
    }
    appendAudit(tx, actorOf(viewer), {
      action: "joint_sweep.plan",
      entityType: "joint_sweep",
      entityId: id,
      after: { pactId: input.pactId, kind: input.kind, title: input.title, scope: input.scope, plannedOn: input.plannedOn, participants: input.participantIds },
    });
    return { ok: true, sweepId: id };
  });
}

/** A planned sweep of a member pact still in force, for a change; or why not. */
function openSweep(tx: Tx, viewer: Viewer, sweepId: number): SweepRow | Refusal {
  const sweep = findMemberSweep(tx, viewer, sweepId);
  if (!sweep) return { ok: false, reason: "not_found" };
  if (sweep.status !== "planned" || !usablePactMembers(tx, viewer, sweep.pactId, "hazard")) return { ok: false, reason: "conflict" };
  return sweep;
}

const isRefusal = (value: SweepRow | Refusal): value is Refusal => "ok" in value;

/** Adds one person of the viewer's own county to a planned sweep. */
export function addSweepParticipant(viewer: Viewer, sweepId: number, userId: string): { ok: true } | Refusal {
  assertCan(viewer, "hazard", "transition");
  return writeTransaction((tx): { ok: true } | Refusal => {
    const sweep = openSweep(tx, viewer, sweepId);
    if (isRefusal(sweep)) return sweep;
    if (!allEnabledPeopleOf(tx, viewer.countyId, [userId])) return invalid({ userId: "form.invalidChoice" });
    const already = tx
      .select({ userId: jointSweepParticipants.userId })
      .from(jointSweepParticipants)
      .where(and(eq(jointSweepParticipants.sweepId, sweep.id), eq(jointSweepParticipants.userId, userId)))
      .get();
    if (already) return invalid({ userId: "hazards.sweep.form.alreadyIn" });
    tx.insert(jointSweepParticipants).values({ sweepId: sweep.id, userId, countyId: viewer.countyId }).run();
    appendAudit(tx, actorOf(viewer), {
      action: "joint_sweep.add_participant",
      entityType: "joint_sweep",
      entityId: sweep.id,
      after: { userId, countyId: viewer.countyId },
    });
    return { ok: true };
  });
}

/** Takes a person of the viewer's own county off a planned sweep (other counties' people are theirs). */
export function removeSweepParticipant(viewer: Viewer, sweepId: number, userId: string): { ok: true } | Refusal {
  assertCan(viewer, "hazard", "transition");
  return writeTransaction((tx): { ok: true } | Refusal => {
    const sweep = openSweep(tx, viewer, sweepId);
    if (isRefusal(sweep)) return sweep;
    const where = and(
      eq(jointSweepParticipants.sweepId, sweep.id),
      eq(jointSweepParticipants.userId, userId),
      eq(jointSweepParticipants.countyId, viewer.countyId),
    );
    if (!tx.select().from(jointSweepParticipants).where(where).get()) return invalid({ userId: "form.invalidChoice" });
    tx.delete(jointSweepParticipants).where(where).run();
    appendAudit(tx, actorOf(viewer), {
      action: "joint_sweep.remove_participant",
      entityType: "joint_sweep",
      entityId: sweep.id,
      before: { userId, countyId: viewer.countyId },
      after: null,
    });
    return { ok: true };
  });
}

/** Ends a planned sweep: completed with its outcome, or cancelled with a reason. */
function closeSweep(viewer: Viewer, sweepId: number, status: "completed" | "cancelled", outcome: string): { ok: true } | Refusal {
  assertCan(viewer, "hazard", "transition");
  return writeTransaction((tx): { ok: true } | Refusal => {
    const sweep = openSweep(tx, viewer, sweepId);
    if (isRefusal(sweep)) return sweep;
    const now = Date.now();
    const changed = tx
      .update(jointSweeps)
      .set({ status, outcome, completedAt: now })
      .where(and(eq(jointSweeps.id, sweep.id), eq(jointSweeps.status, "planned")))
      .run();
    if (changed.changes === 0) return { ok: false, reason: "conflict" };
    appendAudit(tx, actorOf(viewer), {
      action: status === "completed" ? "joint_sweep.complete" : "joint_sweep.cancel",
      entityType: "joint_sweep",
      entityId: sweep.id,
      before: { status: "planned" },
      after: { status, outcome },
    });
    return { ok: true };
  });
}

/** Records the outcome of a planned sweep (完成排查). */
export function completeSweep(viewer: Viewer, sweepId: number, outcome: string) {
  return closeSweep(viewer, sweepId, "completed", outcome);
}

/** Calls a planned sweep off, with the reason. */
export function cancelSweep(viewer: Viewer, sweepId: number, reason: string) {
  return closeSweep(viewer, sweepId, "cancelled", reason);
}
