/**
 * The second factor end to end through the real routes and a real database: enrolment, the code
 * after the password, replay, recovery codes, throttling, remembered devices, the county's
 * requirement and an administrator's reset.
 */
import { and, desc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, counties, secondFactors } from "~db/schema";
import { decryptSecret } from "~/modules/auth/second-factor/key.server";
import { currentTotpCode } from "~/modules/auth/second-factor/totp.server";
import { getDb } from "~/modules/db/connection.server";
import { findUserByUsername } from "~/modules/tenancy/users.server";
import * as accountPage from "~/routes/account.second-factor";
import * as adminPage from "~/routes/admin.second-factor";
import * as home from "~/routes/_index";
import * as login from "~/routes/login";
import * as step from "~/routes/login_.second-factor";
import { countyIdOf, useDemoData } from "../setup/demo";
import { getAs, postAs, postWithCookie, routeArgs, settle } from "./helpers/requests";

useDemoData();

const STEP = 30_000;
let now = Date.parse("2026-11-23T02:00:00Z");

/** Cookies a response sets, as `name=value` (blank ones dropped). */
function setCookies(response: Response): Record<string, string> {
  const jar: Record<string, string> = {};
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const [name, ...value] = pair.split("=");
    jar[name] = value.join("=");
  }
  return jar;
}
const cookieHeader = (jar: Record<string, string>) =>
  Object.entries(jar)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");

async function postPassword(username: string, jar: Record<string, string> = {}, password = "demo-2026") {
  const response = (await settle(
    login.action(routeArgs(postWithCookie(cookieHeader(jar), "/login", { username, password, redirectTo: "/pacts" }))),
  )) as Response;
  expect(response).toBeInstanceOf(Response);
  return response;
}

async function postCode(jar: Record<string, string>, code: string, remember = false) {
  return settle(step.action(routeArgs(postWithCookie(cookieHeader(jar), "/login/second-factor", { code, remember: remember ? "on" : undefined }))));
}

function secretOf(username: string): string {
  const row = getDb().select().from(secondFactors).where(eq(secondFactors.userId, findUserByUsername(username)!.id)).get()!;
  return decryptSecret(row.secret);
}

/** Enrols `username` on the account page; returns the recovery codes. */
async function enrol(username: string): Promise<string[]> {
  await settle(accountPage.action(routeArgs(await postAs(username, "/account/second-factor", { intent: "start" }))));
  const result = (await accountPage.action(
    routeArgs(await postAs(username, "/account/second-factor", { intent: "confirm", code: currentTotpCode(secretOf(username)) })),
  )) as { recoveryCodes: string[] };
  expect(result.recoveryCodes).toHaveLength(10);
  return result.recoveryCodes;
}

async function isSignedIn(jar: Record<string, string>): Promise<boolean> {
  const outcome = await settle(home.loader(routeArgs(new Request("http://localhost/", { headers: { Cookie: cookieHeader(jar) } }))));
  return !(outcome instanceof Response && outcome.status === 302 && outcome.headers.get("Location")!.startsWith("/login"));
}

function lastAudit(action: string) {
  return getDb().select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1).get();
}

beforeEach(() => {
  now += 10 * 60_000;
  vi.useFakeTimers({ toFake: ["Date"], now });
});
afterEach(() => vi.useRealTimers());

