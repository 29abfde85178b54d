/**
 * Tracking judicial confirmation (司法确认) of a dispute's agreement: the application (date, court)
 * within the 30-day window, then the court's answer. Same writers as the agreement; each step is
 * scoped in SQL to the policy and to the judicial state the page was drawn for, and audited.
 */
import { and, eq } from "drizzle-orm";
import { mediationAgreements } from "~db/schema";
import { todayInChina } from "~/i18n";
import { denial, type RecordRow } from "~/modules/access/policy.server";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { writeTransaction } from "~/modules/db/connection.server";
import { appendThreadEvent } from "~/modules/records/thread.server";
import { actorOf } from "~/modules/tenancy/users.server";
import { custodyOf, findAgreement, isAgreementWriter, JUDICIAL_STATES_OF_RECORD, touchDispute, type AgreementRefusal } from "./agreement.server";
import type { JudicialAnswerFields, JudicialApplyFields } from "./agreement-schemas";
import { answerDateError, applicationDateError, mayMoveJudicial, type JudicialStatus } from "./judicial";

type JudicialResult = { ok: true; status: JudicialStatus } | AgreementRefusal;

function judicialStep(
  viewer: Viewer,
  record: RecordRow,
  to: JudicialStatus,
  check: (agreement: NonNullable<ReturnType<typeof findAgreement>>) => Record<string, string> | null,
  values: Partial<typeof mediationAgreements.$inferInsert>,
): JudicialResult {
  if (!isAgreementWriter(viewer, custodyOf(record.id))) {
    denial(viewer, "dispute", record.id, `judicial:${to}`);
    return { ok: false, reason: "forbidden" };
  }
  const agreement = findAgreement(record.id);
  if (!agreement || !mayMoveJudicial(agreement.judicialStatus, to)) return { ok: false, reason: "conflict" };
  const errors = check(agreement);
  if (errors) return { ok: false, reason: "invalid", errors };
  return writeTransaction((tx): JudicialResult => {
    const now = Date.now();
    if (!touchDispute(tx, viewer, record.id, JUDICIAL_STATES_OF_RECORD, now)) return { ok: false, reason: "conflict" };
    const changed = tx
      .update(mediationAgreements)
      .set({ ...values, judicialStatus: to, updatedAt: now })
      .where(and(eq(mediationAgreements.recordId, record.id), eq(mediationAgreements.judicialStatus, agreement.judicialStatus)))
      .run();
    if (changed.changes === 0) return { ok: false, reason: "conflict" };
    const after = { judicialStatus: to, ...values };
    appendThreadEvent(tx, viewer, record.id, { action: `judicial_${to}`, payload: after });
    appendAudit(tx, actorOf(viewer), {
      action: `dispute.judicial.${to}`,
      entityType: "dispute",
      entityId: record.id,
      before: { judicialStatus: agreement.judicialStatus },
      after,
    });
    return { ok: true, status: to };
  });
}

const DATE_MESSAGES = {
  beforeSigning: "disputes.judicial.error.beforeSigning",
  afterWindow: "disputes.judicial.error.afterWindow",
  inFuture: "disputes.judicial.error.inFuture",
  beforeApplication: "disputes.judicial.error.beforeApplication",
} as const;

/** 已申请司法确认: on a day inside the window, to a named court. */
export function applyForJudicialConfirmation(viewer: Viewer, record: RecordRow, fields: JudicialApplyFields, today = todayInChina()) {
  return judicialStep(
    viewer,
    record,
    "applied",
    (a) => {
      const error = applicationDateError(a.signedOn, fields.appliedOn, today);
      return error ? { appliedOn: DATE_MESSAGES[error] } : null;
    },
    { judicialAppliedOn: fields.appliedOn, judicialCourt: fields.court },
  );
}

/** 法院答复: confirmed (确认有效) or rejected (驳回申请), on or after the application. */
export function recordCourtAnswer(viewer: Viewer, record: RecordRow, fields: JudicialAnswerFields, today = todayInChina()) {
  return judicialStep(
    viewer,
    record,
    fields.outcome,
    (a) => {
      const error = answerDateError(a.judicialAppliedOn ?? a.signedOn, fields.answeredOn, today);
      return error ? { answeredOn: DATE_MESSAGES[error] } : null;
    },
    { judicialAnsweredOn: fields.answeredOn, judicialAnswer: fields.answer },
  );
}
