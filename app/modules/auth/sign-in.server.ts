import { appendAudit } from "~/modules/audit/log.server";
import { writeTransaction } from "~/modules/db/connection.server";
import { countyOfUsername } from "~/modules/tenancy/counties.server";
import { findUserByUsername } from "~/modules/tenancy/users.server";
import { decoyPasswordHash, verifyPassword } from "./password.server";
import { holdForSecondFactor, type SecondFactorContext, type SecondFactorHold } from "./second-factor/sign-in-step.server";
import { endSession, startSession } from "./session.server";
import { addressKey, clearFailures, countAddressFailure, countPairFailure, heldUntil, pairKey, type Hold } from "./throttle.server";
import type { Viewer } from "./viewer";

export type SignInResult =
  | { ok: true; userId: string; cookie: string }
  | { ok: false; reason: "invalid" | "disabled" }
  /** `slowed`: this address must wait a little before trying this account again. */
  | { ok: false; reason: "account_locked" | "address_locked" | "slowed"; until: number }
  | SecondFactorHold;

type HeldResult = Extract<SignInResult, { until: number }>;

function held(address: Hold | null, pair: Hold | null): HeldResult | null {
  if (address) return { ok: false, reason: "address_locked", until: address.until };
  if (pair) return { ok: false, reason: pair.kind === "slowed" ? "slowed" : "account_locked", until: pair.until };
  return null;
}

/**
 * Checks a username and password. Every outcome is audited. Failures count against this account
 * from this address and against the address; while either is held, the try is refused before
 * the password is looked at. The account is never locked for other addresses.
 */
export async function signIn(
  username: string,
  password: string,
  ip: string | null,
  secondFactor: SecondFactorContext = {},
): Promise<SignInResult> {
  const pair = pairKey(username, ip);
  const address = ip ? addressKey(ip) : null;
  const user = findUserByUsername(username);
  const anonymous = { userId: null, name: username.slice(0, 64), countyId: user?.countyId ?? countyOfUsername(username), ip };

  const refusal = writeTransaction((tx): SignInResult | null => {
    const result = held(address ? heldUntil(tx, address) : null, heldUntil(tx, pair));
    if (!result) return null;
    appendAudit(tx, anonymous, {
      action: "auth.sign_in_refused",
      entityType: "user",
      entityId: user?.id ?? null,
      after: { reason: result.reason, until: result.until },
    });
    return result;
  });
  if (refusal) return refusal;

  const valid = user
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(await decoyPasswordHash(), password), false);

  if (!user || !valid) {
    return writeTransaction((tx): SignInResult => {
      const pairHold = countPairFailure(tx, pair);
      const addressHold = address ? countAddressFailure(tx, address) : null;
      appendAudit(tx, anonymous, {
        action: "auth.sign_in_failed",
        entityType: "user",
        entityId: user?.id ?? null,
        after: { accountLocked: pairHold?.kind === "locked", slowed: pairHold?.kind === "slowed", addressLocked: !!addressHold },
      });
      return held(addressHold, pairHold) ?? { ok: false, reason: "invalid" };
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
    clearFailures(tx, pair);
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
