import { Secret, TOTP } from "otpauth";
import { expect, test, type Page } from "./fixtures";
import { DEMO_PASSWORD, signIn, signOut } from "./helpers";

/** What the authenticator app would compute from the secret shown on the page. */
function appFor(secretText: string) {
  const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secretText.replace(/\s/g, "")) });
  return {
    step: () => Math.floor(Date.now() / 30_000),
    code: () => totp.generate(),
  };
}

/** Each code works once: wait for the app's next time step after `used`. */
async function codeAfter(page: Page, app: ReturnType<typeof appFor>, used: number): Promise<string> {
  while (app.step() <= used) await page.waitForTimeout(500);
  return app.code();
}

async function passwordStep(page: Page, username: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
}

test("enrol on the account page, then sign in with the app's code; an administrator resets it", async ({ page, browser }) => {
  await signIn(page, "yp.leader");
  await page.getByRole("link", { name: "两步验证" }).first().click();
  await expect(page.getByRole("heading", { name: "两步验证" })).toBeVisible();
  await page.getByRole("button", { name: "启用两步验证" }).click();
  await expect(page.getByRole("img", { name: "供身份验证器应用扫描的二维码" }).locator("svg")).toBeVisible();
  const app = appFor((await page.getByTestId("sf-secret").textContent())!);

  await page.getByLabel("6 位验证码").fill("000000");
  await page.getByRole("button", { name: "确认启用" }).click();
  await expect(page.locator("#f-code-error")).toContainText("验证码不正确");

  const enrolStep = app.step();
  await page.getByLabel("6 位验证码").fill(app.code());
  await page.getByRole("button", { name: "确认启用" }).click();
  await expect(page.getByText("两步验证已启用。")).toBeVisible();
  await expect(page.getByTestId("sf-recovery-codes").locator("li")).toHaveCount(10);
  const recovery = (await page.getByTestId("sf-recovery-codes").locator("li").first().textContent())!;
  await signOut(page);

  // The password alone now leads to the code page, and nothing else opens.
  await passwordStep(page, "yp.leader");
  await expect(page).toHaveURL(/\/login\/second-factor$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await passwordStep(page, "yp.leader");
  await page.getByLabel("验证码或恢复码").fill("123456");
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page.locator("#f-code-error")).toContainText("验证码不正确或已使用过");
  await page.getByLabel("验证码或恢复码").fill(await codeAfter(page, app, enrolStep));
  await page.getByLabel(/在此设备上记住我/).check();
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page.getByTestId("viewer-county")).toContainText("玉屏侗族自治县");
  await signOut(page);

  // Remembered: this browser signs in with the password alone.
  await signIn(page, "yp.leader");
  await signOut(page);

  // Another browser: a recovery code instead of the app.
  const other = await browser.newContext();
  const second = await other.newPage();
  await passwordStep(second, "yp.leader");
  await second.getByLabel("验证码或恢复码").fill(recovery);
  await second.getByRole("button", { name: "验证并登录" }).click();
  await expect(second.getByTestId("viewer-county")).toBeVisible();
  await other.close();

  // The county administrator resets it: the remembered device no longer counts, the password alone signs in.
  await signIn(page, "yp.admin");
  await page.goto("/admin");
  await page.locator('main a[href="/admin/second-factor"]').click();
  await expect(page.getByTestId("sf-county-requirement")).toContainText("当前：不要求");
  const row = page.getByTestId("sf-user-yp.leader");
  await expect(row).toContainText("已启用");
  await row.getByRole("button", { name: "重置" }).click();
  await expect(page.getByText("已重置该用户的两步验证。")).toBeVisible();
  await expect(page.getByTestId("sf-user-yp.leader")).toContainText("未启用");
  await signOut(page);
  await signIn(page, "yp.leader");
});

test("a county that requires it has its administrator set it up right after the password", async ({ page }) => {
  // yp.admin is no other spec's user: it stays enrolled afterwards, and the requirement is lifted again.
  await signIn(page, "yp.admin");
  await page.goto("/admin/second-factor");
  await page.getByRole("button", { name: "设为要求" }).click();
  await expect(page.getByText("已设为要求两步验证。")).toBeVisible();
  await signOut(page);

  await passwordStep(page, "yp.admin");
  await expect(page.getByRole("heading", { name: "设置两步验证" })).toBeVisible();
  await expect(page.getByText("本县要求您的账号使用两步验证")).toBeVisible();
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
  await passwordStep(page, "yp.admin");
  const app = appFor((await page.getByTestId("sf-secret").textContent())!);
  const enrolStep = app.step();
  await page.getByLabel("6 位验证码").fill(app.code());
  await page.getByRole("button", { name: "确认启用" }).click();
  await expect(page.getByTestId("sf-recovery-codes").locator("li")).toHaveCount(10);
  await page.getByRole("link", { name: "我已保存，继续" }).click();
  await expect(page.getByTestId("viewer-county")).toContainText("玉屏侗族自治县");
  await signOut(page);

  await passwordStep(page, "yp.admin");
  await page.getByLabel("验证码或恢复码").fill(await codeAfter(page, app, enrolStep));
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page.getByTestId("viewer-county")).toBeVisible();
  await page.goto("/admin/second-factor");
  await page.getByRole("button", { name: "取消要求" }).click();
  await expect(page.getByText("已取消两步验证要求。")).toBeVisible();
});

test("in English too", async ({ page }) => {
  await signIn(page, "xh.grid");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.goto("/account/second-factor");
  await expect(page.getByRole("button", { name: "Turn on two-step verification" })).toBeVisible();
  await page.getByRole("button", { name: "中文" }).click();
});
