/**
 * A joint meeting end to end, two people in two browsers: XH's political-legal staff schedules a
 * meeting with TZ (the host proposed in turn), opens the briefing pack and prints it (print media:
 * only the pack, with its figures and open matters), records the minutes with two decisions, one
 * for TZ; TZ's political-legal staff finds that action item in the inbox and reports it done.
 */
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

/** A Beijing calendar day `days` from now (YYYY-MM-DD). */
function beijingDay(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(Date.now() + days * 86_400_000);
}

test("schedule with TZ, print the briefing pack, record minutes; TZ reports its action item done", async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  const xh = await (await browser.newContext()).newPage();
  const tz = await (await browser.newContext()).newPage();

  // XH's political-legal staff schedules a meeting under the XH–TZ pact.
  await signIn(xh, "xh.pl");
  await xh.goto("/meetings");
  await xh.getByRole("link", { name: "安排联席会议" }).click();
  await xh.getByTestId("pact-choices").getByRole("link").filter({ hasText: "天柱县" }).click();
  const form = xh.getByTestId("schedule-form");
  await expect(form.getByLabel("主办县")).toHaveValue(/\d+/);
  await expect(form).toContainText("建议由新晃侗族自治县主办");
  await form.getByLabel("会议名称").fill("新晃—天柱平安边界联席会议（端到端测试）");
  await form.getByLabel("召开时间").fill(`${beijingDay(3)}T09:30`);
  await form.getByLabel("会议地点").fill("新晃县凉伞镇人民政府会议室");
  await form.getByRole("group", { name: "参会人员（天柱县）" }).getByRole("checkbox").first().check();
  await form.getByLabel("议题 1").fill("上次会议督办事项落实情况");
  await form.getByLabel("议题 2").fill("边界烟花爆竹储存点复查");
  await form.getByRole("button", { name: "安排会议" }).click();
  await expect(xh).toHaveURL(/\/meetings\/\d+\?notice=scheduled/);
  await expect(xh.getByText("联席会议已安排。")).toBeVisible();
  const refNo = (await xh.getByTestId("meeting-ref").innerText()).trim();
  expect(refNo).toMatch(/^XH-LX-\d{4}-\d{4}$/);
  const meetingUrl = new URL(xh.url()).pathname;

  // The briefing pack, printed: on paper only the pack, with the figures and the open matters.
  await xh.getByTestId("open-briefing").click();
  await expect(xh).toHaveURL(new RegExp(`${meetingUrl}/briefing$`));
  const pack = xh.getByTestId("briefing-document");
  await expect(pack).toContainText("联席会议材料");
  await expect(pack).toContainText(refNo);
  await expect(pack.getByTestId("briefing-period")).toContainText("上次会议");
  await expect(pack.getByTestId("briefing-figures")).toBeVisible();
  await expect(pack.getByTestId("briefing-actions")).toContainText("烟花爆竹隐蔽储存点开展复查");
  await expect(pack.getByTestId("briefing-actions")).toContainText("已逾期");
  await xh.emulateMedia({ media: "print" });
  await expect(xh.getByTestId("briefing-print")).toBeHidden();
  await expect(xh.getByTestId("viewer-county")).toBeHidden();
  await expect(pack).toBeVisible();
  const figures = pack.getByTestId("pact-figures");
  await expect(figures).toBeVisible();
  for (const text of ["问题隐患联防", "矛盾纠纷联调", "刑事犯罪联打", "社会治安联治", "新晃", "天柱", "发现隐患", "联合巡防（次）", "按时签收率"]) {
    await expect(figures).toContainText(text);
  }
  await expect(figures.locator('[data-figure="patrolsCompleted"] [data-total]')).toHaveText(/^\d[\d,]*$/);
  const shot = await xh.screenshot({ path: testInfo.outputPath("briefing-print.png"), fullPage: true });
  expect(shot.byteLength).toBeGreaterThan(20_000);
  await xh.emulateMedia({ media: "screen" });

  // After the meeting: minutes and two decisions, one for TZ.
  await xh.goto(meetingUrl);
  const minutes = xh.getByTestId("minutes-form");
  await minutes.getByLabel("会议纪要").fill("双方通报了边界情况，商定两项督办事项。");
  await minutes.locator('[name="decision-0-text"]').fill("天柱方对边界烟花爆竹储存点再次复查并书面通报（端到端）");
  await minutes.locator('[name="decision-0-county"]').selectOption({ label: "天柱县" });
  await minutes.locator('[name="decision-0-owner"]').selectOption({ index: 1 + (await ownerIndex(minutes, "天柱县")) });
  await minutes.locator('[name="decision-0-deadline"]').fill(beijingDay(14));
  await minutes.locator('[name="decision-1-text"]').fill("新晃方印发修订后的联防联调工作手册（端到端）");
  await minutes.locator('[name="decision-1-county"]').selectOption({ label: "新晃侗族自治县" });
  await minutes.locator('[name="decision-1-owner"]').selectOption({ index: 1 + (await ownerIndex(minutes, "新晃侗族自治县")) });
  await minutes.locator('[name="decision-1-deadline"]').fill(beijingDay(30));
  await minutes.getByRole("button", { name: "记录纪要" }).click();
  await expect(xh.getByText("会议纪要已记录，督办事项已生成。")).toBeVisible();
  await expect(xh.getByTestId("meeting-status").first()).toContainText("已召开");
  await expect(xh.getByTestId("meeting-action-item")).toHaveCount(2);

  // TZ finds its action item in the inbox and reports it done.
  await signIn(tz, "tz.pl");
  await tz.goto("/inbox");
  const item = tz.getByTestId("inbox-item").filter({ hasText: "再次复查并书面通报（端到端）" });
  await expect(item).toContainText("报告办结");
  await expect(tz.getByTestId("inbox-item").filter({ hasText: "印发修订后的联防联调工作手册（端到端）" }).filter({ hasText: "报告办结" })).toHaveCount(0);
  await item.click();
  await expect(tz).toHaveURL(/\/meetings\/actions\/\d+/);
  await tz.getByTestId("step-complete").getByLabel("说明").fill("已完成复查，复查报告见附件。");
  await tz.getByTestId("step-complete").getByRole("button", { name: "报告办结" }).click();
  await expect(tz.getByText("已报告办结。")).toBeVisible();
  await expect(tz.getByTestId("meeting-status").first()).toContainText("已办结");
  await expect(tz.getByTestId("action-meeting")).toContainText(refNo);
});

/** The position (among all owner options) of the first person of `county` in a decision's owner list. */
async function ownerIndex(form: import("@playwright/test").Locator, county: string): Promise<number> {
  const groups = await form.locator('[name="decision-0-owner"] optgroup').evaluateAll((els) => els.map((g) => ({ label: g.getAttribute("label"), n: g.children.length })));
  let index = 0;
  for (const g of groups) {
    if (g.label === county) return index;
    index += g.n;
  }
  throw new Error(`no owners of ${county}`);
}
