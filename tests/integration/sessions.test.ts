import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sessions } from "~db/schema";
import { isSameOriginWrite } from "~/modules/auth/origin.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { readSession, startSession } from "~/modules/auth/session.server";
import { getDb } from "~/modules/db/connection.server";
import { findUserByUsername, setUserDisabled, setUserPassword } from "~/modules/tenancy/users.server";
import { useDemoData, viewerOf } from "../setup/demo";

useDemoData();

const MINUTE = 60_000;

function requestWith(cookie: string, init: RequestInit = {}) {
  return new Request("http://localhost/", { ...init, headers: { Cookie: cookie.split(";")[0], ...(init.headers ?? {}) } });
}

async function signedInCookie(username: string) {
  return startSession(findUserByUsername(username)!.id);
}

describe("sessions", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-23T01:00:00Z") });
  });
  afterEach(() => {
    vi.useRealTimers();
    delete process.env.SESSION_IDLE_MINUTES;
    delete process.env.SESSION_ABSOLUTE_HOURS;
  });

  it("keeps only a SHA-256 hash of the token at rest, and the cookie is HttpOnly and SameSite=Lax", async () => {
    const cookie = await signedInCookie("xh.pl");
    const token = cookie.split(";")[0].split("=")[1];
    const stored = getDb().select().from(sessions).all().map((s) => s.id);
    expect(stored).not.toContain(token);
    expect(stored).toContain(createHash("sha256").update(token).digest("hex"));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it("a cookie holding the stored hash itself is not a valid session", async () => {
    await signedInCookie("xh.pl");
    const storedId = getDb().select().from(sessions).all()[0].id;
    expect(await readSession(requestWith(`portal_session=${storedId}`))).toBeNull();
  });

  it("ends after 30 idle minutes, and use keeps it alive", async () => {
    const cookie = await signedInCookie("xh.police");
    vi.advanceTimersByTime(25 * MINUTE);
    expect(await readSession(requestWith(cookie))).not.toBeNull();
    vi.advanceTimersByTime(25 * MINUTE); // 50 minutes after sign-in, 25 after last use
    expect(await readSession(requestWith(cookie))).not.toBeNull();
    vi.advanceTimersByTime(31 * MINUTE);
    expect(await readSession(requestWith(cookie))).toBeNull();
  });

  it("ends 12 hours after sign-in however busy it is", async () => {
    const cookie = await signedInCookie("xh.mediator");
    for (let elapsed = 0; elapsed + 20 < 12 * 60; elapsed += 20) {
      vi.advanceTimersByTime(20 * MINUTE);
      expect(await readSession(requestWith(cookie))).not.toBeNull();
    }
    vi.advanceTimersByTime(20 * MINUTE);
    expect(await readSession(requestWith(cookie))).toBeNull();
  });

  it("idle and absolute limits are configurable", async () => {
    process.env.SESSION_IDLE_MINUTES = "5";
    process.env.SESSION_ABSOLUTE_HOURS = "1";
    const idle = await signedInCookie("tz.pl");
    vi.advanceTimersByTime(6 * MINUTE);
    expect(await readSession(requestWith(idle))).toBeNull();

    const busy = await signedInCookie("tz.pl");
    for (let i = 0; i < 14; i++) {
      vi.advanceTimersByTime(4 * MINUTE);
      expect(await readSession(requestWith(busy))).not.toBeNull();
    }
    vi.advanceTimersByTime(5 * MINUTE);
    expect(await readSession(requestWith(busy))).toBeNull();
  });

  it("disabling a user ends all of its sessions at once", async () => {
    const user = findUserByUsername("yp.grid")!;
    const first = await signedInCookie("yp.grid");
    const second = await signedInCookie("yp.grid");
    setUserDisabled(viewerOf("yp.admin"), user.id, true);
    expect(await readSession(requestWith(first))).toBeNull();
    expect(await readSession(requestWith(second))).toBeNull();
    expect(getDb().select().from(sessions).where(eq(sessions.userId, user.id)).all()).toHaveLength(0);
    setUserDisabled(viewerOf("yp.admin"), user.id, false);
  });

  it("changing a password ends all of the user's sessions", async () => {
    const user = findUserByUsername("yp.leader")!;
    const cookie = await signedInCookie("yp.leader");
    await setUserPassword(viewerOf("yp.admin"), user.id, "new-password-1", "user.reset_password");
    expect(await readSession(requestWith(cookie))).toBeNull();
  });
});

describe("cross-site writes", () => {
  it("only a write whose Origin is this portal's own (scheme, host and port) passes", () => {
    const portal = "https://portal.example";
    expect(isSameOriginWrite("GET", null, portal)).toBe(true);
    expect(isSameOriginWrite("POST", "https://portal.example", portal)).toBe(true);
    expect(isSameOriginWrite("POST", "http://portal.example", portal)).toBe(false);
    expect(isSameOriginWrite("POST", null, portal)).toBe(false);
    expect(isSameOriginWrite("POST", "null", portal)).toBe(false);
    expect(isSameOriginWrite("POST", "https://evil.example", portal)).toBe(false);
    expect(isSameOriginWrite("DELETE", "https://portal.example.evil.example", portal)).toBe(false);
    expect(isSameOriginWrite("PUT", "not a url", portal)).toBe(false);
  });

  it("requireUser answers 403 to a signed-in write without a matching Origin", async () => {
    const cookie = await signedInCookie("xh.pl");
    for (const origin of [undefined, "http://evil.example"]) {
      const request = requestWith(cookie, { method: "POST", headers: origin ? { Origin: origin } : {} });
      const thrown = await requireUser(request).catch((e: unknown) => e);
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(403);
    }
    const ok = await requireUser(requestWith(cookie, { method: "POST", headers: { Origin: "http://localhost" } }));
    expect(ok.username).toBe("xh.pl");
  });
});
