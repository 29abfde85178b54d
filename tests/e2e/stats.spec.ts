/**
 * 工作统计 in the browser: XH's leader opens the statistics from the menu, picks the XH–TZ pact,
 * looks at this year with its monthly trends and breakdowns, then a custom range (an inverted
 * range first, which the form refuses next to the field), checks what goes on paper, downloads
 * the Excel file, and switches to the county across all its pacts. At phone width the page does
 * not scroll sideways.
 */
import fs from "node:fs";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

const XH_TZ = "新晃—天柱平安边界“六联”协议";

test("the leader's statistics: pact, this year, a custom range, the Excel download", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, "xh.leader");
  await page.getByRole("navigation").getByRole("link", { name: "工作统计" }).click();
  await expect(page.getByRole("heading", { name: "工作统计", exact: true })).toBeVisible();

  const form = page.getByTestId("stats-form");
  await form.getByLabel("统计范围").selectOption({ label: XH_TZ });
  await form.getByLabel("统计期间").selectOption({ label: "本年" });
  await form.getByRole("button", { name: "查看" }).click();
  const year = new Date().getFullYear();
  await expect(page).toHaveURL(/period=year/);
  await expect(page.getByTestId("stats-sheet")).toContainText(XH_TZ);
  await expect(page.getByTestId("pact-figures")).toContainText(`${year}年1月1日`);
  const hazards = page.locator('table[data-workflow="hazard"]');
  await expect(hazards.getByRole("columnheader", { name: "新晃侗族自治县" })).toBeVisible();
  await expect(hazards.getByRole("columnheader", { name: "天柱县" })).toBeVisible();

  // Monthly trends with the numbers written on the chart, and the breakdowns beside their bars.
  const trend = page.getByTestId("trend-hazard");
  await expect(trend).toContainText("发现隐患");
  await expect(trend.locator("g[data-bucket]")).toHaveCount(12);
  const monthly = await trend.locator("g[data-bucket]").evaluateAll((gs) => gs.map((g) => Number(g.getAttribute("data-value"))));
  const found = Number((await hazards.locator('tr[data-figure="hazardsFound"] [data-total]').innerText()).replace(/,/g, ""));
  expect(monthly.reduce((a, b) => a + b, 0)).toBe(found);
  const category = page.getByTestId("breakdown-category-hazard");
  await expect(category).toContainText("按类别");
  const township = page.getByTestId("breakdown-township-dispute");
  await expect(township.locator("li").first()).toContainText(/镇|街道/);

  // A custom range the wrong way round: the message stands next to the end date.
  await form.getByLabel("统计期间").selectOption({ label: "自定义" });
  await form.getByLabel("开始日期").fill(`${year}-03-31`);
  await form.getByLabel("结束日期").fill(`${year}-03-01`);
  await form.getByRole("button", { name: "查看" }).click();
  await expect(page.getByText("结束日期不能早于开始日期")).toBeVisible();
  await expect(page.getByTestId("stats-sheet")).toHaveCount(0);

  // Typing a date is enough to make the period a custom one.
  await form.getByLabel("统计期间").selectOption({ label: "本月" });
  await form.getByLabel("开始日期").fill(`${year - 1}-01-01`);
  await form.getByLabel("结束日期").fill(`${year}-03-31`);
  await form.getByRole("button", { name: "查看" }).click();
  await expect(page.getByTestId("stats-sheet")).toContainText(XH_TZ);
  await expect(page.getByTestId("pact-figures")).toContainText(`${year - 1}年1月1日`);
  await expect(form.getByLabel("统计期间")).toHaveValue("custom");
  await expect(page.getByTestId("stats-print")).toBeVisible();

  // On paper: the table alone, without the menu, the form or the buttons.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation")).toBeHidden();
  await expect(form).toBeHidden();
  await expect(page.getByTestId("stats-print")).toBeHidden();
  await expect(page.getByTestId("stats-exports")).toBeHidden();
  await expect(page.getByTestId("stats-sheet")).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出 Excel" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^工作统计_.+\.xlsx$/);
  const file = await download.path();
  expect(fs.statSync(file).size).toBeGreaterThan(0);

  // The county across all its pacts: XH first, then its partners, with the internal work.
  await form.getByLabel("统计范围").selectOption({ label: "本县：全部协议及本县内部工作" });
  await form.getByLabel("统计期间").selectOption({ label: "本年" });
  await form.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/pact=county/);
  await expect(page.getByTestId("stats-sheet")).toContainText("新晃侗族自治县 工作统计");
  await expect(hazards.getByRole("columnheader", { name: "玉屏侗族自治县" })).toBeVisible();
});

test("the statistics fit a phone's width", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, "xh.pl");
  await page.goto("/stats?pact=county&period=year");
  await expect(page.getByTestId("trend-patrol")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
