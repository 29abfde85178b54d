/**
 * The attacks on passwords and sign-in the hardening review carried out, each now failing to do
 * harm: weak and guessable passwords set by an administrator, a password an administrator knows
 * kept for good, locking a stranger's account by failing on purpose, a 400-day credential in the
 * browser, and a sign-in over plain HTTP that silently went nowhere.
 */
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, portalSettings, sessions, users } from "~db/schema";
import { passwordProblem } from "~/modules/auth/password-policy.server";
import { startSession } from "~/modules/auth/session.server";
import { signIn } from "~/modules/auth/sign-in.server";
import { getDb } from "~/modules/db/connection.server";
import { markDemoDatabase } from "~/modules/db/settings.server";
import { findUserByUsername } from "~/modules/tenancy/users.server";
import { action as passwordAction, loader as passwordLoader } from "~/routes/account.password";
import { action as editAction } from "~/routes/admin.users.$userId";
import { action as newAction } from "~/routes/admin.users.new";
import { loader as inboxLoader } from "~/routes/inbox";
import { action as loginAction } from "~/routes/login";
import { useDemoData } from "../setup/demo";
import { expectData, expectRedirect, ORIGIN, postAs, postWithCookie, routeArgs, settle } from "../integration/helpers/requests";

useDemoData();

const XH = { username: "xh.grid", countyName: "新晃侗族自治县" };
const STRONG = "qiaoshan-river-77";

function notDemo<T>(run: () => Promise<T>): Promise<T> {
  getDb().delete(portalSettings).run();
  return run().finally(() => markDemoDatabase(getDb()));
}

describe("password rules", () => {
  it("refuses short, guessable, username and county passwords, and says which rule", async () => {
    expect(await passwordProblem("11111111", XH)).toBe("password.tooShort|min=10");
    expect(await passwordProblem("1111111111", XH)).toBe("password.weak");
    expect(await passwordProblem("password123", XH)).toBe("password.weak");
    expect(await passwordProblem("qwertyuiop", XH)).toBe("password.weak");
    expect(await passwordProblem("xh.grid-horse-77", XH)).toBe("password.containsUsername");
    expect(await passwordProblem("My-GRID-horse-77", XH)).toBe("password.containsUsername");
    expect(await passwordProblem("新晃县城河边七号桥头村", XH)).toBe("password.containsCounty");
    expect(await passwordProblem(STRONG, XH)).toBeNull();
  });

  it("refuses the public demo password outside the demo database only", async () => {
    const demoish = "demo-2026-Qiaoshan";
    expect(await passwordProblem(demoish, XH)).toBeNull();
    expect(await notDemo(() => passwordProblem(demoish, XH))).toBe("password.common");
  });
});

describe("an administrator setting passwords", () => {
  const newUser = (password: string, username = "xh.liuqiang") => ({
    username,
    displayName: "刘强",
    title: "凉伞镇综治专干",
    phone: "",
    roles: ["grid_worker"],
    password,
  });

  it("cannot create a user with 11111111 or the username as password: the field says why, nothing is written", async () => {
    const before = getDb().select().from(users).all().length;
    for (const password of ["11111111", "1111111111", "xh.liuqiang", "xh.liuqiang2026"]) {
      const data = await expectData(newAction(routeArgs(await postAs("xh.admin", "/admin/users/new", newUser(password)))));
      expect(data.errors.password).toMatch(/密码/);
      expect(data.values).not.toHaveProperty("password");
    }
    expect(getDb().select().from(users).all().length).toBe(before);
    expect(findUserByUsername("xh.liuqiang")).toBeUndefined();
  });

  it("cannot reset a password to a weak one", async () => {
    const grid = findUserByUsername("xh.grid")!;
    const data = await expectData(
      editAction(routeArgs(await postAs("xh.admin", `/admin/users/${grid.id}`, { intent: "reset_password", password: "xh.grid12345", confirm: "xh.grid12345" }), { userId: grid.id })),
    );
    expect(data.errors).toMatchObject({ password: "密码不能包含用户名" });
    expect(findUserByUsername("xh.grid")!.passwordHash).toBe(grid.passwordHash);
  });

  it("hands over a password the user must replace at the first sign-in; nothing else opens before", async () => {
    await expectRedirect(newAction(routeArgs(await postAs("xh.admin", "/admin/users/new", newUser(STRONG)))));
    expect(findUserByUsername("xh.liuqiang")!.mustChangePassword).toBe(true);

    const signedIn = await signIn("xh.liuqiang", STRONG, "10.20.0.1");
    if (!signedIn.ok) throw new Error("sign-in failed");
    const cookie = signedIn.cookie.split(";")[0];
    const inbox = await settle(inboxLoader(routeArgs(new Request(new URL("/inbox", ORIGIN), { headers: { Cookie: cookie } }))));
    expect(inbox).toBeInstanceOf(Response);
    expect((inbox as Response).headers.get("Location")).toBe("/account/password?required=1");
    const page = await expectData(passwordLoader(routeArgs(new Request(new URL("/account/password?required=1", ORIGIN), { headers: { Cookie: cookie } }))));
    expect(page.required).toBe(true);

    // The same password again is no change.
    const same = await expectData(passwordAction(routeArgs(postWithCookie(cookie, "/account/password", { current: STRONG, password: STRONG, confirm: STRONG }))));
    expect(same.errors).toMatchObject({ password: "新密码不能与当前密码相同" });

    const own = "lantern-ferry-bamboo-9";
    await expectRedirect(passwordAction(routeArgs(postWithCookie(cookie, "/account/password", { current: STRONG, password: own, confirm: own }))));
    expect(findUserByUsername("xh.liuqiang")!.mustChangePassword).toBe(false);
    const again = await signIn("xh.liuqiang", own, "10.20.0.1");
    if (!again.ok) throw new Error("sign-in with the own password failed");
    const opened = await inboxLoader(routeArgs(new Request(new URL("/inbox", ORIGIN), { headers: { Cookie: again.cookie.split(";")[0] } })));
    expect(opened).not.toBeInstanceOf(Response);

    // An administrator's reset asks for a new own password again.
    const id = findUserByUsername("xh.liuqiang")!.id;
    await expectRedirect(editAction(routeArgs(await postAs("xh.admin", `/admin/users/${id}`, { intent: "reset_password", password: STRONG, confirm: STRONG }), { userId: id })));
    expect(findUserByUsername("xh.liuqiang")!.mustChangePassword).toBe(true);
  });
});