describe("second factor", () => {
  it("demo accounts still sign in with the password alone", async () => {
    for (const username of ["xh.admin", "xh.pl", "xh.police", "xh.grid"]) {
      const response = await postPassword(username);
      expect(response.headers.get("Location")).toBe("/pacts");
      expect(setCookies(response).portal_session).toBeTruthy();
    }
  });

  it("enrols on the account page, shows the QR code as inline SVG and the recovery codes once", async () => {
    await settle(accountPage.action(routeArgs(await postAs("tz.leader", "/account/second-factor", { intent: "start" }))));
    const page = await accountPage.loader(routeArgs(await getAs("tz.leader", "/account/second-factor")));
    expect(page.enrolment?.qrSvg).toMatch(/^<svg[^>]*>.*<\/svg>\s*$/s);
    expect(page.enrolment?.secret.replace(/ /g, "")).toBe(secretOf("tz.leader"));
    const wrong = (await accountPage.action(routeArgs(await postAs("tz.leader", "/account/second-factor", { intent: "confirm", code: "000000" })))) as {
      errors: Record<string, string>;
    };
    expect(wrong.errors.code).toBeTruthy();
    const codes = (await accountPage.action(
      routeArgs(await postAs("tz.leader", "/account/second-factor", { intent: "confirm", code: currentTotpCode(secretOf("tz.leader")) })),
    )) as { recoveryCodes: string[] };
    expect(codes.recoveryCodes).toHaveLength(10);
    const after = await accountPage.loader(routeArgs(await getAs("tz.leader", "/account/second-factor")));
    expect(after).toMatchObject({ enrolled: true, enrolment: null, recoveryCodesLeft: 10 });
    expect(JSON.stringify(after)).not.toContain(codes.recoveryCodes[0]);
    // The secret is stored encrypted, never as the base32 text.
    const stored = getDb().select().from(secondFactors).where(eq(secondFactors.userId, findUserByUsername("tz.leader")!.id)).get()!;
    expect(stored.secret).not.toContain(secretOf("tz.leader"));
    expect(lastAudit("second_factor.enrol")).toMatchObject({ entityId: findUserByUsername("tz.leader")!.id });
  });

  it("asks for the code after the password, signs in with it, and refuses the same code again", async () => {
    await enrol("yp.leader");
    vi.setSystemTime((now += STEP));
    const held = await postPassword("yp.leader");
    expect(held.headers.get("Location")).toBe("/login/second-factor");
    const jar = setCookies(held);
    expect(jar.portal_session).toBeUndefined();
    expect(held.headers.getSetCookie()[0]).toMatch(/HttpOnly; SameSite=Lax/);
    expect(await step.loader(routeArgs(new Request("http://localhost/login/second-factor", { headers: { Cookie: cookieHeader(jar) } })))).toMatchObject({ mode: "verify" });

    const code = currentTotpCode(secretOf("yp.leader"));
    const done = (await postCode(jar, code)) as Response;
    expect(done.headers.get("Location")).toBe("/pacts");
    const signedIn = setCookies(done);
    expect(signedIn.portal_session).toBeTruthy();
    expect(await isSignedIn(signedIn)).toBe(true);
    expect(lastAudit("auth.sign_in")).toMatchObject({ entityId: findUserByUsername("yp.leader")!.id });

    // The same code in a second sign-in (a thief who watched it being typed) is refused.
    const again = setCookies(await postPassword("yp.leader"));
    const replay = (await postCode(again, code)) as { errors: Record<string, string> };
    expect(replay.errors.code).toBe("验证码不正确或已使用过，请重新输入。");
    expect(await isSignedIn(again)).toBe(false);
  });

  it("each recovery code works once", async () => {
    const codes = await enrol("zj.leader");
    const first = setCookies(await postPassword("zj.leader"));
    expect(((await postCode(first, codes[3].toUpperCase())) as Response).headers.get("Location")).toBe("/pacts");
    const second = setCookies(await postPassword("zj.leader"));
    expect(((await postCode(second, codes[3])) as { errors: Record<string, string> }).errors.code).toBeTruthy();
    expect(((await postCode(second, codes[4].replace("-", ""))) as Response).status).toBe(302);
    const page = await accountPage.loader(routeArgs(await getAs("zj.leader", "/account/second-factor")));
    expect(page.recoveryCodesLeft).toBe(8);
  });

  it("wrong codes slow the account's code step down and then pause it, from any address", async () => {
    await enrol("xh.mediator");
    const jar = setCookies(await postPassword("xh.mediator"));
    for (let i = 0; i < 3; i++) await postCode(jar, String(100000 + i));
    // After a few wrong codes even the right one waits, and the sign-in is kept.
    const waited = (await postCode(jar, currentTotpCode(secretOf("xh.mediator")))) as { errors: Record<string, string> };
    expect(waited.errors.code).toContain("暂停");
    let outcome: unknown;
    for (let failures = 3; failures < 10; failures++) {
      // Each wait is twice the last: 1 s after the third wrong code, then 2 s, 4 s …
      vi.setSystemTime((now += Math.min(60_000, 1000 * 2 ** (failures - 3)) + 1));
      outcome = await postCode(jar, String(100000 + failures));
    }
    expect((outcome as { errors: Record<string, string> }).errors.code).toContain("暂停");
    expect(lastAudit("auth.second_factor_failed")).toMatchObject({ entityId: findUserByUsername("xh.mediator")!.id });
    // Paused: the waiting sign-in is gone, and a new one (the password is right) gets no further.
    expect(((await postCode(jar, currentTotpCode(secretOf("xh.mediator")))) as Response).headers.get("Location")).toMatch(/^\/login/);
    const again = setCookies(await postPassword("xh.mediator"));
    const refused = (await postCode(again, currentTotpCode(secretOf("xh.mediator")))) as { errors: Record<string, string> };
    expect(refused.errors.code).toContain("暂停");
  });

  it("remembers a device for at most the absolute session length", async () => {
    await enrol("tz.mediator");
    vi.setSystemTime((now += STEP));
    const jar = setCookies(await postPassword("tz.mediator"));
    const done = (await postCode(jar, currentTotpCode(secretOf("tz.mediator")), true)) as Response;
    const device = setCookies(done).portal_device;
    expect(device).toBeTruthy();
    expect(done.headers.getSetCookie().find((c) => c.startsWith("portal_device="))).toMatch(/Max-Age=43200; HttpOnly; SameSite=Lax/);
    // Next sign-in in this browser: no code.
    const skipped = await postPassword("tz.mediator", { portal_device: device });
    expect(skipped.headers.get("Location")).toBe("/pacts");
    // Another user's password in the same browser still needs that user's code.
    await enrol("tz.grid");
    expect((await postPassword("tz.grid", { portal_device: device })).headers.get("Location")).toBe("/login/second-factor");
    // After 12 hours the device is forgotten.
    vi.setSystemTime((now += 12 * 3_600_000 + 1000));
    expect((await postPassword("tz.mediator", { portal_device: device })).headers.get("Location")).toBe("/login/second-factor");
  });

  it("an administrator's reset is audited and ends remembered devices", async () => {
    await enrol("yp.grid");
    vi.setSystemTime((now += STEP));
    const done = (await postCode(setCookies(await postPassword("yp.grid")), currentTotpCode(secretOf("yp.grid")), true)) as Response;
    const device = setCookies(done).portal_device;
    // Another county's administrator cannot reach this user.
    const foreign = await settle(adminPage.action(routeArgs(await postAs("xh.admin", "/admin/second-factor", { intent: "reset", userId: findUserByUsername("yp.grid")!.id }))));
    expect((foreign as Response).status).toBe(404);
    const reset = await settle(adminPage.action(routeArgs(await postAs("yp.admin", "/admin/second-factor", { intent: "reset", userId: findUserByUsername("yp.grid")!.id }))));
    expect((reset as Response).headers.get("Location")).toBe("/admin/second-factor?notice=reset");
    expect(lastAudit("second_factor.reset")).toMatchObject({ entityId: findUserByUsername("yp.grid")!.id, actorUserId: findUserByUsername("yp.admin")!.id });
    // Not required for a grid worker: the password alone again; enrolled anew, the old device cookie no longer skips the code.
    expect((await postPassword("yp.grid", { portal_device: device })).headers.get("Location")).toBe("/pacts");
    await enrol("yp.grid");
    expect((await postPassword("yp.grid", { portal_device: device })).headers.get("Location")).toBe("/login/second-factor");
  });

  it("a county that requires it takes its administrators to enrolment right after the password", async () => {
    const turnOn = await settle(adminPage.action(routeArgs(await postAs("zj.admin", "/admin/second-factor", { intent: "require", required: "on" }))));
    expect((turnOn as Response).status).toBe(302);
    expect(getDb().select().from(counties).where(eq(counties.id, countyIdOf("ZJ"))).get()!.secondFactorRequired).toBe(true);
    expect(lastAudit("county.second_factor_required")).toMatchObject({ countyId: countyIdOf("ZJ") });

    const held = await postPassword("zj.police");
    expect(held.headers.get("Location")).toBe("/login/second-factor");
    const jar = setCookies(held);
    expect(await isSignedIn(jar)).toBe(false);
    const page = await step.loader(routeArgs(new Request("http://localhost/login/second-factor", { headers: { Cookie: cookieHeader(jar) } })));
    expect(page).toMatchObject({ mode: "enrol" });
    const confirmed = (await postCode(jar, currentTotpCode(secretOf("zj.police")))) as { data: { recoveryCodes: string[]; next: string }; init: ResponseInit };
    expect(confirmed.data.recoveryCodes).toHaveLength(10);
    expect(confirmed.data.next).toBe("/pacts");
    const session = new Headers(confirmed.init.headers).getSetCookie().find((c) => c.startsWith("portal_session="))!;
    expect(await isSignedIn({ portal_session: session.split(";")[0].split("=")[1] })).toBe(true);

    // Required: removal on the account page is refused; a grid worker of the county is not asked.
    const remove = (await accountPage.action(routeArgs(await postAs("zj.police", "/account/second-factor", { intent: "remove", current: "demo-2026" })))) as {
      errors: Record<string, string>;
    };
    expect(remove.errors._form).toBeTruthy();
    expect((await postPassword("zj.grid")).headers.get("Location")).toBe("/pacts");
    await settle(adminPage.action(routeArgs(await postAs("zj.admin", "/admin/second-factor", { intent: "require", required: "off" }))));
  });

  it("removal needs the password or a code and is audited", async () => {
    await enrol("xh.leader");
    const wrong = (await accountPage.action(routeArgs(await postAs("xh.leader", "/account/second-factor", { intent: "remove", current: "nope" })))) as {
      errors: Record<string, string>;
    };
    expect(wrong.errors.current).toBeTruthy();
    vi.setSystemTime((now += STEP));
    const removed = await settle(
      accountPage.action(routeArgs(await postAs("xh.leader", "/account/second-factor", { intent: "remove", current: currentTotpCode(secretOf("xh.leader")) }))),
    );
    expect((removed as Response).headers.get("Location")).toBe("/account/second-factor?notice=removed");
    expect(lastAudit("second_factor.remove")).toBeTruthy();
    expect((await postPassword("xh.leader")).headers.get("Location")).toBe("/pacts");
    const left = getDb().select().from(secondFactors).where(and(eq(secondFactors.userId, findUserByUsername("xh.leader")!.id))).all();
    expect(left).toEqual([]);
  });
});
