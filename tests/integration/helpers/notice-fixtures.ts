/** Notices for tests, made through the real services (sendNotice, the step functions). */
import { and, eq } from "drizzle-orm";
import { noticeReceipts, records } from "~db/schema";
import { requireVisibleRecord } from "~/modules/access/policy.server";
import { getDb } from "~/modules/db/connection.server";
import type { NoticeStatus } from "~/modules/notices/machine";
import type { NoticeSendInput } from "~/modules/notices/schemas";
import { sendNotice } from "~/modules/notices/send.server";
import { closeNotice, signForNotice } from "~/modules/notices/steps.server";
import { countyIdOf, viewerOf } from "../../setup/demo";
import { pactIdBetween } from "../../setup/records";

let serial = 0;

/** A valid notice from `username` (an XH or TZ police liaison by default under XH–TZ, to the other). */
export function noticeInput(username: string, overrides: Partial<NoticeSendInput> = {}): NoticeSendInput {
  const code = username.split(".")[0].toUpperCase();
  const other = code === "XH" ? "TZ" : "XH";
  return {
    kind: "assistance",
    urgency: "normal",
    incidentAt: Date.now() - 3_600_000,
    placeText: `测试地点${++serial}`,
    crimeCategory: `盗窃${serial}`,
    summary: "测试用的简要案情",
    suspects: "男，约30岁",
    property: "电动车一辆",
    request: "请协查嫌疑人去向",
    pactId: pactIdBetween("XH", "TZ"),
    addresseeCountyIds: [countyIdOf(other)],
    policeOnly: true,
    handlingCode: "crime_fighting_only",
    vehicles: [{ plate: "湘N12345", type: "轿车", colour: "白色" }],
    ...overrides,
  };
}

export function sendAs(username: string, overrides: Partial<NoticeSendInput> = {}): number {
  const result = sendNotice(viewerOf(username), noticeInput(username, overrides));
  if (!result.ok) throw new Error(`send refused: ${JSON.stringify(result.errors)}`);
  return result.id;
}

export function recordOf(id: number) {
  return getDb().select().from(records).where(eq(records.id, id)).get()!;
}

export function receiptRow(id: number, code: string) {
  return getDb()
    .select()
    .from(noticeReceipts)
    .where(and(eq(noticeReceipts.recordId, id), eq(noticeReceipts.countyId, countyIdOf(code))))
    .get();
}

/** Moves an XH→TZ notice to `status`, signing as tz.police and closing as xh.police. */
export function moveNoticeTo(id: number, status: NoticeStatus): void {
  const sign = () => {
    const r = signForNotice(viewerOf("tz.police"), requireVisibleRecord(viewerOf("tz.police"), id));
    if (!r.ok) throw new Error(`sign refused ${JSON.stringify(r)}`);
  };
  const close = (action: "conclude" | "cancel") => {
    const r = closeNotice(viewerOf("xh.police"), requireVisibleRecord(viewerOf("xh.police"), id), action, { note: "测试" });
    if (!r.ok) throw new Error(`${action} refused ${JSON.stringify(r)}`);
  };
  if (status === "in_progress") sign();
  if (status === "concluded") {
    sign();
    close("conclude");
  }
  if (status === "cancelled") close("cancel");
}
