/**
 * Per-pact sign-for deadlines (签收时限) of case notices, by urgency, in minutes. A pact without
 * its own rows uses the defaults of the notice machine (24 h / 2 h / 30 min). They are terms of
 * the pact: they change only with an amendment every member has countersigned.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { pactNoticeDeadlines, pactWorkflows } from "~db/schema";
import { NOTICE_URGENCIES } from "~db/schema/notices";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, type Tx } from "~/modules/db/connection.server";
import { findMemberPact } from "~/modules/pacts/pacts.server";
import { DEFAULT_SIGN_MINUTES } from "./machine";

export type NoticeUrgency = (typeof NOTICE_URGENCIES)[number];
export type SignMinutes = Record<NoticeUrgency, number>;

export const MIN_SIGN_MINUTES = 5;
/** One week. */
export const MAX_SIGN_MINUTES = 10_080;

const minutesField = z.coerce
  .number({ error: "notices.deadlines.error.minutes" })
  .int({ error: "notices.deadlines.error.minutes" })
  .min(MIN_SIGN_MINUTES, { error: "notices.deadlines.error.minutes" })
  .max(MAX_SIGN_MINUTES, { error: "notices.deadlines.error.minutes" });

const required = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** The deadline fields of a form: one whole number of minutes per urgency. */
export const noticeDeadlineFields = {
  normal: z.preprocess(required, minutesField),
  urgent: z.preprocess(required, minutesField),
  critical: z.preprocess(required, minutesField),
};

/** The pact's deadlines (its own rows, else the defaults) and which of them are its own. */
export function signMinutesOf(tx: Tx, pactId: number | null): { minutes: SignMinutes; own: Record<NoticeUrgency, boolean> } {
  const minutes: SignMinutes = { ...DEFAULT_SIGN_MINUTES };
  const own: Record<NoticeUrgency, boolean> = { normal: false, urgent: false, critical: false };
  if (pactId !== null) {
    for (const row of tx.select().from(pactNoticeDeadlines).where(eq(pactNoticeDeadlines.pactId, pactId)).all()) {
      minutes[row.urgency] = row.minutes;
      own[row.urgency] = true;
    }
  }
  return { minutes, own };
}

/** When a county must sign for a notice of `urgency` sent at `sentAt` under `pactId` (ms). */
export function signDeadlineFor(tx: Tx, pactId: number | null, urgency: NoticeUrgency, sentAt: number): number {
  return sentAt + signMinutesOf(tx, pactId).minutes[urgency] * 60_000;
}

export function coversNotices(tx: Tx, pactId: number): boolean {
  return !!tx
    .select({ pactId: pactWorkflows.pactId })
    .from(pactWorkflows)
    .where(and(eq(pactWorkflows.pactId, pactId), eq(pactWorkflows.workflow, "notice")))
    .get();
}

export interface NoticeDeadlinesView {
  minutes: SignMinutes;
  own: Record<NoticeUrgency, boolean>;
  limits: { min: number; max: number };
}

/**
 * What the pact page shows: null when the viewer's county is not a member or the pact does not
 * cover notices (then there is no card).
 */
export function noticeDeadlinesFor(viewer: Viewer, pactId: number): NoticeDeadlinesView | null {
  const db = getDb();
  const pact = findMemberPact(db, viewer, pactId);
  if (!pact || !coversNotices(db, pactId)) return null;
  return { ...signMinutesOf(db, pactId), limits: { min: MIN_SIGN_MINUTES, max: MAX_SIGN_MINUTES } };
}

/**
 * Writes all three deadlines of a pact, inside the caller's transaction. Only an adopted
 * amendment of the pact's terms calls this (see app/modules/pacts/amendments.server.ts): no
 * member changes them alone. The caller writes the audit entry.
 */
export function writeNoticeDeadlines(tx: Tx, pactId: number, minutes: SignMinutes): void {
  for (const urgency of NOTICE_URGENCIES) {
    tx.insert(pactNoticeDeadlines)
      .values({ pactId, urgency, minutes: minutes[urgency] })
      .onConflictDoUpdate({ target: [pactNoticeDeadlines.pactId, pactNoticeDeadlines.urgency], set: { minutes: minutes[urgency] } })
      .run();
  }
}
