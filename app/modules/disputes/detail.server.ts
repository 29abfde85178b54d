/**
 * One dispute as its page shows it. The record is loaded through the access policy
 * (requireVisibleRecord): a dispute the viewer may not see answers 404 like a missing one. The
 * parties come through partiesFor: masked for whoever may not read their personal data.
 */
import { asc, eq } from "drizzle-orm";
import { disputeDetails, disputeParties, jointBodies, pacts, returnVisits, users } from "~db/schema";
import { requireVisibleRecord, type RecordRow } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, type Tx } from "~/modules/db/connection.server";
import { responsibleChoices } from "~/modules/hazards/detail.server";
import { placePath } from "~/modules/hazards/places.server";
import { mayReadPersonalData, partiesFor } from "./personal-data.server";

export type DisputeDetailsRow = typeof disputeDetails.$inferSelect;

/** A record id from the URL (positive integer) or null. */
export function parseDisputeId(raw: string | undefined): number | null {
  if (!raw || !/^[1-9]\d{0,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/** A dispute record through the access policy: 404 when missing, hidden or not a dispute. */
export function loadDispute(viewer: Viewer, id: number): RecordRow {
  const record = requireVisibleRecord(viewer, id);
  if (record.workflow !== "dispute") throw new Response("Not Found", { status: 404 });
  return record;
}

/** The dispute record for a route: 404 when malformed, missing, hidden or not a dispute. */
export function requireDispute(viewer: Viewer, raw: string | undefined): RecordRow {
  const id = parseDisputeId(raw);
  if (id === null) throw new Response("Not Found", { status: 404 });
  return loadDispute(viewer, id);
}

/** The dispute-specific columns of a record already loaded through the policy. */
export function detailsOf(recordId: number, tx: Tx = getDb()): DisputeDetailsRow {
  const details = tx.select().from(disputeDetails).where(eq(disputeDetails.recordId, recordId)).get();
  if (!details) throw new Response("Not Found", { status: 404 });
  return details;
}

/** The owner and addressed counties: who may lead the dispute. */
export const countiesOfDispute = responsibleChoices;

/** The parties as this viewer may see them (phone and ID masked unless they may read them). */
export function partiesOfDispute(viewer: Viewer, details: DisputeDetailsRow, tx: Tx = getDb()) {
  const rows = tx.select().from(disputeParties).where(eq(disputeParties.recordId, details.recordId)).orderBy(asc(disputeParties.position)).all();
  return partiesFor(viewer, details, rows).map(({ recordId: _r, ...p }) => p);
}

/** The return visits (回访), oldest first. */
export function returnVisitsOf(recordId: number, tx: Tx = getDb()) {
  return tx
    .select({
      id: returnVisits.id,
      visitedOn: returnVisits.visitedOn,
      method: returnVisits.method,
      performance: returnVisits.performance,
      visitedByName: users.displayName,
      createdAt: returnVisits.createdAt,
    })
    .from(returnVisits)
    .innerJoin(users, eq(users.id, returnVisits.visitedBy))
    .where(eq(returnVisits.recordId, recordId))
    .orderBy(asc(returnVisits.visitedOn), asc(returnVisits.id))
    .all();
}

/** The page's view of a record already loaded through the policy. */
export function describeDispute(viewer: Viewer, record: RecordRow) {
  const db = getDb();
  const details = detailsOf(record.id, db);
  const involved = countiesOfDispute(record, db);
  const nameOf = (id: number) => involved.find((c) => c.countyId === id)?.name ?? "";
  const pact = record.pactId === null ? null : db.select({ id: pacts.id, title: pacts.title }).from(pacts).where(eq(pacts.id, record.pactId)).get() ?? null;
  const committee =
    details.committeeId === null
      ? null
      : db.select({ id: jointBodies.id, pactId: jointBodies.pactId, name: jointBodies.name, level: jointBodies.level }).from(jointBodies).where(eq(jointBodies.id, details.committeeId)).get() ?? null;
  const reporter = db.select({ name: users.displayName, title: users.title }).from(users).where(eq(users.id, record.createdBy)).get();
  return {
    id: record.id,
    refNo: record.refNo,
    title: record.title,
    description: record.description,
    status: record.status,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ownerCountyId: record.ownerCountyId,
    ownerCountyName: nameOf(record.ownerCountyId),
    isOwnCounty: record.ownerCountyId === viewer.countyId,
    reporterName: reporter?.name ?? "",
    reporterTitle: reporter?.title ?? "",
    pact,
    addressees: involved.filter((c) => !c.isOwner).map(({ countyId, name }) => ({ countyId, name })),
    regionPath: placePath(record.regionId, db),
    placeText: record.placeText,
    type: details.type,
    leadCountyId: details.leadCountyId,
    leadCountyName: nameOf(details.leadCountyId),
    committee,
    peopleInvolved: details.peopleInvolved,
    amountInvolved: details.amountInvolved,
    escalationRisk: details.escalationRisk,
    outcomeAt: details.outcomeAt,
    referralKind: details.referralKind,
    referralTo: details.referralTo,
    /** Whether the parties below are shown in full. */
    personalDataInFull: mayReadPersonalData(viewer, details),
    parties: partiesOfDispute(viewer, details, db).map((p) => ({ ...p, countyName: nameOf(p.countyId) })),
    returnVisits: returnVisitsOf(record.id, db),
  };
}

export type DisputeDetail = ReturnType<typeof describeDispute>;