describe("sign-in throttling", () => {
  const MINUTE = 60_000;
  beforeEach(() => vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-01T02:00:00Z") }));
  afterEach(() => vi.useRealTimers());

  it("a stranger failing on purpose does not lock the owner out", async () => {
    // The attacker knows the username and fails from one address until refused.
    let last;
    for (let i = 1; i <= 10; i++) {
      last = await signIn("tz.grid", `wrong-${i}`, "10.66.0.1");
      vi.advanceTimersByTime(MINUTE);
    }
    expect(last).toMatchObject({ ok: false, reason: "account_locked" });
    // From that address even the right password is refused …
    expect(await signIn("tz.grid", "demo-2026", "10.66.0.1")).toMatchObject({ ok: false, reason: "account_locked" });
    // … but the owner, from an address with no failures, still gets in.
    expect((await signIn("tz.grid", "demo-2026", "10.1.2.3")).ok).toBe(true);
  });

  it("slows a failing address down, twice as long each time, before it locks", async () => {
    for (let i = 1; i <= 2; i++) expect(await signIn("tz.pl", `wrong-${i}`, "10.67.0.1")).toEqual({ ok: false, reason: "invalid" });
    const third = await signIn("tz.pl", "wrong-3", "10.67.0.1");
    expect(third).toMatchObject({ ok: false, reason: "slowed", until: Date.now() + 1000 });
    // Within the wait, the try is refused before the password is looked at.
    expect(await signIn("tz.pl", "demo-2026", "10.67.0.1")).toMatchObject({ ok: false, reason: "slowed" });
    vi.advanceTimersByTime(1000);
    expect(await signIn("tz.pl", "wrong-4", "10.67.0.1")).toMatchObject({ ok: false, reason: "slowed", until: Date.now() + 2000 });
    vi.advanceTimersByTime(2000);
    expect((await signIn("tz.pl", "demo-2026", "10.67.0.1")).ok).toBe(true);
    const refused = getDb().select().from(auditLog).where(eq(auditLog.action, "auth.sign_in_refused")).all();
    expect(refused.some((row) => JSON.stringify(row.after).includes("slowed"))).toBe(true);
  });

  it("keeps the per-address lock across accounts", async () => {
    let result;
    for (let i = 0; i < 50; i++) result = await signIn(`guess${i}.user`, "x", "10.68.0.1");
    expect(result).toMatchObject({ ok: false, reason: "address_locked" });
    expect(await signIn("yp.pl", "demo-2026", "10.68.0.1")).toMatchObject({ ok: false, reason: "address_locked" });
  });
});

describe("the session cookie", () => {
  it("expires with the absolute session limit, not in 400 days", async () => {
    const cookie = await startSession(findUserByUsername("xh.pl")!.id);
    expect(cookie).toMatch(/Max-Age=43200(;|$)/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).not.toMatch(/Max-Age=34560000/);
  });
});

describe("signing in over plain HTTP with secure cookies", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("says what happened and what to do, and leaves no session behind", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const user = findUserByUsername("zj.pl")!;
    const before = getDb().select().from(sessions).where(eq(sessions.userId, user.id)).all().length;
    const request = new Request("http://192.168.1.20:3000/login", {
      method: "POST",
      headers: { Origin: "http://192.168.1.20:3000", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ username: "zj.pl", password: "demo-2026", redirectTo: "/" }),
    });
    const result = await settle(loginAction(routeArgs(request)));
    expect(result).not.toBeInstanceOf(Response);
    expect((result as { message: string }).message).toContain("HTTPS");
    expect((result as { message: string }).message).toContain("INSECURE_COOKIES=1");
    expect(getDb().select().from(sessions).where(and(eq(sessions.userId, user.id))).all().length).toBe(before);
  });

  it("signs in normally from an HTTPS page behind a proxy", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const request = new Request("http://127.0.0.1:3000/login", {
      method: "POST",
      headers: { Origin: "https://portal.example.gov.cn", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ username: "zj.pl", password: "demo-2026", redirectTo: "/" }),
    });
    vi.stubEnv("PUBLIC_ORIGIN", "https://portal.example.gov.cn");
    const result = await settle(loginAction(routeArgs(request)));
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).headers.get("Set-Cookie")).toMatch(/portal_session=.+; .*Secure/);
  });
});
