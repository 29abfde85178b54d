import { and, eq, isNull, sql } from "drizzle-orm";
import { counties, pendingSignIns, recoveryCodes, rememberedDevices, secondFactors, users } from "~db/schema";
import type { Role } from "~/modules/access/capabilities";
import type { AuditActor } from "~/modules/audit/log.server";
import { appendAudit } from "~/modules/audit/log.server";
import { getDb, type Tx } from "~/modules/db/connection.server";
import { rolesOf } from "~/modules/tenancy/users.server";
import { decryptSecret, encryptSecret, keyedHash } from "./key.server";
import { acceptedStep, newRecoveryCode, newTotpSecret, normaliseRecoveryCode } from "./totp.server";

/** The roles that must use a second factor when their county requires it (等保 2.0 level 3: administrators). */
export const SECOND_FACTOR_ROLES: readonly Role[] = ["county_admin", "police_liaison", "pl_staff"];

export const RECOVERY_CODE_COUNT = 10;

export interface FactorStatus {
  /** A confirmed factor: sign-in asks for a code. */
  enrolled: boolean;
  /** An enrolment started and not yet confirmed. */
  pendingSecret: string | null;
  /** The county requires one for this user's roles: it cannot be removed, sign-in enrols it. */
  required: boolean;
  recoveryCodesLeft: number;
  rememberedDevices: number;
}

export function countyRequiresSecondFactor(tx: Tx, countyId: number): boolean {
  return tx.select({ on: counties.secondFactorRequired }).from(counties).where(eq(counties.id, countyId)).get()?.on ?? true;
}

export function secondFactorRequired(tx: Tx, userId: string): boolean {
  const user = tx.select({ countyId: users.countyId }).from(users).where(eq(users.id, userId)).get();
  if (!user || !countyRequiresSecondFactor(tx, user.countyId)) return false;
  return rolesOf(tx, userId).some((role) => SECOND_FACTOR_ROLES.includes(role));
}

function factorRow(tx: Tx, userId: string) {
  return tx.select().from(secondFactors).where(eq(secondFactors.userId, userId)).get();
}

export function hasConfirmedFactor(tx: Tx, userId: string): boolean {
  return factorRow(tx, userId)?.confirmedAt != null;
}

export function factorStatus(userId: string, now = Date.now()): FactorStatus {
  const db = getDb();
  const row = factorRow(db, userId);
  const count = (table: typeof recoveryCodes | typeof rememberedDevices, where: ReturnType<typeof and>) =>
    db.select({ n: sql<number>`count(*)` }).from(table).where(where).get()!.n;
  return {
    enrolled: row?.confirmedAt != null,
    pendingSecret: row && row.confirmedAt == null ? decryptSecret(row.secret) : null,
    required: secondFactorRequired(db, userId),
    recoveryCodesLeft: count(recoveryCodes, and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt))),
    rememberedDevices: count(
      rememberedDevices,
      and(eq(rememberedDevices.userId, userId), sql`${rememberedDevices.expiresAt} > ${now}`),
    ),
  };
}

/**
 * Starts (or restarts) an enrolment: a new secret, not yet confirmed. Refused (null) when a
 * confirmed factor exists — it is removed first. Returns the secret to show.
 */
export function startEnrolment(tx: Tx, actor: AuditActor, userId: string, now = Date.now()): string | null {
  const row = factorRow(tx, userId);
  if (row?.confirmedAt != null) return null;
  const secret = newTotpSecret();
  tx.insert(secondFactors)
    .values({ userId, secret: encryptSecret(secret), createdAt: now })
    .onConflictDoUpdate({ target: secondFactors.userId, set: { secret: encryptSecret(secret), createdAt: now, lastUsedStep: null } })
    .run();
  appendAudit(tx, actor, { action: "second_factor.enrol_start", entityType: "user", entityId: userId });
  return secret;
}

/** The pending secret of an enrolment, starting one when there is none. */
export function enrolmentSecret(tx: Tx, actor: AuditActor, userId: string): string | null {
  const row = factorRow(tx, userId);
  if (row?.confirmedAt != null) return null;
  return row ? decryptSecret(row.secret) : startEnrolment(tx, actor, userId);
}

function issueRecoveryCodes(tx: Tx, userId: string, now: number): string[] {
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  tx.insert(recoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: keyedHash(`recovery:${userId}`, normaliseRecoveryCode(code)), createdAt: now })))
    .run();
  return codes;
}

/**
 * Confirms an enrolment with a code from the app. Returns the ten recovery codes, to be shown
 * once, or null when the code is wrong (or nothing waits for confirmation).
 */
