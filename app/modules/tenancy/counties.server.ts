import { eq, sql } from "drizzle-orm";
import { counties } from "~db/schema";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";

/** The viewer's own county: name, province, division code and short code. */
export function countyProfileOf(viewer: Viewer) {
  return getDb()
    .select({ name: counties.name, province: counties.province, code: counties.code, shortCode: counties.shortCode })
    .from(counties)
    .where(eq(counties.id, viewer.countyId))
    .get()!;
}

/** Every county's name by id (counties are public knowledge: a handful of rows). */
export function countyNames(): Map<number, string> {
  return new Map(getDb().select({ id: counties.id, name: counties.name }).from(counties).all().map((c) => [c.id, c.name]));
}

/**
 * The county whose username prefix a typed username carries (`xh.admin` → XH), or null. Usernames
 * are `<short code>.<name>`; a failed sign-in under an unknown name still belongs to that county.
 */
export function countyOfUsername(username: string): number | null {
  const prefix = username.trim().toLowerCase().split(".")[0];
  if (!prefix || prefix.length > 16 || !username.includes(".")) return null;
  const county = getDb()
    .select({ id: counties.id })
    .from(counties)
    .where(sql`lower(${counties.shortCode}) = ${prefix}`)
    .get();
  return county?.id ?? null;
}
