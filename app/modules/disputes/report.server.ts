/**
 * Reporting (grid worker, 上报) or registering (mediator, 受理) a dispute: a record of workflow
 * `dispute` with its details and parties, in one write transaction with its audit entries.
 * The lead county is the county of the place of occurrence (以发生地为主): the region's county,
 * which createRecord checks belongs to the owner or a member of the chosen pact; no region, the
 * owner. The committee must be a joint mediation committee of the chosen pact.
 *
 * Parties' phone and ID numbers go to dispute_parties only: never into the record's title or
 * description (the search index), the thread, or the audit entry (masked there).
 */
import { disputeDetails, disputeParties, pactMembers } from "~db/schema";
import { eq } from "drizzle-orm";
import { assertCan } from "~/modules/access/policy.server";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { writeTransaction } from "~/modules/db/connection.server";
import { createRecord } from "~/modules/records/create.server";
import { linkOpenedFromFinding, refusingFindingLink, type FindingSource } from "~/modules/patrols/findings.server";
import { actorOf } from "~/modules/tenancy/users.server";
import { initialDisputeStatus } from "./machine";
import { maskIdNumber, maskPhone } from "./personal-data.server";
import { committeeOfPact, countyOfRegion } from "./places.server";
import type { DisputeReportInput } from "./schemas";

export type ReportResult = { ok: true; id: number; refNo: string } | { ok: false; errors: Record<string, string> };

/**
 * Opens a dispute record; field errors come back as message keys and nothing is written. Opened
 * from a patrol finding, it is linked back to the patrol in the same transaction (or nothing is
 * written: field `patrolId`).
 */
export function reportDispute(viewer: Viewer, input: DisputeReportInput, fromFinding: FindingSource | null = null): ReportResult {
  assertCan(viewer, "dispute", "create");
  try {
    return refusingFindingLink(viewer, () => writeDispute(viewer, input, fromFinding));
  } catch (error) {
    if (error instanceof ReportRefused) return { ok: false, errors: error.errors };
    throw error;
  }
}

function writeDispute(viewer: Viewer, input: DisputeReportInput, fromFinding: FindingSource | null): ReportResult {
  return writeTransaction((tx): ReportResult => {
    const errors: Record<string, string> = {};
    if (input.committeeId !== null && !committeeOfPact(tx, input.pactId, input.committeeId)) {
      errors.committeeId = "disputes.error.committee";
    }
    const partyCounties =
      input.pactId === null
        ? [viewer.countyId]
        : tx.select({ countyId: pactMembers.countyId }).from(pactMembers).where(eq(pactMembers.pactId, input.pactId)).all().map((m) => m.countyId);
    input.parties.forEach((p, i) => {
      if (!partyCounties.includes(p.countyId)) errors[`party-${i}-countyId`] = "disputes.error.partyCounty";
    });
    const created = createRecord(tx, viewer, {
      workflow: "dispute",
      pactId: input.pactId,
      title: input.title,
      description: input.description,
      regionId: input.regionId,
      placeText: input.placeText,
      status: initialDisputeStatus(viewer.roles),
    });
    if (!created.ok) return { ok: false, errors: { ...(created.errors as Record<string, string>), ...errors } };
    // Errors found before the record was made roll back what createRecord wrote.
    if (Object.keys(errors).length > 0) throw new ReportRefused(errors);
    const leadCountyId = (input.regionId === null ? null : countyOfRegion(tx, input.regionId)) ?? viewer.countyId;
    const details = {
      type: input.type,
      leadCountyId,
      committeeId: input.committeeId,
      peopleInvolved: input.peopleInvolved,
      amountInvolved: input.amountInvolved,
      escalationRisk: input.escalationRisk,
    };
    tx.insert(disputeDetails).values({ recordId: created.id, ...details }).run();
    input.parties.forEach((p, position) => {
      tx.insert(disputeParties).values({ recordId: created.id, position, ...p }).run();
    });
    appendAudit(tx, actorOf(viewer), {
      action: "dispute.details",
      entityType: "dispute",
      entityId: created.id,
      after: {
        ...details,
        parties: input.parties.map((p) => ({ ...p, phone: maskPhone(p.phone), idNumber: maskIdNumber(p.idNumber) })),
      },
    });
    if (fromFinding) linkOpenedFromFinding(tx, viewer, fromFinding, created.id);
    return created;
  });
}

class ReportRefused extends Error {
  constructor(readonly errors: Record<string, string>) {
    super("report refused");
  }
}

