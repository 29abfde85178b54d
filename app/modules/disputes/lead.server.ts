/**
 * The lead county (以发生地为主): set from the place of occurrence when the dispute is reported,
 * changeable with a recorded reason by the mediators and political-legal staff of the current
 * lead county. The new lead must be the owner or a county the dispute is addressed to. The
 * change lands in one transaction with a thread event (no personal data) and an audit entry,
 * scoped in SQL to the lead county it was asked against (a stale page is a conflict).
 */
import { and, eq } from "drizzle-orm";
import { disputeDetails, records } from "~db/schema";
import { can } from "~/modules/access/capabilities";
import { denial, type RecordRow } from "~/modules/access/policy.server";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { writeTransaction } from "~/modules/db/connection.server";
import { invalid, type Refusal } from "~/modules/hazards/outcomes";
import { appendThreadEvent } from "~/modules/records/thread.server";
import { actorOf } from "~/modules/tenancy/users.server";
import { countiesOfDispute, detailsOf, type DisputeDetailsRow } from "./detail.server";
import type { LeadChangeInput } from "./schemas";

/** Whether the viewer may change the lead county: a mediator or pl_staff of the current lead county. */
export function mayChangeLead(viewer: Viewer, details: Pick<DisputeDetailsRow, "leadCountyId">): boolean {
  return (
    viewer.countyId === details.leadCountyId &&
    can(viewer.roles, "dispute", "transition") &&
    (viewer.roles.includes("mediator") || viewer.roles.includes("pl_staff"))
  );
}

/** The counties that may lead it: the owner and the addressees, but not the current lead. */
export function leadChoices(record: RecordRow, details: Pick<DisputeDetailsRow, "leadCountyId">) {
  return countiesOfDispute(record).filter((c) => c.countyId !== details.leadCountyId);
}

export type LeadResult = { ok: true; leadCountyId: number } | Refusal;

export function changeLeadCounty(viewer: Viewer, record: RecordRow, input: LeadChangeInput): LeadResult {
  const details = detailsOf(record.id);
  if (!mayChangeLead(viewer, details)) {
    denial(viewer, "dispute", record.id, "lead_change");
    return { ok: false, reason: "forbidden" };
  }
  const target = leadChoices(record, details).find((c) => c.countyId === input.leadCountyId);
  if (!target) return invalid({ leadCountyId: "disputes.error.leadCounty" });
  const from = countiesOfDispute(record).find((c) => c.countyId === details.leadCountyId);
  return writeTransaction((tx): LeadResult => {
    const changed = tx
      .update(disputeDetails)
      .set({ leadCountyId: target.countyId })
      .where(and(eq(disputeDetails.recordId, record.id), eq(disputeDetails.leadCountyId, details.leadCountyId)))
      .run();
    if (changed.changes === 0) return { ok: false, reason: "conflict" };
    tx.update(records).set({ updatedAt: Date.now() }).where(eq(records.id, record.id)).run();
    const payload = {
      fromCountyId: details.leadCountyId,
      fromCountyName: from?.name ?? "",
      toCountyId: target.countyId,
      toCountyName: target.name,
      reason: input.reason,
    };
    appendThreadEvent(tx, viewer, record.id, {
      action: "lead_change",
      fromStatus: record.status,
      toStatus: record.status,
      payload,
      body: input.reason,
    });
    appendAudit(tx, actorOf(viewer), {
      action: "dispute.lead_change",
      entityType: "dispute",
      entityId: record.id,
      before: { leadCountyId: details.leadCountyId },
      after: payload,
    });
    return { ok: true, leadCountyId: target.countyId };
  });
}
