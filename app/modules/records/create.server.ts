/**
 * Opening a record of any workflow: owner county from the viewer, a reference number from the
 * county's sequence, the pact it is shared under and the counties it is addressed to, checked
 * against the pact, all in the caller's write transaction.
 */
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { counties, pactMembers, pacts, pactWorkflows, recordAddressees, records, regions } from "~db/schema";
import type { Workflow } from "~/modules/access/capabilities";
import { pactInForce } from "~/modules/access/policy.server";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, type Tx } from "~/modules/db/connection.server";
import { actorOf } from "~/modules/tenancy/users.server";
import { nextReferenceNumber } from "./references.server";
import { appendThreadEvent } from "./thread.server";

export interface NewRecordInput {
  workflow: Workflow;
  /** The pact to share under, or null for a record internal to the viewer's county. */
  pactId: number | null;
  /** Counties to address; by default every other member of the pact. */
  addresseeCountyIds?: readonly number[];
  title: string;
  description: string;
  regionId: number | null;
  placeText: string;
  status: string;
  policeOnly?: boolean;
  dueAt?: number | null;
}

/** Field → message key, for the form to show next to the field. */
export type RecordErrors = Partial<Record<"pactId" | "addresseeCountyIds" | "regionId", string>>;

export type CreateRecordResult = { ok: true; id: number; refNo: string } | { ok: false; errors: RecordErrors };

/** Member counties of a pact the viewer's county may share `workflow` under today; else null. */
export function usablePactMembers(tx: Tx, viewer: Viewer, pactId: number, workflow: Workflow): number[] | null {
  const usable = tx
    .select({ id: pacts.id })
    .from(pacts)
    .where(
      and(
        eq(pacts.id, pactId),
        pactInForce(sql`${pacts.id}`),
        sql`exists (select 1 from pact_members m where m.pact_id = ${pacts.id} and m.county_id = ${viewer.countyId})`,
        sql`exists (select 1 from pact_workflows w where w.pact_id = ${pacts.id} and w.workflow = ${workflow})`,
      ),
    )
    .get();
  if (!usable) return null;
  return tx
    .select({ countyId: pactMembers.countyId })
    .from(pactMembers)
    .where(eq(pactMembers.pactId, pactId))
    .all()
    .map((m) => m.countyId);
}

/** The pacts in force that the viewer's county may share `workflow` under, with partner names. */
export function pactChoicesFor(viewer: Viewer, workflow: Workflow) {
  const db = getDb();
  const rows = db
    .select({ id: pacts.id, title: pacts.title })
    .from(pacts)
    .innerJoin(pactWorkflows, and(eq(pactWorkflows.pactId, pacts.id), eq(pactWorkflows.workflow, workflow)))
    .innerJoin(pactMembers, and(eq(pactMembers.pactId, pacts.id), eq(pactMembers.countyId, viewer.countyId)))
    .where(pactInForce(sql`${pacts.id}`))
    .orderBy(asc(pacts.id))
    .all();
  if (rows.length === 0) return [];
  const partners = db
    .select({ pactId: pactMembers.pactId, countyId: counties.id, name: counties.name })
    .from(pactMembers)
    .innerJoin(counties, eq(counties.id, pactMembers.countyId))
    .where(and(inArray(pactMembers.pactId, rows.map((r) => r.id)), ne(pactMembers.countyId, viewer.countyId)))
    .orderBy(asc(counties.code))
    .all();
  return rows.map((r) => ({
    ...r,
    partners: partners.filter((p) => p.pactId === r.id).map(({ countyId, name }) => ({ countyId, name })),
  }));
}

/** Inserts the record, its addressees, the opening thread event and the audit entry. */
export function createRecord(tx: Tx, viewer: Viewer, input: NewRecordInput): CreateRecordResult {
  const errors: RecordErrors = {};
  let addressees: number[] = [];
  let places = [viewer.countyId];
  if (input.pactId != null) {
    const members = usablePactMembers(tx, viewer, input.pactId, input.workflow);
    if (!members) {
      errors.pactId = "records.error.pactNotUsable";
    } else {
      const others = members.filter((c) => c !== viewer.countyId);
      addressees = input.addresseeCountyIds ? [...new Set(input.addresseeCountyIds)] : others;
      if (addressees.length === 0 || addressees.some((c) => !others.includes(c))) {
        errors.addresseeCountyIds = "records.error.addressees";
      }
      places = members;
    }
  }
  if (input.regionId != null) {
    const region = tx.select({ countyId: regions.countyId }).from(regions).where(eq(regions.id, input.regionId)).get();
    if (!region || !places.includes(region.countyId)) errors.regionId = "records.error.region";
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const now = Date.now();
  const refNo = nextReferenceNumber(tx, { id: viewer.countyId, shortCode: viewer.countyShortCode }, input.workflow, now);
  const { id } = tx
    .insert(records)
    .values({
      ownerCountyId: viewer.countyId,
      pactId: input.pactId,
      workflow: input.workflow,
      status: input.status,
      refNo,
      title: input.title,
      description: input.description,
      regionId: input.regionId,
      placeText: input.placeText,
      policeOnly: !!input.policeOnly,
      dueAt: input.dueAt ?? null,
      createdBy: viewer.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: records.id })
    .get();
  for (const countyId of addressees) tx.insert(recordAddressees).values({ recordId: id, countyId }).run();
  appendThreadEvent(tx, viewer, id, { action: "create", toStatus: input.status });
  appendAudit(tx, actorOf(viewer), {
    action: "record.create",
    entityType: input.workflow,
    entityId: id,
    after: { refNo, title: input.title, pactId: input.pactId, addressees, status: input.status, regionId: input.regionId },
  });
  return { ok: true, id, refNo };
}
