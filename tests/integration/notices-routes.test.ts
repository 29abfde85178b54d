/** The notice pages as Remix calls them: real signed-in Requests against loaders and actions. */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { attachments, noticeVehicles } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import { unreadCounts } from "~/modules/records/read-state.server";
import * as detail from "~/routes/notices.$noticeId";
import * as list from "~/routes/notices._index";
import * as send from "~/routes/notices.new";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { receiptRow, recordOf, sendAs } from "./helpers/notice-fixtures";
import { callRoute, pactGet as get, pactPost as post } from "./helpers/pact-requests";
import { ORIGIN, sessionCookieFor } from "./helpers/requests";

useDemoData();

const at = (id: number) => ({ path: `/notices/${id}`, params: { noticeId: String(id) } });
const PNG = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="), (c) => c.charCodeAt(0));

function validForm(): Record<string, string> {
  return {
    kind: "assistance", urgency: "urgent", incidentAt: "2026-01-05T21:30", placeText: "凉伞镇集市", crimeCategory: "盗窃",
    summary: "集市连续发生电动车被盗。", suspects: "男，约25岁，黑色外套", property: "电动车两辆", request: "请协查车辆去向",
    pactId: String(pactIdBetween("XH", "TZ")), restriction: "shared", handlingCode: "no_forwarding",
    "vehicle-0-plate": "湘N88888", "vehicle-0-type": "面包车", "vehicle-0-colour": "银色",
    "vehicle-2-plate": "黔H12345",
  };
}

describe("/notices/new", () => {
  it("sends a notice with vehicles, addressees and photos (the thread's first message)", async () => {
    const body = new FormData();
    for (const [k, v] of Object.entries(validForm())) body.append(k, v);
    body.append("addresseeCountyIds", String(countyIdOf("TZ")));
    body.append("files", new File([PNG], "截图.png", { type: "image/png" }));
    const request = new Request(new URL("/notices/new", ORIGIN), { method: "POST", headers: { Cookie: await sessionCookieFor("xh.police"), Origin: ORIGIN }, body });
    const answer = await callRoute(send.action, request);
    expect(answer.status).toBe(302);
    const id = Number(answer.location!.match(/^\/notices\/(\d+)\?notice=sent$/)![1]);
    expect(recordOf(id)).toMatchObject({ workflow: "notice", status: "sent", policeOnly: false, ownerCountyId: countyIdOf("XH") });
    expect(recordOf(id).refNo).toMatch(/^XH-TB-\d{4}-\d{4}$/);
    expect(getDb().select().from(noticeVehicles).where(eq(noticeVehicles.recordId, id)).all().map((v) => v.plate)).toEqual(["湘N88888", "黔H12345"]);
    expect(receiptRow(id, "TZ")).toBeTruthy();
    const page = await callRoute(detail.loader, await get("tz.police", at(id).path), at(id).params);
    const message = page.data.entries.find((e: { kind: string }) => e.kind === "message");
    expect(message.body).toBe("集市连续发生电动车被盗。");
    expect(getDb().select().from(attachments).where(eq(attachments.entryId, message.id)).all()).toHaveLength(1);
  });

  it("shows errors next to fields in Chinese and keeps what was typed", async () => {
    const fields: Record<string, string> = { ...validForm(), summary: "", "vehicle-1-plate": "x".repeat(31) };
    delete fields.kind;
    const answer = await callRoute(send.action, await post("xh.police", "/notices/new", fields));
    expect(answer.status).toBe(400);
    expect(answer.data.errors).toMatchObject({ kind: "请选择通报类型", summary: "请填写简要案情", addresseeCountyIds: "请至少选择一个接收县" });
    expect(answer.data.values.crimeCategory).toBe("盗窃");
  });

  it("refuses a county that is not a member of the pact as addressee", async () => {
    const answer = await callRoute(send.action, await post("xh.police", "/notices/new", { ...validForm(), addresseeCountyIds: String(countyIdOf("YP")) }));
    expect(answer.status).toBe(400);
    expect(answer.data.errors.addresseeCountyIds).toBeTruthy();
  });
});

