import type { Tx } from "~/modules/db/connection.server";
import { addressKey, clearFailures, countAddressFailure, countPairFailure, heldUntil } from "../throttle.server";

/**
 * Wrong second-factor codes are throttled per account, whatever the address: only someone who
 * already has the password reaches the code step, so holding the account's code step keeps them
 * from guessing codes by changing addresses, and does not let a stranger lock anyone out. The
 * waits and the lock are the sign-in's (slowed after a few, locked at the limit), and the failures
 * count against the client address as sign-in failures do. This file is the one place the second
 * factor touches the sign-in throttle.
 */
const codeKey = (username: string) => `code:${username.trim().toLowerCase()}`;

/** Until when codes of this account or from this address are refused; null if not. */
export function codeRefusedUntil(tx: Tx, username: string, ip: string | null): number | null {
  return (ip ? heldUntil(tx, addressKey(ip))?.until : null) ?? heldUntil(tx, codeKey(username))?.until ?? null;
}

export interface CodeFailure {
  accountLocked: boolean;
  addressLocked: boolean;
  /** When the wait or lock this failure caused lifts; null when it caused none. */
  until: number | null;
}

export function countCodeFailure(tx: Tx, username: string, ip: string | null): CodeFailure {
  const account = countPairFailure(tx, codeKey(username));
  const address = ip ? countAddressFailure(tx, addressKey(ip)) : null;
  return { accountLocked: account?.kind === "locked", addressLocked: !!address, until: address?.until ?? account?.until ?? null };
}

/** A completed sign-in forgets the account's wrong codes. */
export function forgetCodeFailures(tx: Tx, username: string, _ip: string | null): void {
  clearFailures(tx, codeKey(username));
}
