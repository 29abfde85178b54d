import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-2026";

/** Signs in through the real form and waits for the home page. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("viewer-county")).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "退出登录" }).first().click();
  await expect(page).toHaveURL(/\/login/);
}
