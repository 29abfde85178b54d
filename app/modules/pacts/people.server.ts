/**
 * The counties and people a pact form offers: partner counties (all others; counties are public
 * knowledge) and the enabled users of the viewer's own county, who may be named liaisons or
 * joint-body members. The same queries check posted choices inside the write transaction.
 */
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { counties, users } from "~db/schema";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, type Tx } from "~/modules/db/connection.server";

export interface PersonChoice {
  id: string;
  displayName: string;
  title: string;
}

/** Every county but the viewer's, as partners for a new pact. */
export function partnerCountyChoices(viewer: Viewer) {
  return getDb()
    .select({ id: counties.id, name: counties.name, province: counties.province })
    .from(counties)
    .where(ne(counties.id, viewer.countyId))
    .orderBy(asc(counties.code))
    .all();
}

/** The enabled users of one county, by name. */
export function enabledPeopleOf(countyId: number, tx: Tx = getDb()): PersonChoice[] {
  return tx
    .select({ id: users.id, displayName: users.displayName, title: users.title })
    .from(users)
    .where(and(eq(users.countyId, countyId), eq(users.disabled, false)))
    .orderBy(asc(users.username))
    .all();
}

/** True when every id is an enabled user of `countyId`. */
export function allEnabledPeopleOf(tx: Tx, countyId: number, userIds: readonly string[]): boolean {
  if (userIds.length === 0) return true;
  const found = tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, [...userIds]), eq(users.countyId, countyId), eq(users.disabled, false)))
    .all();
  return found.length === new Set(userIds).size;
}

/** True when every id is a county other than `ownCountyId`. */
export function allOtherCounties(tx: Tx, ownCountyId: number, countyIds: readonly number[]): boolean {
  if (countyIds.length === 0) return false;
  const found = tx
    .select({ id: counties.id })
    .from(counties)
    .where(and(inArray(counties.id, [...countyIds]), ne(counties.id, ownCountyId)))
    .all();
  return found.length === new Set(countyIds).size;
}
