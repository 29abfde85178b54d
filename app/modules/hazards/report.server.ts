/**
 * Reporting a hazard (上报隐患): a record of workflow `hazard` with its details, in one write
 * transaction with its audit entries. A hazard reported from a joint sweep's page is shared
 * under the sweep's pact, with source `joint_sweep` and the sweep it came from.
 */
import { hazardDetails } from "~db/schema";
import { assertCan } from "~/modules/access/policy.server";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { writeTransaction, type Tx } from "~/modules/db/connection.server";
import { createRecord } from "~/modules/records/create.server";
import { linkOpenedFromFinding, refusingFindingLink, type FindingSource } from "~/modules/patrols/findings.server";
import { actorOf } from "~/modules/tenancy/users.server";
import { HAZARD_MACHINE } from "./machine";
import type { HazardReportInput } from "./schemas";
import { findMemberSweep } from "./sweeps-read.server";

export type ReportResult = { ok: true; id: number; refNo: string } | { ok: false; errors: Record<string, string> };

/** A sweep the viewer's county takes part in and that has not been called off. */
export function sweepToReportFrom(tx: Tx, viewer: Viewer, sweepId: number) {
  const sweep = findMemberSweep(tx, viewer, sweepId);
  return sweep && sweep.status !== "cancelled" ? sweep : null;
}

/**
 * Opens a hazard record; field errors come back as message keys. Opened from a patrol finding,
 * its source is "patrol" and it is linked back to the patrol in the same transaction (or nothing
 * is written: field `patrolId`).
 */
export function reportHazard(viewer: Viewer, input: HazardReportInput, fromFinding: FindingSource | null = null): ReportResult {
  assertCan(viewer, "hazard", "create");
  return refusingFindingLink(viewer, () => writeHazard(viewer, input, fromFinding));
}

function writeHazard(viewer: Viewer, input: HazardReportInput, fromFinding: FindingSource | null): ReportResult {
  return writeTransaction((tx): ReportResult => {
    let pactId = input.pactId;
    let source = fromFinding ? "patrol" : input.source;
    let sweepId: number | null = null;
    if (input.sweepId !== null) {
      const sweep = sweepToReportFrom(tx, viewer, input.sweepId);
      if (!sweep) return { ok: false, errors: { sweepId: "hazards.error.sweep" } };
      pactId = sweep.pactId;
      source = "joint_sweep";
      sweepId = sweep.id;
    }
    const created = createRecord(tx, viewer, {
      workflow: "hazard",
      pactId,
      title: input.title,
      description: input.description,
      regionId: input.regionId,
      placeText: input.placeText,
      status: HAZARD_MACHINE.initial,
    });
    if (!created.ok) return { ok: false, errors: created.errors as Record<string, string> };
    const details = { category: input.category, severity: input.severity, source, sweepId };
    tx.insert(hazardDetails).values({ recordId: created.id, ...details }).run();
    appendAudit(tx, actorOf(viewer), {
      action: "hazard.details",
      entityType: "hazard",
      entityId: created.id,
      after: details,
    });
    if (fromFinding) linkOpenedFromFinding(tx, viewer, fromFinding, created.id);
    return created;
  });
}
