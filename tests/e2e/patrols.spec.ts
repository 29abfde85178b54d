/**
 * A joint patrol end to end, at phone width, two people in two browsers: XH's police liaison plans
 * a patrol with TZ for today; TZ's police liaison finds it in the inbox, starts it, logs a finding
 * (a hidden fireworks store), opens a hazard from the finding — the hazard and the patrol show the
 * link and the finding points to the hazard — and completes the patrol with its log.
 */
import { expect, test, type Page } from "./fixtures";
import { signIn } from "./helpers";

test.use({ viewport: { width: 360, height: 740 } });

function todayInBeijing(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(Date.now());
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a joint patrol: planned by XH, started by TZ, a finding opens a hazard, completed", async ({ browser }) => {
  test.setTimeout(90_000);
  const xhContext = await browser.newContext();
  const tzContext = await browser.newContext();
  const xh = await xhContext.newPage();
  const tz = await tzContext.newPage();

  // XH's police liaison plans a patrol of the XH–TZ team for today, with one liaison from each side.
  await signIn(xh, "xh.police");
  await xh.goto("/patrols/new");
  await expectNoSidewaysScroll(xh);
  await xh.getByLabel("联合巡防队").selectOption({ label: "湘黔边界联合巡防队（新晃—天柱平安边界“六联”协议）" });
  await xh.getByLabel("高峰时段巡防").check();
  await xh.getByLabel("巡防日期").fill(todayInBeijing());
  await xh.getByLabel("计划开始").fill("08:00");
  await xh.getByLabel("计划结束").fill("22:00");
  await xh.getByLabel("巡防路线或区域").fill("凉伞镇街上村—坪地镇阳寨村通村公路（端到端测试）");
  await xh.getByLabel("街上村", { exact: true }).check();
  await xh.getByLabel("阳寨村", { exact: true }).check();
  const team = xh.getByTestId("team-members").filter({ hasText: "湘黔边界联合巡防队" });
  await team.getByLabel(/龙建军/).check();
  await team.getByLabel(/杨光荣/).check();
  await xh.getByRole("button", { name: "保存巡防计划" }).click();
  await expect(xh).toHaveURL(/\/patrols\/\d+\?notice=planned/);
  const patrolUrl = new URL(xh.url()).pathname;
  const refNo = (await xh.getByTestId("patrol-ref").innerText()).trim();
  expect(refNo).toMatch(/^XH-XF-\d{4}-\d{4}$/);
  await expect(xh.getByTestId("patrol-participants")).toContainText("天柱县：杨光荣");
  await expectNoSidewaysScroll(xh);

  // TZ's police liaison finds it in the inbox (planned for today) and starts it.
  await signIn(tz, "tz.police");
  await tz.goto("/inbox");
  const item = tz.getByTestId("inbox-item").filter({ hasText: refNo });
  await expect(item).toContainText("开始巡防");
  await item.click();
  await expect(tz).toHaveURL(new RegExp(`${patrolUrl}$`));
  await tz.getByTestId("step-start").getByRole("button", { name: "开始巡防" }).click();
  await expect(tz.getByText("巡防中").first()).toBeVisible();

  // …logs a finding and opens a hazard from it.
  const finding = tz.getByTestId("finding-form");
  await finding.getByLabel("发现情况").fill("阳寨村路口一民房后院堆放大量烟花爆竹，无人看管。");
  const yangzhai = await finding.locator("option", { hasText: "阳寨村" }).first().getAttribute("value");
  await finding.getByLabel("发现地点").selectOption(yangzhai!);
  await finding.getByRole("button", { name: "记录发现" }).click();
  await expect(tz.getByTestId("patrol-finding")).toContainText("堆放大量烟花爆竹");
  await expectNoSidewaysScroll(tz);
  await tz.getByTestId("open-hazard").click();
  await expect(tz).toHaveURL(/\/hazards\/new\?patrol=\d+&finding=\d+/);
  await expect(tz.getByTestId("from-finding")).toContainText(refNo);
  await expect(tz.getByLabel("隐患名称 *")).toHaveValue("阳寨村路口一民房后院堆放大量烟花爆竹，无人看管");
  await tz.getByLabel("隐患类别 *").selectOption({ label: "烟花爆竹/危险品" });
  await expectNoSidewaysScroll(tz);
  await tz.getByRole("button", { name: "上报", exact: true }).click();
  await expect(tz).toHaveURL(/\/hazards\/\d+\?notice=reported/);
  const hazardUrl = new URL(tz.url()).pathname;
  await expect(tz.getByTestId("record-links")).toContainText(refNo);

  // Back on the patrol: the finding points to the hazard, the links list it; complete the patrol.
  await tz.goto(patrolUrl);
  await expect(tz.getByTestId("finding-opened").getByRole("link")).toHaveAttribute("href", hazardUrl);
  await expect(tz.getByTestId("record-links")).toContainText("烟花爆竹");
  const complete = tz.getByTestId("step-complete");
  await complete.getByLabel("盘查人员（人）").fill("12");
  await complete.getByLabel("检查车辆（辆）").fill("5");
  await complete.getByLabel("巡防情况").fill("沿线秩序良好，发现烟花爆竹隐患一处，已上报。");
  await complete.getByRole("button", { name: "完成巡防" }).click();
  await expect(tz.getByTestId("patrol-log")).toContainText("人员 12 人，车辆 5 辆");
  await expect(tz.getByText("已完成").first()).toBeVisible();

  // XH sees the same, with the hazard linked.
  await xh.goto(patrolUrl);
  await expect(xh.getByTestId("patrol-log")).toContainText("沿线秩序良好");
  await expect(xh.getByTestId("finding-opened")).toContainText("烟花爆竹");
  await expectNoSidewaysScroll(xh);

  // The joint activities with their totals, on the phone too.
  await xh.goto("/patrols/activities");
  await expect(xh.getByTestId("activity-totals")).toContainText("联合普法");
  await expect(xh.getByTestId("activity-card").first()).toBeVisible();
  await expectNoSidewaysScroll(xh);

  await Promise.all([xhContext.close(), tzContext.close()]);
});
