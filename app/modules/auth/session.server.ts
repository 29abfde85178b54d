import { createHash, randomBytes } from "node:crypto";
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { eq } from "drizzle-orm";
import { Cookie, Lucia, TimeSpan } from "lucia";
import { sessions, users } from "~db/schema";
import { getDb, type Tx } from "~/modules/db/connection.server";
import { authConfig } from "./config.server";

export const SESSION_COOKIE = "portal_session";

/** Lucia for the current connection and settings (rebuilt when either changes, e.g. in tests). */
type PortalLucia = Lucia<{ createdAt: number }, Record<never, never>>;
const instances = new WeakMap<object, { key: string; lucia: PortalLucia }>();
function lucia(): PortalLucia {
  const config = authConfig();
  const db = getDb();
  const key = `${config.idleMs}|${config.secureCookies}`;
  const cached = instances.get(db);
  if (cached?.key === key) return cached.lucia;
  const instance: PortalLucia = new Lucia(new DrizzleSQLiteAdapter(db, sessions, users), {
    sessionExpiresIn: new TimeSpan(Math.round(config.idleMs / 1000), "s"),
    sessionCookie: {
      name: SESSION_COOKIE,
      // The server decides idle and absolute expiry; the cookie itself is written in startSession.
      expires: false,
      attributes: cookieAttributes(),
    },
    getSessionAttributes: (attributes) => ({ createdAt: attributes.createdAt }),
  });
  instances.set(db, { key, lucia: instance });
  return instance;
}

declare module "lucia" {
  interface Register {
    Lucia: PortalLucia;
    DatabaseSessionAttributes: { createdAt: number };
  }
}

/** The session id kept in the database: SHA-256 of the token the browser holds. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function cookieAttributes() {
  return { httpOnly: true, secure: authConfig().secureCookies, sameSite: "lax", path: "/" } as const;
}

/**
 * Starts a session for a user and returns the Set-Cookie header value. The browser keeps the
 * cookie no longer than the session's absolute limit (never lucia's 400 days).
 */
export async function startSession(userId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await lucia().createSession(userId, { createdAt: Date.now() }, { sessionId: hashToken(token) });
  const maxAge = Math.floor(authConfig().absoluteMs / 1000);
  return new Cookie(SESSION_COOKIE, token, { ...cookieAttributes(), maxAge }).serialize();
}

/** Ends the session a Set-Cookie value from startSession names (one the browser will not keep). */
export async function endSessionOfCookie(setCookie: string): Promise<void> {
  const token = lucia().readSessionCookie(setCookie.split(";")[0] ?? "");
  if (token) await lucia().invalidateSession(hashToken(token));
}

export interface ValidSession {
  sessionId: string;
  userId: string;
}

/**
 * Validates the session cookie of a request: unknown, idle-expired and absolute-expired sessions
 * give null (and the last two are deleted). Use of the session pushes the idle deadline on.
 */
export async function readSession(request: Request): Promise<ValidSession | null> {
  const token = lucia().readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!token) return null;
  const sessionId = hashToken(token);
  const { session } = await lucia().validateSession(sessionId);
  if (!session) return null;
  const config = authConfig();
  const now = Date.now();
  if (now - session.createdAt >= config.absoluteMs) {
    await lucia().invalidateSession(sessionId);
    return null;
  }
  // Keep the idle deadline exact (lucia alone only extends past half-life); write at most once a minute.
  if (!session.fresh && session.expiresAt.getTime() - now < config.idleMs - 60_000) {
    getDb()
      .update(sessions)
      .set({ expiresAt: Math.floor((now + config.idleMs) / 1000) })
      .where(eq(sessions.id, sessionId))
      .run();
  }
  return { sessionId, userId: session.userId };
}

export async function endSession(sessionId: string): Promise<void> {
  await lucia().invalidateSession(sessionId);
}

/** Ends every session of a user at once (disabled account, changed password). */
export function endAllSessions(tx: Tx, userId: string): void {
  tx.delete(sessions).where(eq(sessions.userId, userId)).run();
}

export function blankSessionCookie(): string {
  return lucia().createBlankSessionCookie().serialize();
}
