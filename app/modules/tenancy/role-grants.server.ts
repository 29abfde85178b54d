/**
 * Grants of sensitive roles. police_liaison opens police-only case notices; county_admin manages
 * the county's people, pacts and audit log. Whoever grants one, the county's other administrators
 * must learn of it: each grant is written to the audit log as its own entry (in the transaction
 * that grants it) and listed on the administration home page.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import { auditLog, users } from "~db/schema";
import type { Role } from "~/modules/access/capabilities";
import { appendAudit, type AuditActor } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, type Tx } from "~/modules/db/connection.server";

export const SENSITIVE_ROLES: readonly Role[] = ["police_liaison", "county_admin"];

export const SENSITIVE_GRANT_ACTION = "user.sensitive_role_granted";

/** The sensitive roles in `after` that were not in `before`. */
export function sensitiveRolesAdded(before: readonly Role[], after: readonly Role[]): Role[] {
  return SENSITIVE_ROLES.filter((r) => after.includes(r) && !before.includes(r));
}

export interface SensitiveGrant {
  userId: string;
  username: string;
  role: Role;
}

/**
 * A sensitive role was granted: call it in the transaction that grants it. It writes the audit
 * entry the administration home page lists. This is also where the county's other administrators
 * will be notified once notifications exist (an outbox row in this same transaction).
 */
export function sensitiveRoleGranted(tx: Tx, actor: AuditActor, grant: SensitiveGrant): void {
  appendAudit(tx, actor, {
    action: SENSITIVE_GRANT_ACTION,
    entityType: "user",
    entityId: grant.userId,
    after: { role: grant.role, username: grant.username },
  });
}

export const RECENT_GRANTS_SHOWN = 20;

/** The county's most recent grants of sensitive roles, newest first, with whom and by whom. */
export function recentSensitiveGrants(viewer: Viewer, limit = RECENT_GRANTS_SHOWN) {
  const db = getDb();
  const rows = db
    .select({ id: auditLog.id, at: auditLog.at, userId: auditLog.entityId, after: auditLog.after, grantedBy: auditLog.actorUserId, grantedByName: auditLog.actorName })
    .from(auditLog)
    .where(and(eq(auditLog.countyId, viewer.countyId), eq(auditLog.action, SENSITIVE_GRANT_ACTION)))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all();
  const ids = [...new Set(rows.flatMap((r) => (r.userId ? [r.userId] : [])))];
  const people = ids.length
    ? db.select({ id: users.id, displayName: users.displayName, username: users.username }).from(users)
      .where(and(inArray(users.id, ids), eq(users.countyId, viewer.countyId))).all()
    : [];
  return rows.map((r) => {
    const granted = JSON.parse(r.after ?? "{}") as { role?: Role; username?: string };
    const person = people.find((p) => p.id === r.userId);
    return {
      id: r.id,
      at: r.at,
      userId: r.userId ?? "",
      displayName: person?.displayName ?? "",
      username: person?.username ?? granted.username ?? "",
      role: granted.role ?? "county_admin",
      grantedByName: r.grantedByName,
      grantedBySelf: r.grantedBy === viewer.userId,
    };
  });
}
