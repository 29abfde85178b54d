import { eq } from "drizzle-orm";
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
