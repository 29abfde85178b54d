/** Sign-for deadlines (签收时限) and overdue receipts; time always from Date.now() unless given. */
import { and, eq, isNull } from "drizzle-orm";
import { noticeReceipts } from "~db/schema";
import type { Tx } from "~/modules/db/connection.server";
import { signMinutesOf } from "./deadlines.server";
import type { NOTICE_URGENCIES } from "./vocabulary";

export type NoticeUrgency = (typeof NOTICE_URGENCIES)[number];
export const MINUTE_MS = 60_000;

/** Minutes to sign for a notice of `urgency` under the pact: its own setting, else the default. */
export function signMinutesFor(tx: Tx, pactId: number, urgency: NoticeUrgency): number {
  return signMinutesOf(tx, pactId).minutes[urgency];
}

/** The earliest deadline among receipts not yet signed (records.due_at), or null. */
export function earliestUnsignedDeadline(tx: Tx, recordId: number, exceptCountyId?: number): number | null {
  const rows = tx
    .select({ countyId: noticeReceipts.countyId, deadline: noticeReceipts.signDeadline })
    .from(noticeReceipts)
    .where(and(eq(noticeReceipts.recordId, recordId), isNull(noticeReceipts.signedAt)))
    .all()
    .filter((r) => r.countyId !== exceptCountyId);
  return rows.length ? Math.min(...rows.map((r) => r.deadline)) : null;
}

/** A receipt is overdue when nobody signed and its deadline has passed; late when signed after it. */
export function receiptState(r: { signDeadline: number; signedAt: number | null }, now = Date.now()) {
  if (r.signedAt === null) return r.signDeadline < now ? "overdue" : "waiting";
  return r.signedAt > r.signDeadline ? "signed_late" : "signed";
}
