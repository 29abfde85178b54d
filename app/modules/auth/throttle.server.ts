import { and, eq, gte, lt, sql } from "drizzle-orm";
import { loginFailures, loginLocks } from "~db/schema";
import type { Tx } from "~/modules/db/connection.server";
import { authConfig } from "./config.server";

export const accountKey = (username: string) => `user:${username.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `ip:${ip}`;

/** When the key is locked, the time (ms) the lock lifts; otherwise null. */
export function lockedUntil(tx: Tx, key: string, now = Date.now()): number | null {
  const lock = tx.select().from(loginLocks).where(eq(loginLocks.key, key)).get();
  return lock && lock.lockedUntil > now ? lock.lockedUntil : null;
}

/** Counts a failure against a key; locks it when the limit is reached within the window. */
export function countFailure(tx: Tx, key: string, limit: number, now = Date.now()): boolean {
  const { failureWindowMs, lockMs } = authConfig();
  tx.delete(loginFailures)
    .where(and(eq(loginFailures.key, key), lt(loginFailures.at, now - failureWindowMs)))
    .run();
  tx.insert(loginFailures).values({ key, at: now }).run();
  const recent = tx
    .select({ n: sql<number>`count(*)` })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gte(loginFailures.at, now - failureWindowMs)))
    .get()!.n;
  if (recent < limit) return false;
  tx.insert(loginLocks)
    .values({ key, lockedUntil: now + lockMs })
    .onConflictDoUpdate({ target: loginLocks.key, set: { lockedUntil: now + lockMs } })
    .run();
  tx.delete(loginFailures).where(eq(loginFailures.key, key)).run();
  return true;
}

/** A successful sign-in forgets the account's earlier failures. */
export function clearFailures(tx: Tx, key: string): void {
  tx.delete(loginFailures).where(eq(loginFailures.key, key)).run();
  tx.delete(loginLocks).where(eq(loginLocks.key, key)).run();
}

export function accountFailureLimit() {
  return authConfig().accountFailureLimit;
}
export function addressFailureLimit() {
  return authConfig().addressFailureLimit;
}
