import { expect, test } from "./fixtures";
import { signIn, signOut } from "./helpers";

test("a wrong password gets a clear message in Chinese", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名").fill("xh.pl");
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert")).toContainText("用户名或密码错误");
  await expect(page.getByLabel("用户名")).toHaveValue("xh.pl");
});

test("empty fields are marked next to the field", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator("#f-username-error")).toHaveText("此项为必填项");
  await expect(page.locator("#f-password-error")).toHaveText("此项为必填项");
});

test("sign in shows the county, sign out ends the session", async ({ page }) => {
  await signIn(page, "xh.pl");
  await expect(page.getByTestId("viewer-county")).toContainText("新晃侗族自治县");
  await signOut(page);
  await expect(page.getByText("您已安全退出")).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("a page asked for before signing in opens after signing in", async ({ page }) => {
  await page.goto("/account/password");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount%2Fpassword/);
  await page.getByLabel("用户名").fill("tz.pl");
  await page.getByLabel("密码").fill("demo-2026");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("heading", { name: "修改密码" })).toBeVisible();
});

test("repeated failures slow the next try down, with a message saying how long", async ({ page }) => {
  const attempt = async (password: string) => {
    await page.getByLabel("用户名").fill("zj.leader");
    await page.getByLabel("密码").fill(password);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("alert")).toBeVisible();
  };
  await page.goto("/login");
  await attempt("wrong-1");
  await expect(page.getByRole("alert")).toContainText("用户名或密码错误");
  await attempt("wrong-2");
  await attempt("wrong-3");
  await expect(page.getByRole("alert")).toContainText(/请 \d+ 秒后再试/);
  // Within the wait even the right password is not looked at …
  await attempt("demo-2026");
  await expect(page.getByRole("alert")).toContainText(/秒后再试/);
  // … after it, the right password gets in.
  await page.waitForTimeout(1500);
  await page.getByLabel("用户名").fill("zj.leader");
  await page.getByLabel("密码").fill("demo-2026");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("button", { name: "退出登录" }).first()).toBeVisible();
});

test("the interface switches to English and back", async ({ page }) => {
  await signIn(page, "yp.pl");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("button", { name: "退出登录" }).first()).toBeVisible();
});

test("an unknown page is a 404 in the user's language", async ({ page }) => {
  await signIn(page, "yp.pl");
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("error-page")).toContainText("页面不存在");
});

test("a write without a matching Origin is refused with 403", async ({ request, baseURL }) => {
  const missing = await request.post("/login", { form: { username: "xh.pl", password: "demo-2026" }, headers: { Origin: "" } });
  expect(missing.status()).toBe(403);
  const foreign = await request.post("/login", {
    form: { username: "xh.pl", password: "demo-2026" },
    headers: { Origin: "http://evil.example" },
  });
  expect(foreign.status()).toBe(403);
  const same = await request.post("/login", {
    form: { username: "xh.pl", password: "demo-2026" },
    headers: { Origin: baseURL! },
    maxRedirects: 0,
  });
  expect(same.status()).toBe(302);
});

test.describe("at phone width", () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test("the menu opens and leads to the pages", async ({ page }) => {
    await signIn(page, "xh.admin");
    await page.getByText("菜单").click();
    await expect(page.getByRole("link", { name: "六联协议" }).first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
