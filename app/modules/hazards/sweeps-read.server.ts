/**
 * Reading joint sweeps. A sweep belongs to a pact and is seen only by the pact's member counties
 * (and only by roles that may view hazards): the membership is part of every query, so another
 * county's sweep never shows in a list, a count or a page; a hidden sweep answers 404 like a
 * missing one. The hazards a sweep found are listed through the records' own access policy.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { counties, hazardDetails, jointSweepParticipants, jointSweeps, pacts, records, users } from "~db/schema";
import { pactInForce, assertCan, visibleRecordsFilter } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, type Tx } from "~/modules/db/connection.server";
import { recordDenial } from "~/modules/tenancy/users.server";

export type SweepRow = typeof jointSweeps.$inferSelect;

/** SQL true when the viewer's county is a member of the sweep's pact. */
export function viewerSharesSweep(viewer: Viewer): SQL {
  return sql`exists (select 1 from pact_members sm where sm.pact_id = ${jointSweeps.pactId} and sm.county_id = ${viewer.countyId})`;
}

/** One sweep of a pact the viewer's county belongs to; null otherwise. */
export function findMemberSweep(tx: Tx, viewer: Viewer, sweepId: number): SweepRow | null {
  if (!Number.isSafeInteger(sweepId)) return null;
  return tx.select().from(jointSweeps).where(and(eq(jointSweeps.id, sweepId), viewerSharesSweep(viewer))).get() ?? null;
}

/** A sweep id from the URL (positive integer) or null. */
export function parseSweepId(raw: string | undefined | null): number | null {
  if (!raw || !/^[1-9]\d{0,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/** The sweep for a route: 403 for roles that do not see hazards, 404 for missing and hidden alike. */
export function requireSweep(viewer: Viewer, raw: string | undefined): SweepRow {
  assertCan(viewer, "hazard", "view");
  const id = parseSweepId(raw);
  const row = id === null ? null : findMemberSweep(getDb(), viewer, id);
  if (row) return row;
  if (id !== null) recordDenial(viewer, "joint_sweep", id);
  throw new Response("Not Found", { status: 404 });
}

export interface SweepParticipantView {
  userId: string;
  displayName: string;
  title: string;
  countyId: number;
  countyName: string;
}

function participantsOf(tx: Tx, sweepIds: number[]) {
  if (sweepIds.length === 0) return [];
  return tx
    .select({
      sweepId: jointSweepParticipants.sweepId,
      userId: users.id,
      displayName: users.displayName,
      title: users.title,
      countyId: jointSweepParticipants.countyId,
      countyName: counties.name,
    })
    .from(jointSweepParticipants)
    .innerJoin(users, eq(users.id, jointSweepParticipants.userId))
    .innerJoin(counties, eq(counties.id, jointSweepParticipants.countyId))
    .where(inArray(jointSweepParticipants.sweepId, sweepIds))
    .orderBy(asc(counties.code), asc(users.username))
    .all();
}

const sweepColumns = {
  sweep: jointSweeps,
  pactTitle: pacts.title,
  organiserName: counties.name,
  createdByName: users.displayName,
};

/** Hazards found by each sweep that the viewer may see, counted in SQL through the policy. */
function foundCounts(tx: Tx, viewer: Viewer, sweepIds: number[]): Map<number, number> {
  if (sweepIds.length === 0) return new Map();
  const rows = tx
    .select({ sweepId: hazardDetails.sweepId, n: sql<number>`count(*)` })
    .from(hazardDetails)
    .innerJoin(records, eq(records.id, hazardDetails.recordId))
    .where(and(inArray(hazardDetails.sweepId, sweepIds), visibleRecordsFilter(viewer)))
    .groupBy(hazardDetails.sweepId)
    .all();
  return new Map(rows.map((r) => [r.sweepId!, r.n]));
}

/** Every sweep of the viewer's county's pacts, newest planned date first. */
export function listSweeps(viewer: Viewer) {
  assertCan(viewer, "hazard", "view");
  const db = getDb();
  const rows = db
    .select(sweepColumns)
    .from(jointSweeps)
    .innerJoin(pacts, eq(pacts.id, jointSweeps.pactId))
    .innerJoin(counties, eq(counties.id, jointSweeps.organiserCountyId))
    .innerJoin(users, eq(users.id, jointSweeps.createdBy))
    .where(viewerSharesSweep(viewer))
    .orderBy(desc(jointSweeps.plannedOn), desc(jointSweeps.id))
    .all();
  const ids = rows.map((r) => r.sweep.id);
  const people = participantsOf(db, ids);
  const found = foundCounts(db, viewer, ids);
  return rows.map(({ sweep, ...names }) => ({
    ...sweep,
    ...names,
    participantCount: people.filter((p) => p.sweepId === sweep.id).length,
    countyNames: [...new Set(people.filter((p) => p.sweepId === sweep.id).map((p) => p.countyName))],
    foundCount: found.get(sweep.id) ?? 0,
  }));
}

/** One sweep with its pact, people from each side and the hazards it found (those the viewer sees). */
export function getSweepDetail(viewer: Viewer, sweep: SweepRow) {
  const db = getDb();
  const head = db
    .select({ ...sweepColumns, pactInForce: sql<number>`${pactInForce(sql`${jointSweeps.pactId}`)}` })
    .from(jointSweeps)
    .innerJoin(pacts, eq(pacts.id, jointSweeps.pactId))
    .innerJoin(counties, eq(counties.id, jointSweeps.organiserCountyId))
    .innerJoin(users, eq(users.id, jointSweeps.createdBy))
    .where(and(eq(jointSweeps.id, sweep.id), viewerSharesSweep(viewer)))
    .get();
  if (!head) throw new Response("Not Found", { status: 404 });
  const members = db
    .select({ countyId: counties.id, countyName: counties.name })
    .from(counties)
    .where(sql`exists (select 1 from pact_members m where m.pact_id = ${sweep.pactId} and m.county_id = ${counties.id})`)
    .orderBy(asc(counties.code))
    .all();
  const found = db
    .select({ id: records.id, refNo: records.refNo, title: records.title, status: records.status, dueAt: records.dueAt })
    .from(records)
    .innerJoin(hazardDetails, eq(hazardDetails.recordId, records.id))
    .where(and(eq(hazardDetails.sweepId, sweep.id), visibleRecordsFilter(viewer)))
    .orderBy(asc(records.createdAt), asc(records.id))
    .all();
  return {
    ...head.sweep,
    pactTitle: head.pactTitle,
    organiserName: head.organiserName,
    createdByName: head.createdByName,
    pactInForce: head.pactInForce === 1,
    members,
    participants: participantsOf(db, [sweep.id]).map(({ sweepId: _s, ...p }) => p),
    found,
  };
}