describe("/notices and /notices/:noticeId", () => {
  it("lists by direction; the receiver signs, reports; the sender concludes", async () => {
    const id = sendAs("xh.police", { policeOnly: true });
    const sent = await callRoute(list.loader, await get("xh.police", "/notices?direction=sent"));
    expect(sent.data.items.some((i: { id: number }) => i.id === id)).toBe(true);
    expect(sent.data.maySend).toBe(true);
    const received = await callRoute(list.loader, await get("xh.police", "/notices?direction=received"));
    expect(received.data.items.some((i: { id: number }) => i.id === id)).toBe(false);
    expect((await callRoute(list.loader, await get("tz.police", "/notices?direction=received"))).data.items.some((i: { id: number }) => i.id === id)).toBe(true);

    const senderPage = await callRoute(detail.loader, await get("xh.police", at(id).path), at(id).params);
    expect(senderPage.data.notice).toMatchObject({ isSender: true, policeOnly: true, handlingCode: "crime_fighting_only" });
    expect(senderPage.data.notice.steps).toEqual(["cancel"]);
    const receiverPage = await callRoute(detail.loader, await get("tz.police", at(id).path), at(id).params);
    expect(receiverPage.data.notice.steps).toEqual(["sign"]);
    expect(unreadCounts(viewerOf("tz.police"), [id]).get(id) ?? 0).toBe(0);

    // The sender cannot sign, the receiver cannot conclude.
    expect((await callRoute(detail.action, await post("xh.police", at(id).path, { intent: "sign", status: "sent" }), at(id).params)).status).toBe(403);
    expect((await callRoute(detail.action, await post("tz.police", at(id).path, { intent: "cancel", status: "sent", note: "x" }), at(id).params)).status).toBe(403);

    const signed = await callRoute(detail.action, await post("tz.police", at(id).path, { intent: "sign", status: "sent" }), at(id).params);
    expect(signed).toMatchObject({ status: 302, location: `/notices/${id}?notice=sign` });
    const again = await callRoute(detail.action, await post("tz.police", at(id).path, { intent: "sign", status: "sent" }), at(id).params);
    expect(again.status).toBe(409);

    const missing = await callRoute(detail.action, await post("tz.police", at(id).path, { intent: "report_result", status: "in_progress", note: "" }), at(id).params);
    expect(missing.status).toBe(400);
    expect(missing.data.errors.result).toBe("请选择结果");
    const reported = await callRoute(
      detail.action,
      await post("tz.police", at(id).path, { intent: "report_result", status: "in_progress", result: "caught_and_recovered", suspectsCaught: "2", itemsRecovered: "1", note: "抓获两人" }),
      at(id).params,
    );
    expect(reported.status).toBe(302);
    expect(receiptRow(id, "TZ")).toMatchObject({ result: "caught_and_recovered", suspectsCaught: 2, itemsRecovered: 1 });

    const thread = await callRoute(detail.action, await post("tz.police", at(id).path, { intent: "thread", body: "嫌疑人已移交" }), at(id).params);
    expect(thread.status).toBe(302);

    const concluded = await callRoute(detail.action, await post("xh.police", at(id).path, { intent: "conclude", status: "in_progress", note: "办结" }), at(id).params);
    expect(concluded.status).toBe(302);
    expect(recordOf(id)).toMatchObject({ status: "concluded", dueAt: null });
  });

  it("answers 404 for a malformed or missing id and for a notice not addressed to the viewer", async () => {
    expect((await callRoute(detail.loader, await get("xh.police", "/notices/abc"), { noticeId: "abc" })).status).toBe(404);
    expect((await callRoute(detail.loader, await get("xh.police", "/notices/999999"), { noticeId: "999999" })).status).toBe(404);
    const id = sendAs("xh.police");
    expect((await callRoute(detail.action, await post("yp.police", at(id).path, { intent: "sign" }), at(id).params)).status).toBe(404);
    expect((await callRoute(detail.action, await post("zj.police", at(id).path, { intent: "thread", body: "越界" }), at(id).params)).status).toBe(404);
  });
});
