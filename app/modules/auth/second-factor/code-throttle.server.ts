import type { Tx } from "~/modules/db/connection.server";
import {
  accountFailureLimit,
  accountKey,
  addressFailureLimit,
  addressKey,
  clearFailures,
  countFailure,
  lockedUntil,
} from "../throttle.server";

/**
 * Wrong second-factor codes count as failed sign-ins: against the account and against the client
 * address, with the sign-in limits. This file is the one place the second factor touches the
 * sign-in throttle, so a change of the throttle's keys or rules is made here alone.
 */

/** Until when codes (and passwords) of this account or from this address are refused; null if not. */
export function codeRefusedUntil(tx: Tx, username: string, ip: string | null): number | null {
  return (ip ? lockedUntil(tx, addressKey(ip)) : null) ?? lockedUntil(tx, accountKey(username));
}

export interface CodeFailure {
  accountLocked: boolean;
  addressLocked: boolean;
  /** When the lock this failure caused lifts; null when it caused none. */
  until: number | null;
}

export function countCodeFailure(tx: Tx, username: string, ip: string | null): CodeFailure {
  const accountLocked = countFailure(tx, accountKey(username), accountFailureLimit());
  const addressLocked = ip ? countFailure(tx, addressKey(ip), addressFailureLimit()) : false;
  const until = addressLocked && ip ? lockedUntil(tx, addressKey(ip)) : accountLocked ? lockedUntil(tx, accountKey(username)) : null;
  return { accountLocked, addressLocked, until };
}

/** A completed sign-in forgets the account's failures, as a right password alone did before. */
export function forgetCodeFailures(tx: Tx, username: string, _ip: string | null): void {
  clearFailures(tx, accountKey(username));
}