export function confirmEnrolment(tx: Tx, actor: AuditActor, userId: string, code: string, now = Date.now()): string[] | null {
  const row = factorRow(tx, userId);
  if (!row || row.confirmedAt != null) return null;
  const step = acceptedStep(decryptSecret(row.secret), code, null, now);
  if (step === null) return null;
  tx.update(secondFactors).set({ confirmedAt: now, lastUsedStep: step }).where(eq(secondFactors.userId, userId)).run();
  const codes = issueRecoveryCodes(tx, userId, now);
  appendAudit(tx, actor, { action: "second_factor.enrol", entityType: "user", entityId: userId, after: { recoveryCodes: codes.length } });
  return codes;
}

export function regenerateRecoveryCodes(tx: Tx, actor: AuditActor, userId: string, now = Date.now()): string[] | null {
  if (!hasConfirmedFactor(tx, userId)) return null;
  const codes = issueRecoveryCodes(tx, userId, now);
  appendAudit(tx, actor, { action: "second_factor.recovery_codes", entityType: "user", entityId: userId, after: { recoveryCodes: codes.length } });
  return codes;
}

export type FactorProof = "totp" | "recovery_code";

/**
 * Checks a code of a confirmed factor: a 6-digit app code (each time step once), else a recovery
 * code (each once). Marks what was used; returns how, or null when nothing matched.
 */
export function spendFactorCode(tx: Tx, userId: string, input: string, now = Date.now()): FactorProof | null {
  const row = factorRow(tx, userId);
  if (!row || row.confirmedAt == null) return null;
  const code = input.trim();
  const step = acceptedStep(decryptSecret(row.secret), code, row.lastUsedStep, now);
  if (step !== null) {
    // Only a later step moves on: the update is conditional, so two requests racing with one code cannot both pass.
    const updated = tx
      .update(secondFactors)
      .set({ lastUsedStep: step })
      .where(and(eq(secondFactors.userId, userId), sql`coalesce(${secondFactors.lastUsedStep}, -1) < ${step}`))
      .run();
    return updated.changes === 1 ? "totp" : null;
  }
  const normalised = normaliseRecoveryCode(code);
  if (normalised.length !== 10) return null;
  const used = tx
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, keyedHash(`recovery:${userId}`, normalised)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .run();
  return used.changes === 1 ? "recovery_code" : null;
}

/** Drops a user's factor, recovery codes, remembered devices and waiting sign-ins. */
function dropFactor(tx: Tx, userId: string) {
  tx.delete(secondFactors).where(eq(secondFactors.userId, userId)).run();
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  tx.delete(rememberedDevices).where(eq(rememberedDevices.userId, userId)).run();
  tx.delete(pendingSignIns).where(eq(pendingSignIns.userId, userId)).run();
}

/** One's own removal (the route has checked the password or a code). Refused when required. */
export function removeOwnFactor(tx: Tx, actor: AuditActor, userId: string): "removed" | "required" | "none" {
  if (!factorRow(tx, userId)) return "none";
  if (secondFactorRequired(tx, userId) && hasConfirmedFactor(tx, userId)) return "required";
  dropFactor(tx, userId);
  appendAudit(tx, actor, { action: "second_factor.remove", entityType: "user", entityId: userId });
  return "removed";
}

/**
 * An administrator resets a user's second factor (a lost phone): factor, codes and remembered
 * devices go; the user enrols again (at the next sign-in when the county requires it).
 */
export function resetFactor(tx: Tx, actor: AuditActor, userId: string): boolean {
  const row = factorRow(tx, userId);
  dropFactor(tx, userId);
  appendAudit(tx, actor, {
    action: "second_factor.reset",
    entityType: "user",
    entityId: userId,
    before: { enrolled: row?.confirmedAt != null },
  });
  return row != null;
}

/** The county's requirement, set by its administrator. */
export function setCountyRequirement(tx: Tx, actor: AuditActor, countyId: number, required: boolean): void {
  const before = countyRequiresSecondFactor(tx, countyId);
  tx.update(counties).set({ secondFactorRequired: required }).where(eq(counties.id, countyId)).run();
  appendAudit(tx, actor, {
    action: "county.second_factor_required",
    entityType: "county",
    entityId: countyId,
    before: { required: before },
    after: { required },
  });
}

/** The users of a county who have a confirmed factor. */
export function enrolledUserIds(tx: Tx, countyId: number): Set<string> {
  return new Set(
    tx
      .select({ userId: secondFactors.userId })
      .from(secondFactors)
      .innerJoin(users, eq(users.id, secondFactors.userId))
      .where(and(eq(users.countyId, countyId), sql`${secondFactors.confirmedAt} is not null`))
      .all()
      .map((r) => r.userId),
  );
}
