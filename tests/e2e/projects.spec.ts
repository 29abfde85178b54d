/**
 * A joint touring theatre project end to end, at phone width, two people in two browsers: XH's
 * political-legal staff propose it with TZ as partner, two milestones (one for each side) and the
 * plan as a PDF; TZ's staff find it in the list, open the plan's link and mark their milestone
 * done; XH activates it, and the page shows it active with TZ's milestone done.
 */
import { expect, test, type Page } from "./fixtures";
import { signIn } from "./helpers";

test.use({ viewport: { width: 360, height: 740 } });

/** A one-page PDF with a correct cross-reference table. */
function pdf(): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** A Beijing calendar day `days` from today, YYYY-MM-DD. */
function day(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(Date.now() + days * 86_400_000);
}

async function fitsThePhone(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a touring theatre project: proposed by XH with a plan PDF, TZ marks its milestone, XH activates it", async ({ browser }) => {
  test.setTimeout(90_000);
  const xhContext = await browser.newContext();
  const tzContext = await browser.newContext();
  const xh = await xhContext.newPage();
  const tz = await tzContext.newPage();
  const title = "湘黔边界侗戏巡演（端到端测试）";

  await signIn(xh, "xh.pl");
  await xh.goto("/projects/new");
  await fitsThePhone(xh);
  // Nothing filled in: the messages stand next to the fields, and nothing is written.
  await xh.getByRole("button", { name: "提交项目" }).click();
  await expect(xh.getByText("请填写项目名称")).toBeVisible();
  await expect(xh.getByText("请上传项目方案文件")).toBeVisible();

  await xh.getByLabel("领域").selectOption({ label: "文化" });
  await xh.getByLabel("项目名称").fill(title);
  await xh.getByLabel("项目目标与内容").fill("两县剧团联合到边界村寨演出侗戏和普法小品，全年不少于 12 场。");
  await xh.getByLabel("开始日期").fill(day(0));
  await xh.getByLabel("结束日期").fill(day(200));
  await xh.getByLabel("预算（元）").fill("240000");
  await expect(xh.getByRole("checkbox", { name: "天柱县" })).toBeChecked();
  await xh.locator('textarea[name^="contribution-"]').nth(0).fill("县侗戏剧团出演员和剧目");
  await xh.locator('textarea[name^="contribution-"]').nth(1).fill("县花灯剧团出演员，协调演出场地");
  const first = xh.getByTestId("milestone-row-0");
  await first.getByLabel("节点名称").fill("凉伞镇首场演出");
  await first.getByLabel("完成时限").fill(day(20));
  const second = xh.getByTestId("milestone-row-1");
  await second.getByLabel("节点名称").fill("确定阳寨村专场剧目");
  await second.getByLabel("完成时限").fill(day(40));
  await second.getByLabel("责任县").selectOption({ label: "天柱县" });
  await xh.locator("#f-plan").setInputFiles({ name: "侗戏巡演实施方案.pdf", mimeType: "application/pdf", buffer: pdf() });
  await xh.getByRole("button", { name: "提交项目" }).click();

  await expect(xh).toHaveURL(/\/projects\/\d+\?notice=proposed/);
  const projectUrl = new URL(xh.url()).pathname;
  await expect(xh.getByTestId("project-ref")).toHaveText(/^XH-MS-\d{4}-\d{4}$/);
  await expect(xh.getByText("已提出").first()).toBeVisible();
  await expect(xh.getByTestId("project-plan")).toHaveText("侗戏巡演实施方案.pdf");
  await expect(xh.getByTestId("milestone")).toHaveCount(2);
  await fitsThePhone(xh);

  // TZ finds it among the projects it is a partner in, and marks its own milestone done.
  await signIn(tz, "tz.pl");
  await tz.goto("/projects?side=partner&status=proposed");
  await tz.getByTestId("project-card").filter({ hasText: title }).click();
  await expect(tz).toHaveURL(new RegExp(`${projectUrl}$`));
  await fitsThePhone(tz);
  const plan = await tz.request.get(await tz.getByTestId("project-plan").getAttribute("href") ?? "");
  expect(plan.status()).toBe(200);
  expect(plan.headers()["content-type"]).toBe("application/pdf");
  await expect(tz.getByTestId("step-activate")).toHaveCount(0);
  const lead = tz.getByTestId("milestone").filter({ hasText: "凉伞镇首场演出" });
  await expect(lead.getByRole("button", { name: "确认完成" })).toHaveCount(0);
  const own = tz.getByTestId("milestone").filter({ hasText: "确定阳寨村专场剧目" });
  await own.getByLabel("完成情况（选填）").fill("剧目已定：《珠郎娘美》选段");
  await own.getByRole("button", { name: "确认完成" }).click();
  await expect(tz.getByText("节点已确认完成。")).toBeVisible();
  await expect(tz.getByTestId("milestone").filter({ hasText: "确定阳寨村专场剧目" })).toHaveAttribute("data-state", "done");

  // XH activates it with a note; TZ's milestone shows done.
  await xh.goto(projectUrl);
  const activate = xh.getByTestId("step-activate");
  await activate.getByLabel("说明").fill("两县文旅部门已会签，启动实施。");
  await activate.getByRole("button", { name: "启动实施" }).click();
  await expect(xh.getByText("项目已启动实施。")).toBeVisible();
  await expect(xh.getByText("实施中").first()).toBeVisible();
  await expect(xh.getByTestId("milestone").filter({ hasText: "确定阳寨村专场剧目" })).toHaveAttribute("data-state", "done");
  await expect(xh.getByTestId("step-suspend")).toBeVisible();
  await fitsThePhone(xh);

  await Promise.all([xhContext.close(), tzContext.close()]);
});
