/**
 * What the dispute report form offers: the pacts the viewer's county shares disputes under, the
 * places of every county involved (the place of occurrence decides the lead county, 以发生地为主),
 * the joint mediation committees of each pact, and the counties parties may come from.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { counties, jointBodies, regions } from "~db/schema";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, type Tx } from "~/modules/db/connection.server";
import { placesOf, type CountyPlaces } from "~/modules/hazards/places.server";
import { pactChoicesFor } from "~/modules/records/create.server";

export interface CommitteeOption {
  id: number;
  pactId: number;
  name: string;
  level: "township" | "village" | null;
}

/** The joint mediation committees of these pacts. */
export function committeesOf(pactIds: readonly number[], tx: Tx = getDb()): CommitteeOption[] {
  if (pactIds.length === 0) return [];
  return tx
    .select({ id: jointBodies.id, pactId: jointBodies.pactId, name: jointBodies.name, level: jointBodies.level })
    .from(jointBodies)
    .where(and(inArray(jointBodies.pactId, [...pactIds]), eq(jointBodies.kind, "mediation_committee")))
    .orderBy(asc(jointBodies.id))
    .all();
}

/** The committee if it is a joint mediation committee of the pact; else null. */
export function committeeOfPact(tx: Tx, pactId: number | null, committeeId: number): CommitteeOption | null {
  if (pactId === null) return null;
  return committeesOf([pactId], tx).find((c) => c.id === committeeId) ?? null;
}

/** The county a region node belongs to, or null. */
export function countyOfRegion(tx: Tx, regionId: number): number | null {
  return tx.select({ countyId: regions.countyId }).from(regions).where(eq(regions.id, regionId)).get()?.countyId ?? null;
}

/** The pacts a viewer may share a dispute under, with committees, places and party counties. */
export function disputeReportChoices(viewer: Viewer) {
  const pacts = pactChoicesFor(viewer, "dispute");
  const partnerIds = [...new Set(pacts.flatMap((p) => p.partners.map((c) => c.countyId)))];
  const countyIds = [viewer.countyId, ...partnerIds.filter((id) => id !== viewer.countyId)];
  const names = getDb().select({ id: counties.id, name: counties.name }).from(counties).where(inArray(counties.id, countyIds)).all();
  const nameOf = (id: number) => names.find((n) => n.id === id)?.name ?? "";
  const places = placesOf(countyIds);
  const groups: CountyPlaces[] = countyIds.map((countyId) => ({
    countyId,
    countyName: nameOf(countyId),
    isOwn: countyId === viewer.countyId,
    regions: places.get(countyId) ?? [],
  }));
  return {
    pacts: pacts.map((p) => ({ id: p.id, title: p.title, partners: p.partners })),
    places: groups,
    committees: committeesOf(pacts.map((p) => p.id)),
    counties: countyIds.map((id) => ({ id, name: nameOf(id) })),
  };
}
export type DisputeReportChoices = ReturnType<typeof disputeReportChoices>;
