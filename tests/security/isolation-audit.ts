/** What a county's audit page may echo back in the isolation walk. */
import { and, eq } from "drizzle-orm";
import { auditLog } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import { countyIdOf } from "../setup/demo";
import type { DemoUser } from "./isolation-world";

/**
 * What the county's audit log may show of refusals: the ids its own people asked for and were
 * refused, and who of another county was refused the county's own things (its log says who tried).
 */
export function refusedIdsOf(u: DemoUser): string[] {
  const own = getDb()
    .select({ entityId: auditLog.entityId })
    .from(auditLog)
    .where(and(eq(auditLog.countyId, countyIdOf(u.county)), eq(auditLog.action, "access.denied")))
    .all()
    .flatMap((r) => (r.entityId ? [r.entityId] : []));
  const attempts = getDb().$client
    .prepare("select distinct a.actor_name from audit_concerns ac join audit_log a on a.id = ac.audit_id where ac.county_id = ?")
    .pluck()
    .all(countyIdOf(u.county)) as string[];
  return [...own, ...attempts];
}
