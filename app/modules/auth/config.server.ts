function positiveNumber(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Session and sign-in limits; each can be overridden by an environment variable. */
export function authConfig() {
  return {
    /** Idle timeout: a session unused this long ends (SESSION_IDLE_MINUTES, default 30). */
    idleMs: positiveNumber(process.env.SESSION_IDLE_MINUTES, 30) * 60_000,
    /** Absolute lifetime from sign-in (SESSION_ABSOLUTE_HOURS, default 12). */
    absoluteMs: positiveNumber(process.env.SESSION_ABSOLUTE_HOURS, 12) * 3_600_000,
    /**
     * Failures on one account from one address within the window that lock that address out of
     * that account (LOGIN_ACCOUNT_FAILURES, default 10 in 15 min); the account stays open to others.
     */
    pairFailureLimit: positiveNumber(process.env.LOGIN_ACCOUNT_FAILURES, 10),
    /** From this failure on, each further try of the pair must wait, twice as long each time. */
    slowAfter: positiveNumber(process.env.LOGIN_SLOW_AFTER, 3),
    /** Failures from one address within the window that lock the address (default 50). */
    addressFailureLimit: positiveNumber(process.env.LOGIN_ADDRESS_FAILURES, 50),
    failureWindowMs: 15 * 60_000,
    lockMs: positiveNumber(process.env.LOGIN_LOCK_MINUTES, 15) * 60_000,
    secureCookies: process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1",
  };
}
