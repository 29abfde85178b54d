/**
 * Per-pact sign-for deadlines (签收时限) of case notices, by urgency, in minutes. A pact without
 * its own rows uses the defaults of the notice machine (24 h / 2 h / 30 min). Political-legal staff
 * and county admins of a member county set them on a pact that covers notices; each change is
 * written with its audit entry in one transaction.
 */
import { data, redirect } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { pactNoticeDeadlines, pactWorkflows } from "~db/schema";
import { NOTICE_URGENCIES } from "~db/schema/notices";
import { todayInChina, type Translate } from "~/i18n";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, type Tx } from "~/modules/db/connection.server";
import { formValues, parseForm } from "~/modules/forms/validation";
import type { FormAnswer } from "~/modules/pacts/answers.server";
import { findMemberPact } from "~/modules/pacts/pacts.server";
import { pactPhase } from "~/modules/pacts/transitions";
import { recordDenial } from "~/modules/tenancy/users.server";
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

/** The deadlines form: one whole number of minutes per urgency. */
export const noticeDeadlinesSchema = z.object({
  normal: z.preprocess(required, minutesField),
  urgent: z.preprocess(required, minutesField),
  critical: z.preprocess(required, minutesField),
});

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

function coversNotices(tx: Tx, pactId: number): boolean {
  return !!tx
    .select({ pactId: pactWorkflows.pactId })
    .from(pactWorkflows)
    .where(and(eq(pactWorkflows.pactId, pactId), eq(pactWorkflows.workflow, "notice")))
    .get();
}

/** Roles that may set a pact's deadlines. */
export function maySetNoticeDeadlines(viewer: Viewer): boolean {
  return viewer.roles.includes("pl_staff") || viewer.roles.includes("county_admin");
}

export interface NoticeDeadlinesView {
  minutes: SignMinutes;
  own: Record<NoticeUrgency, boolean>;
  mayEdit: boolean;
  limits: { min: number; max: number };
}

/**
 * What the pact page shows: null when the viewer's county is not a member or the pact does not
 * cover notices (then there is no card).
 */
export function noticeDeadlinesFor(viewer: Viewer, pactId: number, today = todayInChina()): NoticeDeadlinesView | null {
  const db = getDb();
  const pact = findMemberPact(db, viewer, pactId);
  if (!pact || !coversNotices(db, pactId)) return null;
  const phase = pactPhase(pact, today);
  return {
    ...signMinutesOf(db, pactId),
    mayEdit: maySetNoticeDeadlines(viewer) && phase !== "terminated" && phase !== "expired",
    limits: { min: MIN_SIGN_MINUTES, max: MAX_SIGN_MINUTES },
  };
}

export type SetDeadlinesResult =
  | { ok: true; minutes: SignMinutes }
  | { ok: false; reason: "not_found" | "forbidden" | "closed" };

/**
 * Sets all three deadlines of a pact (validated input). Not a member, or a pact without notices:
 * not_found; a role that may not: forbidden (both recorded as denials); a terminated or expired
 * pact: closed. The rows and their audit entry are written in one transaction.
 */
export function setNoticeDeadlines(viewer: Viewer, pactId: number, input: SignMinutes, today = todayInChina()): SetDeadlinesResult {
  const refusal = getDb().transaction(
    (tx): SetDeadlinesResult | null => {
      const pact = findMemberPact(tx, viewer, pactId);
      if (!pact || !coversNotices(tx, pactId)) return { ok: false, reason: "not_found" };
      if (!maySetNoticeDeadlines(viewer)) return { ok: false, reason: "forbidden" };
      const phase = pactPhase(pact, today);
      if (phase === "terminated" || phase === "expired") return { ok: false, reason: "closed" };
      const before = signMinutesOf(tx, pactId).minutes;
      for (const urgency of NOTICE_URGENCIES) {
        tx.insert(pactNoticeDeadlines)
          .values({ pactId, urgency, minutes: input[urgency] })
          .onConflictDoUpdate({ target: [pactNoticeDeadlines.pactId, pactNoticeDeadlines.urgency], set: { minutes: input[urgency] } })
          .run();
      }
      appendAudit(
        tx,
        { userId: viewer.userId, name: viewer.displayName, countyId: viewer.countyId, ip: viewer.ip },
        { action: "pact.notice_deadlines.set", entityType: "pact", entityId: pactId, before, after: { ...input } },
      );
      return null;
    },
    { behavior: "immediate" },
  );
  if (refusal === null) return { ok: true, minutes: { ...input } };
  // Denials are written in a transaction of their own, once the write lock is released.
  if (refusal.ok === false && refusal.reason !== "closed") recordDenial(viewer, "pact", pactId);
  return refusal;
}

/**
 * The pact page's `notice_deadlines` intent: validates the form, sets the deadlines, and answers
 * as the page's other forms do (400 with messages in the viewer's language, 404/403 thrown, 409
 * on a closed pact); on success the redirect the route should throw.
 */
export function answerNoticeDeadlinesForm(viewer: Viewer, pactId: number, formData: FormData, t: Translate) {
  const intent = "notice_deadlines";
  const parsed = parseForm(noticeDeadlinesSchema, formData, t);
  if (!parsed.ok) return data<FormAnswer>({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = setNoticeDeadlines(viewer, pactId, parsed.data);
  if (result.ok) return redirect(`/pacts/${pactId}?deadlines=saved`);
  if (result.reason === "not_found") throw new Response("Not Found", { status: 404 });
  if (result.reason === "forbidden") throw new Response("Forbidden", { status: 403 });
  return data<FormAnswer>(
    { intent, errors: {}, values: formValues(formData), formError: t("notices.deadlines.error.closed") },
    { status: 409 },
  );
}
