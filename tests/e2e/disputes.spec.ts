import { expect, test, type Page } from "./fixtures";
import { signIn } from "./helpers";

// The land dispute (DOMAIN.md §1), registered in the browser by XH's mediator under the XH–TZ pact,
// mediated, the agreement written, resolved, and printed.
const TITLE = "街上村施工便道占用阳寨村山林纠纷（浏览器测试）";
const PARTY_XH = "杨通武";
const PARTY_TZ = "龙再明";
const TERMS = "项目施工结束后，街上村将施工便道占用的土地恢复原状；油茶基地管护优先雇用街上村和阳寨村两村村民。";

async function takeStep(page: Page, action: string, note?: string) {
  const step = page.locator(`[data-testid="dispute-action"][data-action="${action}"]`);
  if ((await step.getAttribute("open")) === null) await step.locator("summary").click();
  if (note !== undefined) await step.locator('textarea[name="note"]').fill(note);
  await step.getByRole("button").click();
}

async function selectByText(page: Page, name: string, text: string) {
  const select = page.locator(`select[name="${name}"]`);
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  await select.selectOption(value!);
}

test("the land dispute from registration to a printed agreement", async ({ page }) => {
  await signIn(page, "xh.mediator");
  await page.goto("/disputes/new");
  await page.locator('input[name="title"]').fill(TITLE);
  await page.locator('select[name="type"]').selectOption({ label: "山林土地权属" });
  await page.locator('textarea[name="description"]').fill("街上村修建油茶基地施工便道，挖开阳寨村第三村民小组的山坡，两村村民发生争执。");
  await selectByText(page, "pactId", "新晃—天柱");
  await selectByText(page, "committeeId", "凉伞—坪地边界联合调解委员会");
  await page.locator('input[name="peopleInvolved"]').fill("30");
  await page.locator('input[name="party-0-name"]').fill(PARTY_XH);
  await page.locator('input[name="party-0-village"]').fill("凉伞镇街上村");
  await page.locator('input[name="party-0-phone"]').fill("13974560001");
  await page.locator('input[name="party-1-name"]').fill(PARTY_TZ);
  await selectByText(page, "party-1-countyId", "天柱县");
  await page.locator('input[name="party-1-village"]').fill("坪地镇阳寨村");
  await page.locator('input[name="party-1-phone"]').fill("13908550002");
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await expect(page.getByTestId("dispute-ref")).toHaveText(/^XH-TJ-\d{4}-\d{4}$/);
  const disputeUrl = new URL(page.url()).pathname;

  await takeStep(page, "assess", "涉及两省林地，风险较高，由凉伞—坪地边界联合调解委员会调解。");
  await expect(page.locator('[data-testid="dispute-action"][data-action="mediate"]')).toBeVisible();
  await takeStep(page, "mediate");
  await expect(page.locator('[data-testid="dispute-action"][data-action="resolve"]')).toBeVisible();

  // The agreement, written while mediating.
  await page.goto(`${disputeUrl}/agreement`);
  await page.locator('textarea[name="facts"]').fill("街上村未经协商在阳寨村第三村民小组的山坡上开挖临时施工便道，毁坏林地约6亩。");
  await page.locator('textarea[name="issues"]').fill("土地如何恢复；用工如何安排。街上村负主要责任。");
  await page.locator('textarea[name="terms"]').fill(TERMS);
  await page.locator('textarea[name="performance"]').fill("项目竣工后三个月内恢复土地；用工自协议签订之日起执行。");
  await page.getByRole("button", { name: "保存协议书" }).click();
  await expect(page.getByText("调解协议书已保存。")).toBeVisible();

  // Resolved on the dispute's page.
  await page.goto(disputeUrl);
  await takeStep(page, "resolve", "双方达成调解协议。");
  await expect(page.getByTestId("agreement-link")).toBeVisible();
  await page.getByTestId("agreement-link").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`${disputeUrl}/agreement$`));
  await expect(page.getByTestId("agreement-print")).toBeVisible();

  // The print view: A4, the agreement alone.
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: "test-results/disputes-agreement-print.png", fullPage: true });
  const doc = page.getByTestId("agreement-document");
  await expect(doc).toBeVisible();
  const text = await doc.innerText();
  for (const s of ["调解协议书", PARTY_XH, PARTY_TZ, TERMS.slice(0, 20), "优先雇用街上村和阳寨村两村村民", "凉伞—坪地边界联合调解委员会（印章）"]) expect(text).toContain(s);
  expect(text).toMatch(/XH-TJ-\d{4}-\d{4}/);
  await expect(page.getByTestId("agreement-signature")).toHaveCount(4);
  await expect(page.getByRole("navigation")).toBeHidden();
  await expect(page.getByTestId("viewer-county")).toBeHidden();
  await expect(page.getByTestId("agreement-print")).toBeHidden();
  await expect(page.getByTestId("agreement-form")).toBeHidden();
});
