/**
 * The attack the second factor is for: someone who knows the password (phished, guessed, read
 * over a shoulder) posts it, keeps every cookie that comes back, and tries the portal's pages.
 * For an enrolled user, or one the county requires to enrol, nothing may open.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { counties, sessions } from "~db/schema";
import { decryptSecret } from "~/modules/auth/second-factor/key.server";
import { currentTotpCode } from "~/modules/auth/second-factor/totp.server";
import { secondFactors } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import { findUserByUsername } from "~/modules/tenancy/users.server";
import * as home from "~/routes/_index";
import * as accountPassword from "~/routes/account.password";
import * as accountSecondFactor from "~/routes/account.second-factor";
import * as adminHome from "~/routes/admin._index";
import * as login from "~/routes/login";
import * as pacts from "~/routes/pacts._index";
import { countyIdOf, useDemoData } from "../setup/demo";
import { postAs, postWithCookie, routeArgs, settle } from "../integration/helpers/requests";

useDemoData();

async function passwordOnlyCookies(username: string): Promise<string> {
  const response = (await settle(login.action(routeArgs(postWithCookie("", "/login", { username, password: "demo-2026" }))))) as Response;
  expect(response.headers.get("Location")).toBe("/login/second-factor");
  // Every cookie that came back, whatever its name or path.
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function expectNothingOpens(username: string, cookie: string) {
  const userId = findUserByUsername(username)!.id;
  expect(getDb().select().from(sessions).where(eq(sessions.userId, userId)).all()).toEqual([]);
  // The pending token offered as a session token, too.
  const asSession = `${cookie}; portal_session=${cookie.split("=")[1]}`;
  for (const jar of [cookie, asSession]) {
    for (const [route, path] of [
      [home, "/"],
      [pacts, "/pacts"],
      [accountPassword, "/account/password"],
      [accountSecondFactor, "/account/second-factor"],
      [adminHome, "/admin"],
    ] as [{ loader: (args: ReturnType<typeof routeArgs>) => Promise<unknown> }, string][]) {
      const outcome = await settle(route.loader(routeArgs(new Request(`http://localhost${path}`, { headers: { Cookie: jar } }))));
      expect(outcome, `${username} ${path}`).toBeInstanceOf(Response);
      expect((outcome as Response).status, path).toBe(302);
      expect((outcome as Response).headers.get("Location"), path).toMatch(/^\/login/);
    }
    // Nor can it start an enrolment of its own choosing on the account page.
    const start = await settle(accountSecondFactor.action(routeArgs(postWithCookie(jar, "/account/second-factor", { intent: "start" }))));
    expect((start as Response).headers.get("Location")).toMatch(/^\/login/);
  }
}

describe("a password alone never yields a session", () => {
  it("for a user with a confirmed second factor", async () => {
    await settle(accountSecondFactor.action(routeArgs(await postAs("tz.police", "/account/second-factor", { intent: "start" }))));
    const secret = decryptSecret(getDb().select().from(secondFactors).where(eq(secondFactors.userId, findUserByUsername("tz.police")!.id)).get()!.secret);
    await accountSecondFactor.action(routeArgs(await postAs("tz.police", "/account/second-factor", { intent: "confirm", code: currentTotpCode(secret) })));
    getDb().delete(sessions).where(eq(sessions.userId, findUserByUsername("tz.police")!.id)).run();
    await expectNothingOpens("tz.police", await passwordOnlyCookies("tz.police"));
  });

  it("for an administrator whose county requires one and who has not enrolled yet", async () => {
    getDb().update(counties).set({ secondFactorRequired: true }).where(eq(counties.id, countyIdOf("YP"))).run();
    await expectNothingOpens("yp.admin", await passwordOnlyCookies("yp.admin"));
  });
});
