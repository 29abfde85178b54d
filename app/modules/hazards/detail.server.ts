/**
 * One hazard as its page shows it. The record is loaded through the access policy
 * (requireVisibleRecord): a hazard the viewer may not see answers 404 like a missing one.
 */
import { eq, inArray } from "drizzle-orm";
import { counties, hazardDetails, pacts, recordAddressees, users } from "~db/schema";
import { requireVisibleRecord, type RecordRow } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, type Tx } from "~/modules/db/connection.server";
import { isOverdue } from "./deadlines";
import { placePath } from "./places.server";
import { findMemberSweep } from "./sweeps-read.server";

/** A record id from the URL (positive integer) or null. */
export function parseHazardId(raw: string | undefined): number | null {
  if (!raw || !/^[1-9]\d{0,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/** A hazard record through the access policy: 404 when missing, hidden or not a hazard. */
export function loadHazard(viewer: Viewer, id: number): RecordRow {
  const record = requireVisibleRecord(viewer, id);
  if (record.workflow !== "hazard") throw new Response("Not Found", { status: 404 });
  return record;
}

/** The hazard record for a route: 404 when malformed, missing, hidden or not a hazard. */
export function requireHazard(viewer: Viewer, raw: string | undefined): RecordRow {
  const id = parseHazardId(raw);
  if (id === null) throw new Response("Not Found", { status: 404 });
  return loadHazard(viewer, id);
}

/** The owner county and the counties the record is addressed to: who may be responsible (属地). */
export function responsibleChoices(record: RecordRow, tx: Tx = getDb()) {
  const addressed = tx
    .select({ countyId: recordAddressees.countyId })
    .from(recordAddressees)
    .where(eq(recordAddressees.recordId, record.id))
    .all()
    .map((r) => r.countyId);
  const ids = [record.ownerCountyId, ...addressed.filter((id) => id !== record.ownerCountyId)];
  const names = tx.select({ id: counties.id, name: counties.name }).from(counties).where(inArray(counties.id, ids)).all();
  return ids.map((countyId) => ({
    countyId,
    name: names.find((n) => n.id === countyId)?.name ?? "",
    isOwner: countyId === record.ownerCountyId,
  }));
}

/** One hazard the viewer may see, with everything its page shows (404 otherwise). */
export function getHazardDetail(viewer: Viewer, id: number, now = Date.now()) {
  return describeHazard(viewer, loadHazard(viewer, id), now);
}

/** The page's view of a record already loaded through the policy. */
export function describeHazard(viewer: Viewer, record: RecordRow, now = Date.now()) {
  const db = getDb();
  const details = db.select().from(hazardDetails).where(eq(hazardDetails.recordId, record.id)).get();
  if (!details) throw new Response("Not Found", { status: 404 });
  const countiesInvolved = responsibleChoices(record, db);
  const owner = countiesInvolved[0];
  const pact = record.pactId === null ? null : db.select({ id: pacts.id, title: pacts.title }).from(pacts).where(eq(pacts.id, record.pactId)).get() ?? null;
  const reporter = db.select({ name: users.displayName, title: users.title }).from(users).where(eq(users.id, record.createdBy)).get();
  const sweepRow = details.sweepId === null ? null : findMemberSweep(db, viewer, details.sweepId);
  return {
    id: record.id,
    refNo: record.refNo,
    title: record.title,
    description: record.description,
    status: record.status,
    dueAt: record.dueAt,
    overdue: isOverdue(record, now),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ownerCountyId: record.ownerCountyId,
    ownerCountyName: owner.name,
    isOwnCounty: record.ownerCountyId === viewer.countyId,
    reporterName: reporter?.name ?? "",
    reporterTitle: reporter?.title ?? "",
    pact,
    addressees: countiesInvolved.filter((c) => !c.isOwner).map(({ countyId, name }) => ({ countyId, name })),
    regionPath: placePath(record.regionId, db),
    placeText: record.placeText,
    category: details.category,
    severity: details.severity,
    source: details.source,
    measures: details.measures,
    deadline: details.deadline,
    responsibleCountyId: details.responsibleCountyId,
    responsibleCountyName: countiesInvolved.find((c) => c.countyId === details.responsibleCountyId)?.name ?? null,
    sweep: sweepRow ? { id: sweepRow.id, title: sweepRow.title, kind: sweepRow.kind, plannedOn: sweepRow.plannedOn } : null,
  };
}

export type HazardDetail = ReturnType<typeof describeHazard>;
