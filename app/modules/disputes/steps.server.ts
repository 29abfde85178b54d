/**
 * Moving a dispute through its state machine (machine.ts). The engine's applyTransition decides
 * who may (roles and the workflow's `transition` capability), guards against stale pages and
 * writes the thread event and audit entry; this module adds what each step carries: the note,
 * a new risk or committee when assessing, outcome_at on resolve/stabilise/fail (cleared on
 * reopen), where a failed dispute was referred, and a return_visits row on follow_up.
 * Nothing here carries parties' phone or ID numbers.
 */
import { eq } from "drizzle-orm";
import { disputeDetails, returnVisits } from "~db/schema";
import type { RecordRow } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import type { Tx } from "~/modules/db/connection.server";
import { getDb } from "~/modules/db/connection.server";
import { invalid, type Refusal } from "~/modules/hazards/outcomes";
import { applyTransition, transitionsForViewer } from "~/modules/records/transitions.server";
import { detailsOf } from "./detail.server";
import { DISPUTE_MACHINE, type DisputeAction, type DisputeStatus } from "./machine";
import { committeeOfPact } from "./places.server";
import type { StepFields } from "./schemas";

export type StepResult = { ok: true; status: DisputeStatus } | Refusal;

interface StepEffect {
  payload: Record<string, unknown>;
  details?: Partial<typeof disputeDetails.$inferInsert>;
  visit?: StepFields<"follow_up">;
}

/** What a step writes, from its (already validated) fields. */
function effectOf(record: RecordRow, action: DisputeAction, fields: Record<string, unknown>, now: number): StepEffect | Refusal {
  switch (action) {
    case "register":
    case "mediate": {
      const { note } = fields as StepFields<"register">;
      return { payload: note ? { note } : {} };
    }
    case "assess": {
      const { note, escalationRisk, committeeId } = fields as StepFields<"assess">;
      const details: StepEffect["details"] = {};
      const payload: Record<string, unknown> = { note };
      if (escalationRisk) {
        details.escalationRisk = escalationRisk;
        payload.escalationRisk = escalationRisk;
      }
      if (committeeId !== null) {
        const committee = committeeOfPact(getDb(), record.pactId, committeeId);
        if (!committee) return invalid({ committeeId: "disputes.error.committee" });
        details.committeeId = committee.id;
        Object.assign(payload, { committeeId: committee.id, committeeName: committee.name });
      }
      return { payload, details };
    }
    case "resolve":
    case "stabilise": {
      const { note } = fields as StepFields<"resolve">;
      return { payload: { note }, details: { outcomeAt: now } };
    }
    case "fail": {
      const { referralKind, referralTo, note } = fields as StepFields<"fail">;
      return { payload: { referralKind, referralTo, note }, details: { outcomeAt: now, referralKind, referralTo } };
    }
    case "reopen": {
      const { note } = fields as StepFields<"reopen">;
      return { payload: { note }, details: { outcomeAt: null } };
    }
    case "follow_up": {
      const visit = fields as StepFields<"follow_up">;
      return { payload: { visitedOn: visit.visitedOn, method: visit.method, performance: visit.performance }, visit };
    }
  }
}

/**
 * Null when the viewer may take `action` on the record now; otherwise "forbidden" (their roles or
 * capabilities do not allow it; audited as a denial) or "conflict" (no such step from its state).
 */
export function stepRefusal(viewer: Viewer, record: RecordRow, action: DisputeAction): Refusal | null {
  if (transitionsForViewer(viewer, record, DISPUTE_MACHINE).some((t) => t.action === action)) return null;
  const refused = applyTransition(viewer, record, DISPUTE_MACHINE, action);
  return refused.ok ? { ok: false, reason: "conflict" } : { ok: false, reason: refused.reason };
}

/**
 * Takes `action` on a dispute the viewer has loaded through the policy. Refused without writing
 * anything: "forbidden" for a role the step does not allow (audited), "conflict" when the record
 * is no longer in a state that has the step, "invalid" for a committee not of the dispute's pact.
 */
export function transitionDispute<A extends DisputeAction>(viewer: Viewer, record: RecordRow, action: A, fields: StepFields<A>): StepResult {
  const refusal = stepRefusal(viewer, record, action);
  if (refusal) return refusal;
  detailsOf(record.id);
  const now = Date.now();
  const effect = effectOf(record, action, fields as Record<string, unknown>, now);
  if ("ok" in effect) return effect;
  const hasDetails = effect.details && Object.keys(effect.details).length > 0;
  const result = applyTransition(viewer, record, DISPUTE_MACHINE, action, {
    payload: effect.payload,
    note: typeof effect.payload.note === "string" ? effect.payload.note : undefined,
    applyDetails:
      hasDetails || effect.visit
        ? (tx: Tx) => {
            if (hasDetails) tx.update(disputeDetails).set(effect.details!).where(eq(disputeDetails.recordId, record.id)).run();
            if (effect.visit) {
              tx.insert(returnVisits)
                .values({ recordId: record.id, ...effect.visit, visitedBy: viewer.userId, createdAt: now })
                .run();
            }
          }
        : undefined,
  });
  return result.ok ? { ok: true, status: result.status as DisputeStatus } : { ok: false, reason: result.reason };
}
