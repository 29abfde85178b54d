import { randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import { pendingSignIns, rememberedDevices, users } from "~db/schema";
import { appendAudit, type AuditActor } from "~/modules/audit/log.server";
import { writeTransaction, type Tx } from "~/modules/db/connection.server";
import { authConfig } from "../config.server";
import { hashToken, startSession } from "../session.server";
import { codeRefusedUntil, countCodeFailure, forgetCodeFailures } from "./code-throttle.server";
import { hasConfirmedFactor, secondFactorRequired, spendFactorCode, type FactorProof } from "./factors.server";

/**
 * The step between a right password and a session. A user with a confirmed second factor (or
 * whose county requires one for their roles) gets no session from the password: only a
 * short-lived "pending sign-in" cookie that opens /login/second-factor and nothing else.
 */
export const PENDING_COOKIE = "portal_pending_sign_in";
export const DEVICE_COOKIE = "portal_device";
export const PENDING_MS = 5 * 60_000;

function cookieValue(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie") ?? "";
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=") || null;
  }
  return null;
}

function cookie(name: string, value: string, maxAgeSeconds: number, path: string): string {
  const secure = authConfig().secureCookies ? "; Secure" : "";
  return `${name}=${value}; Path=${path}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure}`;
}

export const blankPendingCookie = () => cookie(PENDING_COOKIE, "", 0, "/login");
export const blankDeviceCookie = () => cookie(DEVICE_COOKIE, "", 0, "/");

/** The remembered-device token a request carries (given to signIn), or null. */
export function deviceTokenOf(request: Request): string | null {
  return cookieValue(request, DEVICE_COOKIE);
}

export interface SecondFactorContext {
  /** The browser's remembered-device token, if any. */
  deviceToken?: string | null;
  /** Where to go once signed in (already checked to be a path of the portal). */
  redirectTo?: string;
}

export type SecondFactorHold = { ok: false; reason: "second_factor"; cookie: string };

function deviceRemembered(tx: Tx, userId: string, token: string | null | undefined, now: number): boolean {
  if (!token) return false;
  return !!tx
    .select({ userId: rememberedDevices.userId })
    .from(rememberedDevices)
    .where(and(eq(rememberedDevices.tokenHash, hashToken(token)), eq(rememberedDevices.userId, userId), gt(rememberedDevices.expiresAt, now)))
    .get();
}

/**
 * Called by signIn after the password was right: null when no second factor is needed (none
 * enrolled and none required, or this browser is remembered), otherwise the pending sign-in.
 */
export function holdForSecondFactor(
  user: { id: string; displayName: string; countyId: number },
  ip: string | null,
  context: SecondFactorContext,
): SecondFactorHold | null {
  const now = Date.now();
  return writeTransaction((tx): SecondFactorHold | null => {
    const enrolled = hasConfirmedFactor(tx, user.id);
    if (!enrolled && !secondFactorRequired(tx, user.id)) return null;
    if (enrolled && deviceRemembered(tx, user.id, context.deviceToken, now)) return null;
    const token = randomBytes(32).toString("base64url");
    tx.delete(pendingSignIns).where(lt(pendingSignIns.expiresAt, now)).run();
    tx.insert(pendingSignIns)
      .values({ tokenHash: hashToken(token), userId: user.id, redirectTo: context.redirectTo ?? "/", expiresAt: now + PENDING_MS, createdAt: now })
      .run();
    appendAudit(tx, { userId: user.id, name: user.displayName, countyId: user.countyId, ip }, {
      action: "auth.second_factor_asked",
      entityType: "user",
      entityId: user.id,
      after: { enrol: !enrolled },
    });
    return { ok: false, reason: "second_factor", cookie: cookie(PENDING_COOKIE, token, PENDING_MS / 1000, "/login") };
  });
}

export interface PendingSignIn {
  tokenHash: string;
  userId: string;
  username: string;
  displayName: string;
  countyId: number;
  redirectTo: string;
  /** No confirmed factor yet: the user enrols one now. */
  enrol: boolean;
}

