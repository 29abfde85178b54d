/**
 * Findings of a patrol (巡防发现): logged on the patrol's page while it is under way or after it,
 * by those who patrol, each in one transaction with a thread event and an audit entry. A finding
 * may open a hazard, dispute or case notice: the new-record form is prefilled from the finding,
 * and the record is created, linked back to the patrol (linkOpenedRecord) and written into the
 * finding in one transaction — or, when the patrol is not the viewer's to link, nothing is written.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { counties, patrolFindings, pactMembers, records, regions } from "~db/schema";
import { denial, findVisibleRecord, type RecordRow } from "~/modules/access/policy.server";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, writeTransaction, type Tx } from "~/modules/db/connection.server";
import { invalid, type Refusal } from "~/modules/hazards/outcomes";
import { placesOf, type CountyPlaces } from "~/modules/hazards/places.server";
import { linkOpenedRecord, mayLink } from "~/modules/records/links.server";
import { appendThreadEvent } from "~/modules/records/thread.server";
import { actorOf } from "~/modules/tenancy/users.server";
import { mayLogFinding, parseRecordId } from "./detail.server";
import type { FindingInput } from "./schemas";

/** The member counties of the patrol's pact: where its findings may be. */
export function patrolCounties(tx: Tx, record: RecordRow): number[] {
  if (record.pactId === null) return [record.ownerCountyId];
  return tx.select({ countyId: pactMembers.countyId }).from(pactMembers).where(eq(pactMembers.pactId, record.pactId)).all().map((m) => m.countyId);
}

/** The places a finding may be at: the regions of the pact's member counties, own county first. */
export function findingPlacesOf(viewer: Viewer, record: RecordRow): CountyPlaces[] {
  const db = getDb();
  const ids = patrolCounties(db, record).sort((a, b) => (a === viewer.countyId ? -1 : b === viewer.countyId ? 1 : a - b));
  const names = db.select({ id: counties.id, name: counties.name }).from(counties).where(inArray(counties.id, ids)).all();
  const places = placesOf(ids, db);
  return ids.map((countyId) => ({
    countyId,
    countyName: names.find((n) => n.id === countyId)?.name ?? "",
    isOwn: countyId === viewer.countyId,
    regions: places.get(countyId) ?? [],
  }));
}

export type FindingResult = { ok: true; findingId: number } | Refusal;

/** Logs a finding; a role that may not patrol is refused (audited), a stale page is a conflict. */
export function logFinding(viewer: Viewer, record: RecordRow, input: FindingInput): FindingResult {
  if (!mayLogFinding(viewer, { ...record, status: "in_progress" })) {
    denial(viewer, "patrol", record.id, "finding");
    return { ok: false, reason: "forbidden" };
  }
  return writeTransaction((tx): FindingResult => {
    const current = tx.select({ status: records.status }).from(records).where(eq(records.id, record.id)).get();
    if (!current || !mayLogFinding(viewer, { ...record, status: current.status })) return { ok: false, reason: "conflict" };
    if (input.regionId !== null) {
      const region = tx.select({ countyId: regions.countyId }).from(regions).where(eq(regions.id, input.regionId)).get();
      if (!region || !patrolCounties(tx, record).includes(region.countyId)) return invalid({ regionId: "form.invalidChoice" });
    }
    const now = Date.now();
    const { id } = tx
      .insert(patrolFindings)
      .values({ recordId: record.id, foundAt: input.foundAt, description: input.description, regionId: input.regionId, createdBy: viewer.userId, createdAt: now })
      .returning({ id: patrolFindings.id })
      .get();
    appendThreadEvent(tx, viewer, record.id, { action: "finding", payload: { findingId: id, foundAt: input.foundAt }, body: input.description });
    tx.update(records).set({ updatedAt: now }).where(eq(records.id, record.id)).run();
    appendAudit(tx, actorOf(viewer), {
      action: "patrol.finding",
      entityType: "patrol",
      entityId: record.id,
      after: { findingId: id, foundAt: input.foundAt, description: input.description, regionId: input.regionId },
    });
    return { ok: true, findingId: id };
  });
}

/** Where a new record comes from: the patrol and the finding (hidden fields of the new-record form). */
export interface FindingSource {
  patrolId: number;
  findingId: number;
}

/** The finding named by raw ids (query string or hidden fields), or null when they are not ids. */
export function findingSourceOf(patrolId: unknown, findingId: unknown): FindingSource | null {
  const p = parseRecordId(typeof patrolId === "string" ? patrolId : null);
  const f = parseRecordId(typeof findingId === "string" ? findingId : null);
  return p === null || f === null ? null : { patrolId: p, findingId: f };
}

