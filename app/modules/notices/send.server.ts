/**
 * Sending a case notice (发送通报): only a police liaison, always under a pact in force that
 * covers notices, to one or more of its other members. One write transaction holds the record
 * (police-only or shared with political-legal staff), its details and vehicles, one receipt per
 * addressed county with its sign-for deadline, and the audit entries.
 */
import { noticeDetails, noticeReceipts, noticeVehicles } from "~db/schema";
import { assertCan, denial } from "~/modules/access/policy.server";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { writeTransaction } from "~/modules/db/connection.server";
import { createRecord } from "~/modules/records/create.server";
import { linkOpenedFromFinding, refusingFindingLink, type FindingSource } from "~/modules/patrols/findings.server";
import { actorOf } from "~/modules/tenancy/users.server";
import { NOTICE_MACHINE } from "./machine";
import type { NoticeSendInput } from "./schemas";
import { MINUTE_MS, signMinutesFor } from "./signing";

export type SendResult = { ok: true; id: number; refNo: string } | { ok: false; errors: Record<string, string> };

/** Only police liaisons send notices (403 otherwise, audited). */
export function assertMaySend(viewer: Viewer): void {
  assertCan(viewer, "notice", "create");
  if (!viewer.roles.includes("police_liaison")) {
    denial(viewer, "workflow:notice", null, "create");
    throw new Response("Forbidden", { status: 403 });
  }
}

/** A title for lists: the crime category and the place. */
export function noticeTitle(input: Pick<NoticeSendInput, "crimeCategory" | "placeText">): string {
  return `${input.crimeCategory}（${input.placeText}）`.slice(0, 120);
}

/** Sends a notice; opened from a patrol finding, it is linked back to the patrol in the same transaction. */
export function sendNotice(viewer: Viewer, input: NoticeSendInput, fromFinding: FindingSource | null = null): SendResult {
  assertMaySend(viewer);
  return refusingFindingLink(viewer, () => writeNotice(viewer, input, fromFinding));
}

function writeNotice(viewer: Viewer, input: NoticeSendInput, fromFinding: FindingSource | null): SendResult {
  return writeTransaction((tx): SendResult => {
    const now = Date.now();
    const minutes = signMinutesFor(tx, input.pactId, input.urgency);
    const deadline = now + minutes * MINUTE_MS;
    const created = createRecord(tx, viewer, {
      workflow: "notice",
      pactId: input.pactId,
      addresseeCountyIds: input.addresseeCountyIds,
      title: noticeTitle(input),
      description: input.summary,
      regionId: null,
      placeText: input.placeText,
      status: NOTICE_MACHINE.initial,
      policeOnly: input.policeOnly,
      dueAt: deadline,
    });
    if (!created.ok) {
      const errors: Record<string, string> = { ...created.errors } as Record<string, string>;
      if (errors.pactId) errors.pactId = "notices.error.pactNotUsable";
      return { ok: false, errors };
    }
    const details = {
      kind: input.kind,
      urgency: input.urgency,
      incidentAt: input.incidentAt,
      crimeCategory: input.crimeCategory,
      suspects: input.suspects,
      property: input.property,
      request: input.request,
      handlingCode: input.handlingCode,
    };
    tx.insert(noticeDetails).values({ recordId: created.id, ...details }).run();
    for (const v of input.vehicles) tx.insert(noticeVehicles).values({ recordId: created.id, ...v }).run();
    const addressees = [...new Set(input.addresseeCountyIds)];
    for (const countyId of addressees) {
      tx.insert(noticeReceipts).values({ recordId: created.id, countyId, signDeadline: deadline }).run();
    }
    appendAudit(tx, actorOf(viewer), {
      action: "notice.details",
      entityType: "notice",
      entityId: created.id,
      after: { ...details, policeOnly: input.policeOnly, vehicles: input.vehicles.length, signDeadline: deadline, signMinutes: minutes },
    });
    if (fromFinding) linkOpenedFromFinding(tx, viewer, fromFinding, created.id);
    return created;
  });
}
