import { appendAudit } from "~/modules/audit/log.server";
import { writeTransaction } from "~/modules/db/connection.server";
import { countyOfUsername } from "~/modules/tenancy/counties.server";
import { findUserByUsername } from "~/modules/tenancy/users.server";
import { decoyPasswordHash, verifyPassword } from "./password.server";
import { holdForSecondFactor, type SecondFactorContext, type SecondFactorHold } from "./second-factor/sign-in-step.server";
import { endSession, startSession } from "./session.server";
import {
  accountFailureLimit,
  accountKey,
  addressFailureLimit,
  addressKey,
  clearFailures,
  countFailure,
  lockedUntil,
} from "./throttle.server";
import type { Viewer } from "./viewer";

export type SignInResult =
  | { ok: true; userId: string; cookie: string }
  | { ok: false; reason: "invalid" | "disabled" }
  | { ok: false; reason: "account_locked" | "address_locked"; until: number }
  | SecondFactorHold;

/**
 * Checks a username and password. Every outcome is audited; failures count towards the
 * account's and the address's limits, and a locked account or address is refused outright.
 */
export async function signIn(
  username: string,
  password: string,
  ip: string | null,
  secondFactor: SecondFactorContext = {},
): Promise<SignInResult> {
  const account = accountKey(username);
  const address = ip ? addressKey(ip) : null;
  const user = findUserByUsername(username);
  const anonymous = { userId: null, name: username.slice(0, 64), countyId: user?.countyId ?? countyOfUsername(username), ip };

  const refusal = writeTransaction((tx): SignInResult | null => {
    const addressLock = address ? lockedUntil(tx, address) : null;
    const accountLock = lockedUntil(tx, account);
    const until = addressLock ?? accountLock;
    if (until == null) return null;
    const reason = addressLock ? "address_locked" : "account_locked";
    appendAudit(tx, anonymous, {
      action: "auth.sign_in_refused",
      entityType: "user",
      entityId: user?.id ?? null,
      after: { reason, until },
    });
    return { ok: false, reason, until };
  });
  if (refusal) return refusal;

  const valid = user
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(await decoyPasswordHash(), password), false);

  if (!user || !valid) {
    return writeTransaction((tx): SignInResult => {
      const accountLocked = countFailure(tx, account, accountFailureLimit());
      const addressLocked = address ? countFailure(tx, address, addressFailureLimit()) : false;
      appendAudit(tx, anonymous, {
        action: "auth.sign_in_failed",
        entityType: "user",
        entityId: user?.id ?? null,
        after: { accountLocked, addressLocked },
      });
      if (accountLocked || addressLocked) {
        return {
          ok: false,
          reason: addressLocked ? "address_locked" : "account_locked",
          until: (address && addressLocked ? lockedUntil(tx, address) : lockedUntil(tx, account))!,
        };
      }
      return { ok: false, reason: "invalid" };
    });
  }

  if (user.disabled) {
    writeTransaction((tx) =>
      appendAudit(tx, { ...anonymous, userId: user.id, name: user.displayName }, {
        action: "auth.sign_in_refused",
        entityType: "user",
        entityId: user.id,
        after: { reason: "disabled" },
      }),
    );
    return { ok: false, reason: "disabled" };
  }

  // Second factor: a right password alone starts no session for those who have or need one.
  const hold = holdForSecondFactor(user, ip, secondFactor);
  if (hold) return hold;

  const cookie = await startSession(user.id);
  writeTransaction((tx) => {
    clearFailures(tx, account);
    appendAudit(tx, { userId: user.id, name: user.displayName, countyId: user.countyId, ip }, {
      action: "auth.sign_in",
      entityType: "user",
      entityId: user.id,
    });
  });
  return { ok: true, userId: user.id, cookie };
}

export async function signOut(viewer: Viewer): Promise<void> {
  await endSession(viewer.sessionId);
  writeTransaction((tx) =>
    appendAudit(
      tx,
      { userId: viewer.userId, name: viewer.displayName, countyId: viewer.countyId, ip: viewer.ip },
      { action: "auth.sign_out", entityType: "user", entityId: viewer.userId },
    ),
  );
}
