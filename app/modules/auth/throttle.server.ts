import { and, eq, gte, lt, sql } from "drizzle-orm";
import { loginFailures, loginLocks } from "~db/schema";
import type { Tx } from "~/modules/db/connection.server";
import { authConfig } from "./config.server";

/**
 * Sign-in throttling works on two keys. One account from one address (`pair`): after a few
 * failures that address must wait before its next try on the account, each wait twice the last,
 * and after more it is locked out of that account. The account itself is never locked for
 * everyone, so a stranger who knows a username cannot shut its owner out: the right password from
 * an address with no recent failures still gets in. One address across all accounts (`address`):
 * many failures lock the address.
 */
export const pairKey = (username: string, ip: string | null) =>
  `pair:${username.trim().toLowerCase()}|${ip ?? "unknown"}`;
export const addressKey = (ip: string) => `ip:${ip}`;

export interface Hold {
  until: number;
  /** "slowed": a short wait between tries; "locked": refused until the lock lifts. */
  kind: "slowed" | "locked";
}

/** When the key is held, until when and why; otherwise null. */
export function heldUntil(tx: Tx, key: string, now = Date.now()): Hold | null {
  const lock = tx.select().from(loginLocks).where(eq(loginLocks.key, key)).get();
  if (!lock || lock.lockedUntil <= now) return null;
  return { until: lock.lockedUntil, kind: lock.kind === "slowed" ? "slowed" : "locked" };
}

function hold(tx: Tx, key: string, until: number, kind: Hold["kind"]) {
  tx.insert(loginLocks)
    .values({ key, lockedUntil: until, kind })
    .onConflictDoUpdate({ target: loginLocks.key, set: { lockedUntil: until, kind } })
    .run();
}

/** Counts one failure against a key within the window; returns how many there are now. */
function recentFailures(tx: Tx, key: string, now: number): number {
  const { failureWindowMs } = authConfig();
  tx.delete(loginFailures)
    .where(and(eq(loginFailures.key, key), lt(loginFailures.at, now - failureWindowMs)))
    .run();
  tx.insert(loginFailures).values({ key, at: now }).run();
  return tx
    .select({ n: sql<number>`count(*)` })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gte(loginFailures.at, now - failureWindowMs)))
    .get()!.n;
}

/**
 * A failure of one account from one address: from the `slowAfter`-th on, the pair waits
 * 1 s, 2 s, 4 s … (at most a minute) before its next try; at `pairFailureLimit` it is locked.
 */
export function countPairFailure(tx: Tx, key: string, now = Date.now()): Hold | null {
  const { pairFailureLimit, slowAfter, lockMs } = authConfig();
  const n = recentFailures(tx, key, now);
  if (n >= pairFailureLimit) {
    tx.delete(loginFailures).where(eq(loginFailures.key, key)).run();
    hold(tx, key, now + lockMs, "locked");
    return { until: now + lockMs, kind: "locked" };
  }
  if (n >= slowAfter) {
    const until = now + Math.min(60_000, 1000 * 2 ** (n - slowAfter));
    hold(tx, key, until, "slowed");
    return { until, kind: "slowed" };
  }
  return null;
}

/** A failure from an address on any account; at the limit the address is locked. */
export function countAddressFailure(tx: Tx, key: string, now = Date.now()): Hold | null {
  const { addressFailureLimit, lockMs } = authConfig();
  if (recentFailures(tx, key, now) < addressFailureLimit) return null;
  tx.delete(loginFailures).where(eq(loginFailures.key, key)).run();
  hold(tx, key, now + lockMs, "locked");
  return { until: now + lockMs, kind: "locked" };
}

/** A successful sign-in forgets the failures of that account from that address. */
export function clearFailures(tx: Tx, key: string): void {
  tx.delete(loginFailures).where(eq(loginFailures.key, key)).run();
  tx.delete(loginLocks).where(eq(loginLocks.key, key)).run();
}
