import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { counties, userRoles, users } from "~db/schema";
import { isCountyAdmin, ROLES, type Role } from "~/modules/access/capabilities";
import { denial } from "~/modules/access/policy.server";
import { appendAudit } from "~/modules/audit/log.server";
import { hashPassword } from "~/modules/auth/password.server";
import { passwordProblem, type PasswordOwner } from "~/modules/auth/password-policy.server";
import { endAllSessions } from "~/modules/auth/session.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, writeTransaction, type Tx } from "~/modules/db/connection.server";
import { sensitiveRoleGranted, sensitiveRolesAdded } from "./role-grants.server";

export function rolesOf(tx: Tx, userId: string): Role[] {
  const held = new Set(
    tx.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId)).all()
      .map((r) => r.role),
  );
  return ROLES.filter((r) => held.has(r));
}

/** Who a session belongs to, with county and roles (null if the user is gone). */
export function loadViewerIdentity(userId: string) {
  const db = getDb();
  const row = db
    .select({
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      title: users.title,
      disabled: users.disabled,
      mustChangePassword: users.mustChangePassword,
      countyId: users.countyId,
      countyName: counties.name,
      countyShortCode: counties.shortCode,
    })
    .from(users)
    .innerJoin(counties, eq(counties.id, users.countyId))
    .where(eq(users.id, userId))
    .get();
  return row ? { ...row, roles: rolesOf(db, userId) } : null;
}

export function findUserByUsername(username: string) {
  return getDb()
    .select()
    .from(users)
    .where(eq(users.username, username.trim().toLowerCase()))
    .get();
}

/** What an administrator sees of an account (never its password hash). */
const accountColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  title: users.title,
  phone: users.phone,
  disabled: users.disabled,
};

/** The users of the viewer's own county, with their roles. */
export function listCountyUsers(viewer: Viewer) {
  const db = getDb();
  const rows = db
    .select(accountColumns)
    .from(users)
    .where(eq(users.countyId, viewer.countyId))
    .orderBy(asc(users.username))
    .all();
  const roles = rows.length
    ? db.select().from(userRoles).where(inArray(userRoles.userId, rows.map((r) => r.id))).all()
    : [];
  return rows.map((u) => ({
    ...u,
    roles: ROLES.filter((role) => roles.some((r) => r.userId === u.id && r.role === role)),
  }));
}

/**
 * One user of the viewer's own county, looked up in SQL by id and county; null for a user of
 * another county or none at all (the caller answers 404). Both misses are recorded as the same
 * denial, so not even the audit log tells an administrator whether another county's id exists.
 */
export function findCountyUser(viewer: Viewer, userId: string) {
  const db = getDb();
  const user = db
    .select({ ...accountColumns, updatedAt: users.updatedAt })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.countyId, viewer.countyId)))
    .get();
  if (!user) {
    recordDenial(viewer, "user", userId.slice(0, 64));
    return null;
  }
  return { ...user, roles: rolesOf(db, userId) };
}

/** Records that the viewer was refused something of `entityType` (see the access policy). */
export function recordDenial(viewer: Viewer, entityType: string, entityId: string | number) {
  denial(viewer, entityType, entityId, "view");
}

/**
 * The county administration pages (users, regions, audit log) are for county admins only: anyone
 * else is refused with 403, and the attempt is recorded.
 */
export function requireCountyAdmin(viewer: Viewer, request: Request): void {
  if (isCountyAdmin(viewer.roles)) return;
  recordDenial(viewer, "page", new URL(request.url).pathname);
  throw new Response("Forbidden", { status: 403 });
}

export function actorOf(viewer: Viewer) {
  return {
    userId: viewer.userId,
    name: viewer.displayName,
    countyId: viewer.countyId,
    ip: viewer.ip,
  };
}

export interface NewUserInput {
  username: string;
  displayName: string;
  title: string;
  phone: string;
  roles: Role[];
  password: string;
}

/** Every username of a county begins with its short code, e.g. `xh.`: one namespace per county. */
export function countyUsernamePrefix(viewer: Pick<Viewer, "countyShortCode">): string {
  return `${viewer.countyShortCode.toLowerCase()}.`;
}

export function usernameTaken(username: string): boolean {
  return !!getDb()
    .select({ n: sql`1` })
    .from(users)
    .where(eq(users.username, username.trim().toLowerCase()))
    .get();
}

/** A password the rules refuse reached a service: the route should have said so next to the field. */
export class RefusedPasswordError extends Error {
  constructor(readonly problem: string) {
    super(`password refused: ${problem}`);
  }
}

async function hashAcceptedPassword(password: string, owner: PasswordOwner): Promise<string> {
  const problem = await passwordProblem(password, owner);
  if (problem) throw new RefusedPasswordError(problem);
  return hashPassword(password);
}

/**
 * Creates a user in the viewer's own county. The administrator chose the password, so the user
 * must choose their own at the first sign-in.
 */