/** What the new-record form is prefilled with, when the viewer may open a record from this finding. */
export interface FindingPrefill extends FindingSource {
  patrolRefNo: string;
  patrolTitle: string;
  pactId: number | null;
  /** A title for the new record, from the finding's first sentence. */
  title: string;
  description: string;
  regionId: number | null;
  placeText: string;
}

/**
 * The finding, if its patrol is visible to the viewer, theirs to link (they may write in its
 * thread), and the finding has not opened a record yet; otherwise null.
 */
export function findingToOpen(viewer: Viewer, source: FindingSource, tx: Tx = getDb()): FindingPrefill | null {
  const patrol = findVisibleRecord(viewer, source.patrolId);
  if (!patrol || patrol.workflow !== "patrol" || !mayLink(viewer, patrol)) return null;
  const finding = tx
    .select({ description: patrolFindings.description, regionId: patrolFindings.regionId, regionName: regions.name })
    .from(patrolFindings)
    .leftJoin(regions, eq(regions.id, patrolFindings.regionId))
    .where(and(eq(patrolFindings.id, source.findingId), eq(patrolFindings.recordId, patrol.id), isNull(patrolFindings.openedRecordId)))
    .get();
  if (!finding) return null;
  return {
    ...source,
    patrolRefNo: patrol.refNo,
    patrolTitle: patrol.title,
    pactId: patrol.pactId,
    title: titleFromFinding(finding.description),
    description: finding.description,
    regionId: finding.regionId,
    placeText: finding.regionName ?? "",
  };
}

/** Thrown inside a create transaction to undo it when the finding cannot take the new record. */
export class FindingLinkRefused extends Error {
  constructor(readonly source: FindingSource) {
    super("finding link refused");
  }
}

/**
 * In the create transaction of the record opened from a finding: links it back to the patrol and
 * writes it into the finding (only if the finding has opened nothing yet). Throws
 * FindingLinkRefused, which undoes the whole transaction, when either cannot be done.
 */
export function linkOpenedFromFinding(tx: Tx, viewer: Viewer, source: FindingSource, openedId: number): void {
  if (!findingToOpen(viewer, source, tx)) throw new FindingLinkRefused(source);
  if (!linkOpenedRecord(tx, viewer, source.patrolId, openedId)) throw new FindingLinkRefused(source);
  const changed = tx
    .update(patrolFindings)
    .set({ openedRecordId: openedId })
    .where(and(eq(patrolFindings.id, source.findingId), eq(patrolFindings.recordId, source.patrolId), isNull(patrolFindings.openedRecordId)))
    .run();
  if (changed.changes !== 1) throw new FindingLinkRefused(source);
  appendAudit(tx, actorOf(viewer), {
    action: "patrol.finding_opened",
    entityType: "patrol",
    entityId: source.patrolId,
    after: { findingId: source.findingId, openedRecordId: openedId },
  });
}

/** The message key a create action shows when the finding's link is refused (field `patrolId`). */
export const FINDING_LINK_REFUSED = "patrols.error.findingLink";

/**
 * Runs a create service that may be opened from a finding; a refused link becomes the field error
 * `patrolId` (nothing was written) and an audited denial.
 */
export function refusingFindingLink<T>(viewer: Viewer, create: () => T): T | { ok: false; errors: { patrolId: string } } {
  try {
    return create();
  } catch (error) {
    if (!(error instanceof FindingLinkRefused)) throw error;
    denial(viewer, "record", error.source.patrolId, "link");
    return { ok: false, errors: { patrolId: FINDING_LINK_REFUSED } };
  }
}

/**
 * The finding a new-record form was opened from (?patrol=…&finding=…): null without those
 * parameters; a 404 when the patrol is not the viewer's to see and link or the finding is gone.
 */
export function findingFromUrl(viewer: Viewer, request: Request): FindingPrefill | null {
  const params = new URL(request.url).searchParams;
  if (!params.has("patrol") && !params.has("finding")) return null;
  const source = findingSourceOf(params.get("patrol"), params.get("finding"));
  const prefill = source ? findingToOpen(viewer, source) : null;
  if (prefill) return prefill;
  if (source) denial(viewer, "record", source.patrolId, "view");
  throw new Response("Not Found", { status: 404 });
}

/** The hidden fields of a posted new-record form: the finding it comes from, none, or unreadable. */
export function findingSourceFromForm(formData: FormData): FindingSource | null | "malformed" {
  const patrolId = formData.get("patrolId");
  const findingId = formData.get("findingId");
  if ((patrolId === null || patrolId === "") && (findingId === null || findingId === "")) return null;
  return findingSourceOf(patrolId, findingId) ?? "malformed";
}

/** A title for the opened record from the finding's first sentence. */
export function titleFromFinding(description: string): string {
  const first = description.split(/[。！？\n]/)[0].trim();
  return (first || description).slice(0, 40);
}
