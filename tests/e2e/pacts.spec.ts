import { expect, test, type Page } from "./fixtures";
import { signIn, signOut } from "./helpers";

const TITLE = "新晃—芷江平安边界协议（浏览器测试）";

async function openPact(page: Page) {
  await page.goto("/pacts");
  await page.getByRole("link", { name: TITLE }).first().click();
  // The list shows the title as a card heading too: wait for the pact's own page.
  await expect(page).toHaveURL(/\/pacts\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
}

test("xh.pl proposes a pact to ZJ, zj.admin countersigns, both see it active, TZ never sees it", async ({ page }) => {
  // XH's political-legal staff propose.
  await signIn(page, "xh.pl");
  await page.goto("/pacts/new");
  await page.getByLabel("协议名称").fill(TITLE);
  await page.getByLabel("芷江侗族自治县（湖南省）").check();
  await page.getByLabel("问题隐患联防").check();
  await page.getByLabel("矛盾纠纷联调").check();
  await page.getByLabel("终止日期（选填）").fill("2029-12-31");
  await page.getByLabel("协议条款").fill("第一条 双方建立边界联防联调机制。\n第二条 每季度召开一次联席会议。");
  await page.getByLabel(/姚红梅/).check();
  await page.getByRole("button", { name: "发起协议" }).click();
  await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
  await expect(page.getByText("会签中").first()).toBeVisible();
  await signOut(page);

  // ZJ's admin finds it waiting and countersigns, naming ZJ's liaison.
  await signIn(page, "zj.admin");
  await page.goto("/pacts");
  await expect(page.getByRole("link", { name: TITLE }).first()).toBeVisible();
  await openPact(page);
  await page.getByLabel(/周春燕/).check();
  await page.getByRole("button", { name: "会签" }).click();
  await expect(page.getByText("已生效").first()).toBeVisible();
  await signOut(page);

  // XH sees it active, with both counties' liaisons in the directory.
  await signIn(page, "xh.pl");
  await openPact(page);
  await expect(page.getByText("已生效").first()).toBeVisible();
  await page.goto("/liaisons");
  await expect(page.getByText(TITLE)).toBeVisible();
  await expect(page.getByText("周春燕").first()).toBeVisible();
  await signOut(page);

  // TZ sees nothing of it: not on the home page, in the list or in the directory.
  for (const username of ["tz.admin", "tz.pl"]) {
    await signIn(page, username);
    for (const where of ["/", "/pacts", "/liaisons"]) {
      await page.goto(where);
      await expect(page.getByText(TITLE)).toHaveCount(0);
    }
    await signOut(page);
  }
});

test("xh.pl proposes to add joint patrols to the XH–ZJ pact; it changes only once zj.admin countersigns", async ({ page }) => {
  await signIn(page, "xh.pl");
  await openPact(page);
  const amendments = page.getByTestId("amendments");
  await amendments.getByText("提出条款变更").click();
  await amendments.getByLabel("社会治安联治").check();
  await amendments.getByLabel("变更说明（选填）").fill("双方商定增加联合巡防");
  await amendments.getByRole("button", { name: "提出变更" }).click();
  await expect(page.getByText("条款变更已提出，等待其他成员县系统管理员会签。")).toBeVisible();
  await expect(page.getByTestId("amendment-changes")).toContainText("增加联动事项：社会治安联治");
  // Not in force yet: the pact still covers two workflows.
  await expect(page.getByRole("list", { name: "联动事项" }).getByText("社会治安联治")).toHaveCount(0);
  await signOut(page);

  await signIn(page, "zj.admin");
  await openPact(page);
  await expect(page.getByTestId("amendment-open")).toContainText("双方商定增加联合巡防");
  await page.getByRole("button", { name: "会签条款变更" }).click();
  await expect(page.getByText("各方均已会签，条款变更已生效。")).toBeVisible();
  await expect(page.getByRole("list", { name: "联动事项" }).getByText("社会治安联治")).toBeVisible();
  await expect(page.getByTestId("pact-history")).toContainText("各方会签完毕，条款变更生效");
  await signOut(page);
});

test("TZ gets the same 404 for another pact's page as for a missing one", async ({ page }) => {
  await signIn(page, "xh.pl");
  await page.goto("/pacts");
  const href = await page.getByRole("link", { name: "新晃—玉屏平安边界联防协议" }).first().getAttribute("href");
  await signOut(page);
  await signIn(page, "tz.pl");
  const hidden = await page.goto(href!);
  expect(hidden?.status()).toBe(404);
  await expect(page.getByTestId("error-page")).toContainText("页面不存在");
  const missing = await page.goto("/pacts/999999");
  expect(missing?.status()).toBe(404);
});

test("a pact page streams clean UTF-8 without stray bytes", async ({ page }) => {
  await signIn(page, "xh.pl");
  const response = await page.request.get("/pacts/new");
  const body = await response.body();
  expect(body.includes(0)).toBe(false);
  expect(() => new TextDecoder("utf-8", { fatal: true }).decode(body)).not.toThrow();
});

test.describe("at phone width", () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test("the pact list and a pact's page fit the screen", async ({ page }) => {
    await signIn(page, "tz.pl");
    for (const where of ["/", "/pacts", "/liaisons"]) {
      await page.goto(where);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, where).toBeLessThanOrEqual(0);
    }
    await page.getByRole("link", { name: "新晃—天柱平安边界“六联”协议" }).first().click();
    await expect(page).toHaveURL(/\/pacts\/\d+$/);
    await expect(page.getByRole("heading", { level: 1, name: "新晃—天柱平安边界“六联”协议" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
