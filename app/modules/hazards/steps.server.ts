/**
 * Moving a hazard through its state machine (machine.ts). The engine's applyTransition decides
 * who may (roles and the workflow's `transition` capability), guards against stale pages and
 * writes the thread event and audit entry; this module adds what each step carries: measures,
 * deadline and responsible county (written to hazard_details, the deadline also to records.due_at
 * while rectifying), and the note that explains a step.
 */
import { eq } from "drizzle-orm";
import { hazardDetails } from "~db/schema";
import type { RecordRow } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import type { Tx } from "~/modules/db/connection.server";
import { applyTransition, transitionsForViewer } from "~/modules/records/transitions.server";
import { chinaDateOf } from "./deadlines";
import { responsibleChoices } from "./detail.server";
import { HAZARD_MACHINE, type HazardAction, type HazardStatus } from "./machine";
import { invalid, type Refusal } from "./outcomes";
import type { StepFields } from "./schemas";

export type StepResult = { ok: true; status: HazardStatus } | Refusal;

interface StepEffect {
  payload: Record<string, unknown>;
  dueAt?: number | null;
  details?: Partial<typeof hazardDetails.$inferInsert>;
}

/** What a step writes, from its (already validated) fields. */
function effectOf(record: RecordRow, action: HazardAction, fields: Record<string, unknown>): StepEffect | Refusal {
  switch (action) {
    case "verify": {
      const { note } = fields as StepFields<"verify">;
      return { payload: note ? { note } : {} };
    }
    case "rectify": {
      const { measures, deadline, responsibleCountyId } = fields as StepFields<"rectify">;
      const responsible = responsibleChoices(record).find((c) => c.countyId === responsibleCountyId);
      if (!responsible) return invalid({ responsibleCountyId: "hazards.form.responsibleInvalid" });
      return {
        payload: { measures, deadline, deadlineDate: chinaDateOf(deadline), responsibleCountyId, responsibleCountyName: responsible.name },
        dueAt: deadline,
        details: { measures, deadline, responsibleCountyId },
      };
    }
    case "adjust": {
      const { measures, deadline, note } = fields as StepFields<"adjust">;
      return {
        payload: { measures, deadline, deadlineDate: chinaDateOf(deadline), note },
        dueAt: deadline,
        details: { measures, deadline },
      };
    }
    case "eliminate":
    case "dismiss": {
      const { note } = fields as StepFields<"eliminate">;
      return { payload: { note } };
    }
  }
}

/**
 * Null when the viewer may take `action` on the record now; otherwise "forbidden" (their roles or
 * capabilities do not allow it; audited as a denial) or "conflict" (no such step from its state).
 */
export function stepRefusal(viewer: Viewer, record: RecordRow, action: HazardAction): Refusal | null {
  if (transitionsForViewer(viewer, record, HAZARD_MACHINE).some((t) => t.action === action)) return null;
  // The engine tells a refused role from a step that is not there, audits the former, writes nothing.
  const refused = applyTransition(viewer, record, HAZARD_MACHINE, action);
  return refused.ok ? { ok: false, reason: "conflict" } : { ok: false, reason: refused.reason };
}

/**
 * Takes `action` on a hazard the viewer has loaded through the policy. Refused without writing
 * anything: "forbidden" for a role or capability the step does not allow (audited as a denial),
 * "conflict" when the record is no longer in a state that has the step, "invalid" for a
 * responsible county that is neither the owner nor an addressee.
 */
export function transitionHazard<A extends HazardAction>(
  viewer: Viewer,
  record: RecordRow,
  action: A,
  fields: StepFields<A>,
): StepResult {
  const refusal = stepRefusal(viewer, record, action);
  if (refusal) return refusal;
  const effect = effectOf(record, action, fields as Record<string, unknown>);
  if ("ok" in effect) return effect;
  const result = applyTransition(viewer, record, HAZARD_MACHINE, action, {
    payload: effect.payload,
    note: typeof effect.payload.note === "string" ? effect.payload.note : undefined,
    dueAt: effect.dueAt,
    applyDetails: effect.details
      ? (tx: Tx) => {
          tx.update(hazardDetails).set(effect.details!).where(eq(hazardDetails.recordId, record.id)).run();
        }
      : undefined,
  });
  return result.ok ? { ok: true, status: result.status as HazardStatus } : { ok: false, reason: result.reason };
}
