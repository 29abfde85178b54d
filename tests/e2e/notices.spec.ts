/**
 * The motorbike theft end to end, two people in two browsers: XH's police liaison sends TZ an
 * urgent assistance request with a video still; TZ's police liaison finds it in the inbox waiting
 * to be signed for, signs, and reports three suspects caught and the bike recovered; XH sees the
 * receipt signed and the result and concludes it; XH's political-legal staff cannot open it (police only).
 */
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

// A 1×1 PNG: stands in for the still from the surveillance video.
const STILL = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

/** A Beijing wall-clock time `minutesAgo` before now, as a datetime-local value. */
function beijingLocal(minutesAgo: number): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(Date.now() - minutesAgo * 60_000);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

test("the motorbike theft: sent with a photo, signed for, result reported, concluded; police only", async ({ browser }) => {
  test.setTimeout(90_000);
  const xhContext = await browser.newContext();
  const tzContext = await browser.newContext();
  const xh = await xhContext.newPage();
  const tz = await tzContext.newPage();

  // XH's police liaison sends the urgent assistance request with the video still.
  await signIn(xh, "xh.police");
  await xh.goto("/notices/new");
  await xh.getByLabel("协查请求").check();
  await xh.getByLabel("紧急", { exact: true }).check();
  await xh.getByLabel("案发时间").fill(beijingLocal(100));
  await xh.getByLabel("案发地点").fill("新晃县林冲镇林冲村（端到端测试）");
  await xh.getByLabel("案件类别").fill("盗窃摩托车");
  await xh.getByLabel("简要案情").fill("凌晨一辆红色摩托车被盗，监控显示三名嫌疑人骑车驶入天柱县境内。");
  await xh.getByLabel("嫌疑人特征").fill("男性三名，二十岁左右");
  await xh.getByLabel("车牌号").first().fill("湘N·3K721");
  await xh.getByLabel("涉案财物").fill("红色二轮摩托车一辆");
  await xh.locator("#f-files").setInputFiles({ name: "监控截图.png", mimeType: "image/png", buffer: STILL });
  await xh.getByLabel("请求对方").fill("请协助设卡查缉，发现线索即通报我所。");
  await xh.getByRole("button", { name: "发出通报" }).click();
  await expect(xh).toHaveURL(/\/notices\/\d+/);
  const noticeUrl = new URL(xh.url()).pathname;
  const refNo = (await xh.getByTestId("notice-ref").innerText()).trim();
  expect(refNo).toMatch(/^XH-TB-\d{4}-\d{4}$/);
  await expect(xh.getByTestId("thread-attachments").getByRole("img", { name: "监控截图.png" })).toBeVisible();

  // TZ's police liaison finds it in the inbox, waiting to be signed for, and signs.
  await signIn(tz, "tz.police");
  await tz.goto("/inbox");
  const item = tz.getByTestId("inbox-item").filter({ hasText: refNo });
  await expect(item).toContainText("待您办理");
  await expect(item).toContainText("签收");
  await item.click();
  await expect(tz).toHaveURL(new RegExp(`${noticeUrl}$`));
  await tz.getByTestId("step-sign").getByRole("button", { name: "签收" }).click();
  await expect(tz.getByTestId("notice-receipts").locator("tbody tr")).toHaveAttribute("data-state", "signed");

  // …and reports the result: three suspects caught, the bike recovered.
  const report = tz.getByTestId("step-report_result");
  await report.getByLabel("结果").selectOption({ label: "抓获嫌疑人并追回财物" });
  await report.getByLabel("抓获人数").fill("3");
  await report.getByLabel("追回财物（件）").fill("1");
  await report.getByLabel("说明").fill("三名嫌疑人在邦洞街道落网，被盗摩托车追回。");
  await report.getByRole("button", { name: "反馈结果" }).click();
  await expect(tz.getByTestId("notice-receipts")).toContainText("抓获 3 人，追回 1 件");

  // XH sees the receipt signed and the result, and concludes with thanks.
  await xh.goto(noticeUrl);
  const receipts = xh.getByTestId("notice-receipts");
  await expect(receipts.locator("tbody tr")).toHaveAttribute("data-state", "signed");
  await expect(receipts).toContainText("抓获 3 人，追回 1 件");
  const conclude = xh.getByTestId("step-conclude");
  await conclude.getByLabel("说明").fill("案件告破，本通报办结。感谢天柱警方的大力协助！");
  await conclude.getByRole("button", { name: "办结" }).click();
  await expect(xh.getByText("已办结").first()).toBeVisible();
  await expect(xh.getByTestId("step-conclude")).toHaveCount(0);

  // XH's political-legal staff: a police-only notice does not exist for them.
  const plContext = await browser.newContext();
  const pl = await plContext.newPage();
  await signIn(pl, "xh.pl");
  const response = await pl.goto(noticeUrl);
  expect(response?.status()).toBe(404);

  await Promise.all([xhContext.close(), tzContext.close(), plContext.close()]);
});