/** The pending sign-in of a request, or null (none, expired, or the account disabled since). */
export function readPendingSignIn(tx: Tx, request: Request, now = Date.now()): PendingSignIn | null {
  const token = cookieValue(request, PENDING_COOKIE);
  if (!token) return null;
  const row = tx
    .select({
      tokenHash: pendingSignIns.tokenHash,
      userId: pendingSignIns.userId,
      redirectTo: pendingSignIns.redirectTo,
      username: users.username,
      displayName: users.displayName,
      countyId: users.countyId,
      disabled: users.disabled,
    })
    .from(pendingSignIns)
    .innerJoin(users, eq(users.id, pendingSignIns.userId))
    .where(and(eq(pendingSignIns.tokenHash, hashToken(token)), gt(pendingSignIns.expiresAt, now)))
    .get();
  if (!row || row.disabled) return null;
  const { disabled: _disabled, ...rest } = row;
  return { ...rest, enrol: !hasConfirmedFactor(tx, row.userId) };
}

export function actorOfPending(pending: PendingSignIn, ip: string | null): AuditActor {
  return { userId: pending.userId, name: pending.displayName, countyId: pending.countyId, ip };
}

export type CodeCheck =
  | { ok: true; proof: FactorProof }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; until: number };

/**
 * Checks a code for a pending sign-in under the sign-in throttle: a locked account or address is
 * refused before the code is looked at, and a wrong code counts as a failed sign-in.
 */
export function checkPendingCode(
  pending: PendingSignIn,
  ip: string | null,
  check: (tx: Tx) => FactorProof | null,
): CodeCheck {
  const actor = actorOfPending(pending, ip);
  return writeTransaction((tx): CodeCheck => {
    const until = codeRefusedUntil(tx, pending.username, ip);
    if (until != null) {
      appendAudit(tx, actor, { action: "auth.sign_in_refused", entityType: "user", entityId: pending.userId, after: { reason: "locked", until } });
      return { ok: false, reason: "locked", until };
    }
    const proof = check(tx);
    if (proof) return { ok: true, proof };
    const failure = countCodeFailure(tx, pending.username, ip);
    appendAudit(tx, actor, {
      action: "auth.second_factor_failed",
      entityType: "user",
      entityId: pending.userId,
      after: { accountLocked: failure.accountLocked, addressLocked: failure.addressLocked },
    });
    if (failure.until != null) {
      // A lock ends this sign-in; a short wait between tries keeps it.
      if (failure.accountLocked || failure.addressLocked) tx.delete(pendingSignIns).where(eq(pendingSignIns.tokenHash, pending.tokenHash)).run();
      return { ok: false, reason: "locked", until: failure.until };
    }
    return { ok: false, reason: "invalid" };
  });
}

/** A code of the user's confirmed factor (app code or recovery code). */
export function checkSignInCode(pending: PendingSignIn, ip: string | null, code: string): CodeCheck {
  return checkPendingCode(pending, ip, (tx) => spendFactorCode(tx, pending.userId, code));
}

/**
 * The second factor was shown: the pending sign-in ends and a session starts. Returns the
 * Set-Cookie values (session, cleared pending cookie, and the remembered device if asked).
 */
export async function completeSignIn(
  pending: PendingSignIn,
  ip: string | null,
  proof: FactorProof | "enrolment",
  rememberDevice: boolean,
): Promise<string[]> {
  const session = await startSession(pending.userId);
  const now = Date.now();
  const deviceToken = rememberDevice ? randomBytes(32).toString("base64url") : null;
  const { absoluteMs } = authConfig();
  writeTransaction((tx) => {
    tx.delete(pendingSignIns).where(eq(pendingSignIns.tokenHash, pending.tokenHash)).run();
    forgetCodeFailures(tx, pending.username, ip);
    if (deviceToken) {
      tx.delete(rememberedDevices).where(lt(rememberedDevices.expiresAt, now)).run();
      tx.insert(rememberedDevices).values({ tokenHash: hashToken(deviceToken), userId: pending.userId, expiresAt: now + absoluteMs, createdAt: now }).run();
    }
    appendAudit(tx, actorOfPending(pending, ip), {
      action: "auth.sign_in",
      entityType: "user",
      entityId: pending.userId,
      after: { secondFactor: proof, rememberDevice },
    });
  });
  const cookies = [session, blankPendingCookie()];
  if (deviceToken) cookies.push(cookie(DEVICE_COOKIE, deviceToken, Math.floor(absoluteMs / 1000), "/"));
  return cookies;
}
