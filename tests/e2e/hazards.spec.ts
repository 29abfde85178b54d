import { expect, test, type Page } from "./fixtures";
import { signIn, signOut } from "./helpers";

// A 1×1 PNG, as a phone camera would send a (much larger) photo.
const PHOTO = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const TITLE = "街上村废弃油罐渗漏（浏览器测试）";
const INTERNAL = "内部意见：请凉伞镇综治办先行摸排周边住户";

test.use({ viewport: { width: 360, height: 740 } });

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function takeStep(page: Page, action: string, fill: (form: ReturnType<Page["locator"]>) => Promise<void>) {
  const step = page.locator(`[data-testid="hazard-action"][data-action="${action}"]`);
  if (!(await step.getAttribute("open"))) await step.locator("summary").click();
  await fill(step);
  await step.getByRole("button").click();
}

test("a hazard reported from a phone is handled by both counties, with an internal note the other side never sees", async ({ page }) => {
  // XH's grid worker reports it with a photo, shared under the XH–TZ pact.
  await signIn(page, "xh.grid");
  await page.goto("/hazards/new");
  await noSidewaysScroll(page);
  await page.getByLabel("隐患名称 *").fill(TITLE);
  await page.getByLabel("隐患类别 *").selectOption({ label: "消防" });
  await page.getByText("较大", { exact: true }).click();
  await page.getByLabel("情况描述 *").fill("废弃加油点地下油罐渗漏，气味明显，靠近两县交界的便道。");
  const pactOption = page.getByLabel("共享范围").locator("option", { hasText: "新晃—天柱" });
  await page.getByLabel("共享范围").selectOption(await pactOption.getAttribute("value"));
  await page.locator("#f-files").setInputFiles({ name: "现场照片.png", mimeType: "image/png", buffer: PHOTO });
  await page.getByRole("button", { name: "上报", exact: true }).click();
  await expect(page.getByTestId("hazard-ref")).toHaveText(/^XH-YH-\d{4}-\d{4}$/);
  const hazardUrl = new URL(page.url()).pathname;
  await expect(page.locator('#thread img[alt*="现场照片"]')).toBeVisible();
  await noSidewaysScroll(page);
  await signOut(page);

  // TZ's police liaison finds it in the inbox and replies.
  await signIn(page, "tz.police");
  await page.goto("/inbox");
  await page.getByTestId("inbox-item").filter({ hasText: TITLE }).click();
  await expect(page).toHaveURL(new RegExp(`${hazardUrl}$`));
  await page.getByLabel("留言").fill("天柱县公安已知悉，明早与新晃方面一同到场核查。");
  await page.getByRole("button", { name: "发送" }).click();
  await expect(page.getByTestId("thread-message").filter({ hasText: "明早与新晃方面一同到场核查" })).toBeVisible();
  await signOut(page);

  // XH's political-legal staff add an internal note, then handle the hazard to the end.
  await signIn(page, "xh.pl");
  await page.goto(hazardUrl);
  await page.getByLabel("留言").fill(INTERNAL);
  await page.getByLabel(/作为内部备注/).check();
  await page.getByRole("button", { name: "发送" }).click();
  await expect(page.getByTestId("thread-internal").filter({ hasText: INTERNAL })).toContainText("仅本县可见");
  await takeStep(page, "verify", async () => {});
  await expect(page.getByText("联合核查中").first()).toBeVisible();
  await takeStep(page, "rectify", async (form) => {
    await form.getByLabel("整改措施 *").fill("抽空油罐、封堵管线，由镇安监站督办。");
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel("整改期限 *").fill(inAWeek);
    await form.getByLabel(/责任县/).selectOption({ index: 1 });
  });
  await expect(page.getByText("整改中").first()).toBeVisible();
  await takeStep(page, "eliminate", async (form) => {
    await form.getByLabel("说明 *").fill("油罐已抽空拆除，现场复查无渗漏。");
  });
  await expect(page.getByText("已销号").first()).toBeVisible();
  await signOut(page);

  // TZ sees the outcome and the shared thread, never XH's internal note; search finds it by two characters.
  await signIn(page, "tz.police");
  await page.goto(hazardUrl);
  await expect(page.getByText("已销号").first()).toBeVisible();
  await expect(page.getByText("明早与新晃方面一同到场核查")).toBeVisible();
  await expect(page.getByText(INTERNAL)).toHaveCount(0);
  await expect(page.getByTestId("thread-internal")).toHaveCount(0);
  await page.goto("/search?q=油罐");
  await expect(page.getByTestId("search-hit").filter({ hasText: TITLE })).toBeVisible();
  await page.goto(`/search?q=${encodeURIComponent("摸排")}`);
  await expect(page.getByTestId("search-hit").filter({ hasText: TITLE })).toHaveCount(0);
  await noSidewaysScroll(page);
  await signOut(page);

  // YP, outside the XH–TZ pact, sees nothing of it.
  await signIn(page, "yp.police");
  const hidden = await page.goto(hazardUrl);
  expect(hidden?.status()).toBe(404);
  await page.goto("/search?q=油罐");
  await expect(page.getByTestId("search-hit").filter({ hasText: TITLE })).toHaveCount(0);
});
