import { desc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, users } from "~db/schema";
import { signIn } from "~/modules/auth/sign-in.server";
import { getDb } from "~/modules/db/connection.server";
import { findUserByUsername, setUserDisabled } from "~/modules/tenancy/users.server";
import { useDemoData, viewerOf } from "../setup/demo";

useDemoData();

const MINUTE = 60_000;

function lastAudit() {
  return getDb().select().from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()!;
}

describe("sign-in", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-23T02:00:00Z") });
  });
  afterEach(() => vi.useRealTimers());

  it("stores passwords as argon2id hashes", () => {
    const hash = getDb().select({ h: users.passwordHash }).from(users).limit(1).get()!.h;
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("signs in with the right password and audits it", async () => {
    const result = await signIn("xh.pl", "demo-2026", "10.0.0.1");
    expect(result.ok).toBe(true);
    expect(lastAudit()).toMatchObject({ action: "auth.sign_in", actorUserId: findUserByUsername("xh.pl")!.id, ip: "10.0.0.1" });
  });

  it("usernames are not case-sensitive", async () => {
    expect((await signIn("  XH.Pl ", "demo-2026", "10.0.0.1")).ok).toBe(true);
  });

  it("refuses a wrong password and audits the failure with the account's county", async () => {
    const result = await signIn("xh.pl", "wrong", "10.0.0.2");
    expect(result).toEqual({ ok: false, reason: "invalid" });
    expect(lastAudit()).toMatchObject({
      action: "auth.sign_in_failed",
      actorUserId: null,
      countyId: viewerOf("xh.pl").countyId,
    });
  });

  it("an unknown user gets the same answer as a wrong password", async () => {
    expect(await signIn("nobody.here", "demo-2026", "10.0.0.3")).toEqual({ ok: false, reason: "invalid" });
  });

  it("failures spread over more than 15 minutes do not lock", async () => {
    for (let i = 1; i <= 12; i++) {
      expect(await signIn("tz.leader", `wrong-${i}`, `10.2.0.${i}`)).toEqual({ ok: false, reason: "invalid" });
      vi.advanceTimersByTime(2 * MINUTE);
    }
    expect((await signIn("tz.leader", "demo-2026", "10.2.0.1")).ok).toBe(true);
  });

  it("limits failures per address across accounts", async () => {
    let result;
    for (let i = 0; i < 50; i++) result = await signIn(`guess${i}.user`, "x", "10.9.9.9");
    expect(result).toMatchObject({ ok: false, reason: "address_locked" });
    expect(await signIn("yp.pl", "demo-2026", "10.9.9.9")).toMatchObject({ ok: false, reason: "address_locked" });
    expect((await signIn("yp.pl", "demo-2026", "10.9.9.8")).ok).toBe(true);
  });

  it("a disabled account cannot sign in", async () => {
    const user = findUserByUsername("zj.grid")!;
    setUserDisabled(viewerOf("zj.admin"), user.id, true);
    expect(await signIn("zj.grid", "demo-2026", "10.3.0.1")).toEqual({ ok: false, reason: "disabled" });
    expect(lastAudit()).toMatchObject({ action: "auth.sign_in_refused", entityId: user.id });
    setUserDisabled(viewerOf("zj.admin"), user.id, false);
    expect((await signIn("zj.grid", "demo-2026", "10.3.0.1")).ok).toBe(true);
  });

  it("nothing in the audit log holds a password", async () => {
    await signIn("xh.leader", "secret-guess-123", "10.4.0.1");
    const all = getDb().select().from(auditLog).where(eq(auditLog.action, "auth.sign_in_failed")).all();
    expect(JSON.stringify(all)).not.toContain("secret-guess-123");
  });
});
