/**
 * Where a hazard can be: a node of the four-level network of the reporting county or of a county
 * it shares hazards with under a pact in force, plus free text. Partner counties' nodes are
 * offered only to counties that have such a pact with them; createRecord checks the chosen node
 * against the chosen pact.
 */
import { asc, eq, inArray } from "drizzle-orm";
import { counties, regions } from "~db/schema";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, type Tx } from "~/modules/db/connection.server";
import { pactChoicesFor } from "~/modules/records/create.server";

export interface PlaceOption {
  id: number;
  name: string;
  level: "township" | "village" | "micro_grid";
  /** 0 township/street, 1 village/community, 2 micro-grid. */
  depth: number;
}

export interface CountyPlaces {
  countyId: number;
  countyName: string;
  isOwn: boolean;
  regions: PlaceOption[];
}

/** The nodes of the given counties, each county's tree flattened in display order. */
export function placesOf(countyIds: readonly number[], tx: Tx = getDb()): Map<number, PlaceOption[]> {
  const byCounty = new Map<number, PlaceOption[]>();
  if (countyIds.length === 0) return byCounty;
  const rows = tx
    .select({ id: regions.id, countyId: regions.countyId, parentId: regions.parentId, level: regions.level, name: regions.name })
    .from(regions)
    .where(inArray(regions.countyId, [...countyIds]))
    .orderBy(asc(regions.id))
    .all();
  const children = new Map<number | null, typeof rows>();
  for (const row of rows) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row]);
  const visit = (parentId: number | null, depth: number, countyId: number, out: PlaceOption[]) => {
    for (const row of children.get(parentId) ?? []) {
      if (row.countyId !== countyId) continue;
      out.push({ id: row.id, name: row.name, level: row.level, depth });
      visit(row.id, depth + 1, countyId, out);
    }
  };
  for (const countyId of countyIds) {
    const out: PlaceOption[] = [];
    visit(null, 0, countyId, out);
    byCounty.set(countyId, out);
  }
  return byCounty;
}

/** The pacts a viewer may share a hazard under, and the places of every county involved. */
export function reportChoicesFor(viewer: Viewer) {
  const pacts = pactChoicesFor(viewer, "hazard");
  const partnerIds = [...new Set(pacts.flatMap((p) => p.partners.map((c) => c.countyId)))];
  const countyIds = [viewer.countyId, ...partnerIds.filter((id) => id !== viewer.countyId)];
  const names = getDb().select({ id: counties.id, name: counties.name }).from(counties).where(inArray(counties.id, countyIds)).all();
  const places = placesOf(countyIds);
  const groups: CountyPlaces[] = countyIds.map((countyId) => ({
    countyId,
    countyName: names.find((n) => n.id === countyId)?.name ?? "",
    isOwn: countyId === viewer.countyId,
    regions: places.get(countyId) ?? [],
  }));
  return {
    pacts: pacts.map((p) => ({ id: p.id, title: p.title, partners: p.partners })),
    places: groups,
  };
}

/** A region and its ancestors, township first: ["凉伞镇", "花园村"]. Empty when there is none. */
export function placePath(regionId: number | null, tx: Tx = getDb()): string[] {
  const path: string[] = [];
  for (let id = regionId, guard = 0; id !== null && guard < 5; guard++) {
    const row = tx.select({ name: regions.name, parentId: regions.parentId }).from(regions).where(eq(regions.id, id)).get();
    if (!row) break;
    path.unshift(row.name);
    id = row.parentId;
  }
  return path;
}