export async function createCountyUser(viewer: Viewer, input: NewUserInput) {
  const passwordHash = await hashAcceptedPassword(input.password, { username: input.username, countyName: viewer.countyName });
  const id = randomUUID();
  const now = Date.now();
  writeTransaction((tx) => {
    tx.insert(users)
      .values({
        id,
        countyId: viewer.countyId,
        username: input.username.trim().toLowerCase(),
        displayName: input.displayName,
        title: input.title,
        phone: input.phone,
        passwordHash,
        mustChangePassword: true,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    for (const role of input.roles) tx.insert(userRoles).values({ userId: id, role }).run();
    const username = input.username.trim().toLowerCase();
    for (const role of sensitiveRolesAdded([], input.roles)) sensitiveRoleGranted(tx, actorOf(viewer), { userId: id, username, role });
    appendAudit(tx, actorOf(viewer), {
      action: "user.create",
      entityType: "user",
      entityId: id,
      after: {
        username: input.username,
        displayName: input.displayName,
        title: input.title,
        phone: input.phone,
        roles: input.roles,
      },
    });
  });
  return id;
}

export interface UserProfileInput {
  displayName: string;
  title: string;
  phone: string;
  roles: Role[];
}

export type UpdateUserResult = { ok: true } | { ok: false; reason: "not_found" | "own_roles" };

const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((r) => b.includes(r));

/**
 * Changes name, title, phone and roles of a user of the viewer's own county. An administrator
 * never changes their own roles (another administrator of the county must): such a change is
 * refused and recorded as a denial. A grant of a sensitive role is written as its own entry.
 */
export function updateCountyUser(viewer: Viewer, userId: string, input: UserProfileInput): UpdateUserResult {
  const result = writeTransaction((tx): UpdateUserResult => {
    const before = countyUserSnapshot(tx, viewer, userId);
    if (!before) return { ok: false, reason: "not_found" };
    if (userId === viewer.userId && !sameRoles(before.roles, input.roles)) return { ok: false, reason: "own_roles" };
    tx.update(users)
      .set({
        displayName: input.displayName,
        title: input.title,
        phone: input.phone,
        updatedAt: Date.now(),
      })
      .where(and(eq(users.id, userId), eq(users.countyId, viewer.countyId)))
      .run();
    tx.delete(userRoles).where(eq(userRoles.userId, userId)).run();
    for (const role of input.roles) tx.insert(userRoles).values({ userId, role }).run();
    const username = tx.select({ username: users.username }).from(users).where(eq(users.id, userId)).get()!.username;
    for (const role of sensitiveRolesAdded(before.roles, input.roles)) sensitiveRoleGranted(tx, actorOf(viewer), { userId, username, role });
    appendAudit(tx, actorOf(viewer), {
      action: "user.update",
      entityType: "user",
      entityId: userId,
      before,
      after: input,
    });
    return { ok: true };
  });
  if (!result.ok && result.reason === "own_roles") denial(viewer, "user", userId, "own_roles");
  return result;
}

/** Disables or re-enables an account; disabling ends its sessions at once. */
export function setUserDisabled(viewer: Viewer, userId: string, disabled: boolean) {
  return writeTransaction((tx) => {
    const before = countyUserSnapshot(tx, viewer, userId);
    if (!before) return false;
    tx.update(users)
      .set({ disabled, updatedAt: Date.now() })
      .where(and(eq(users.id, userId), eq(users.countyId, viewer.countyId)))
      .run();
    if (disabled) endAllSessions(tx, userId);
    appendAudit(tx, actorOf(viewer), {
      action: disabled ? "user.disable" : "user.enable",
      entityType: "user",
      entityId: userId,
      before: { disabled: before.disabled },
      after: { disabled },
    });
    return true;
  });
}

/**
 * Sets a new password (an admin's reset or the user's own change); ends all its sessions. After
 * an administrator's reset the user must choose their own at the next sign-in.
 */
export async function setUserPassword(
  viewer: Viewer,
  userId: string,
  password: string,
  action: "user.reset_password" | "user.change_password",
) {
  const account = getDb()
    .select({ username: users.username })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.countyId, viewer.countyId)))
    .get();
  if (!account) return false;
  const passwordHash = await hashAcceptedPassword(password, { username: account.username, countyName: viewer.countyName });
  return writeTransaction((tx) => {
    const before = countyUserSnapshot(tx, viewer, userId);
    if (!before) return false;
    tx.update(users)
      .set({ passwordHash, mustChangePassword: action === "user.reset_password", updatedAt: Date.now() })
      .where(and(eq(users.id, userId), eq(users.countyId, viewer.countyId)))
      .run();
    endAllSessions(tx, userId);
    // The audit entry says that the password changed, never what it is.
    appendAudit(tx, actorOf(viewer), { action, entityType: "user", entityId: userId });
    return true;
  });
}

function countyUserSnapshot(tx: Tx, viewer: Viewer, userId: string) {
  const user = tx
    .select({
      displayName: users.displayName,
      title: users.title,
      phone: users.phone,
      disabled: users.disabled,
    })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.countyId, viewer.countyId)))
    .get();
  return user ? { ...user, roles: rolesOf(tx, userId) } : null;
}
