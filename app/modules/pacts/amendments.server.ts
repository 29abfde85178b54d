/**
 * Amending a pact's terms: propose, countersign, decline, withdraw (see amendment-steps.ts). Each
 * step runs in one write transaction with its audit entry and its pact_events row; the pact is
 * loaded through the viewer's membership, the amendment named by the form must be the one still
 * open, and every update carries its guard in the WHERE clause. The terms change in the same
 * transaction as the last countersignature, never before.
 */
import { and, eq, sql } from "drizzle-orm";
import { pactAmendments, pactAmendmentSignatures, pactEvents, pactMembers } from "~db/schema";
import { todayInChina } from "~/i18n";
import type { Workflow } from "~/modules/access/capabilities";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { writeTransaction, type Tx } from "~/modules/db/connection.server";
import type { SignMinutes } from "~/modules/notices/deadlines.server";
import { actorOf, recordDenial } from "~/modules/tenancy/users.server";
import { checkAmendmentStep, type AmendmentAction, type AmendmentStanding } from "./amendment-steps";
import { applyTerms, changesBetween, currentTermsOf, hasChanges, parseTerms, type PactTerms } from "./amendment-terms.server";
import { invalid, type FieldMessageKeys, type Refusal } from "./outcomes";
import { findMemberPact, viewerIsMember, type MemberPactRow } from "./pacts.server";
import { pactPhase } from "./transitions";

export interface AmendmentInput {
  workflows: readonly Workflow[];
  endsOn: string | null;
  /** New sign-for deadlines; null keeps those in force. */
  noticeDeadlines: SignMinutes | null;
  note: string | null;
}

export type OpenAmendmentRow = typeof pactAmendments.$inferSelect;

/** Thrown inside a transaction when a guarded update finds nothing: rolls everything back. */
class StaleStep extends Error {}

/** The amendment of a pact that is open now, if any. */
export function openAmendmentOf(tx: Tx, pactId: number): OpenAmendmentRow | null {
  return tx.select().from(pactAmendments)
    .where(and(eq(pactAmendments.pactId, pactId), eq(pactAmendments.status, "proposed"))).get() ?? null;
}

export function amendmentStandingOf(tx: Tx, viewer: Viewer, pact: MemberPactRow, today: string) {
  const open = openAmendmentOf(tx, pact.id);
  const own = open
    ? tx.select({ signature: pactAmendmentSignatures.signature }).from(pactAmendmentSignatures)
      .where(and(eq(pactAmendmentSignatures.amendmentId, open.id), eq(pactAmendmentSignatures.countyId, viewer.countyId))).get()
    : undefined;
  const standing: AmendmentStanding = {
    phase: pactPhase(pact, today),
    open: open ? { proposerCountyId: open.proposerCountyId, ownSignature: own?.signature ?? "signed" } : null,
  };
  return { open, standing };
}

interface StepContext {
  tx: Tx;
  pact: MemberPactRow;
  open: OpenAmendmentRow | null;
  now: number;
  event: (action: string, reason?: string | null) => void;
}

/** Runs one step for the viewer's county; a refusal for its county or roles is audited as a denial. */
function amendmentStep<T extends { ok: true }>(
  viewer: Viewer,
  pactId: number,
  action: AmendmentAction,
  amendmentId: number | null,
  today: string,
  body: (ctx: StepContext) => T | Refusal,
): T | Refusal {
  let outcome: T | Refusal;
  try {
    outcome = writeTransaction((tx): T | Refusal => {
      const pact = findMemberPact(tx, viewer, pactId);
      if (!pact) return { ok: false, reason: "not_found" };
      const { open, standing } = amendmentStandingOf(tx, viewer, pact, today);
      const check = checkAmendmentStep(standing, viewer, action);
      if (!check.ok) return check;
      if (action !== "propose" && open?.id !== amendmentId) return { ok: false, reason: "conflict" };
      const now = Date.now();
      const event = (name: string, reason: string | null = null) =>
        tx.insert(pactEvents).values({ pactId, action: name, countyId: viewer.countyId, userId: viewer.userId, reason, at: now }).run();
      return body({ tx, pact, open, now, event });
    });
  } catch (error) {
    if (error instanceof StaleStep) return { ok: false, reason: "conflict" };
    throw error;
  }
  if (!outcome.ok && outcome.reason === "forbidden") recordDenial(viewer, "pact", pactId);
  return outcome;
}

function closeAmendment(tx: Tx, viewer: Viewer, amendmentId: number, status: "adopted" | "declined" | "withdrawn", now: number) {
  const closed = tx.update(pactAmendments)
    .set({ status, closedBy: viewer.userId, closedAt: now })
    .where(and(
      eq(pactAmendments.id, amendmentId),
      eq(pactAmendments.status, "proposed"),
      viewerIsMember(viewer, sql`${pactAmendments.pactId}`),
      // Only the proposing county withdraws; only the others decline.
      status === "withdrawn" ? eq(pactAmendments.proposerCountyId, viewer.countyId) : undefined,
      status === "declined" ? sql`${pactAmendments.proposerCountyId} <> ${viewer.countyId}` : undefined,
    ))
    .run();
  if (closed.changes !== 1) throw new StaleStep();
}

function termErrors(pact: MemberPactRow, input: AmendmentInput, today: string): FieldMessageKeys {
  const errors: FieldMessageKeys = {};
  if (input.workflows.length === 0) errors.workflows = "pacts.form.workflowsRequired";
  if (input.endsOn !== null && input.endsOn <= pact.startsOn) errors.endsOn = "pacts.form.endsBeforeStart";
  else if (input.endsOn !== null && input.endsOn < today) errors.endsOn = "pacts.form.endsInPast";
  return errors;
}

/**
 * A member's pl_staff or admin proposes new terms. The proposing county signs at once; every
 * other member's signature is pending. A proposal that changes nothing is refused.
 */
export function proposeAmendment(viewer: Viewer, pactId: number, input: AmendmentInput, today = todayInChina()) {
  return amendmentStep(viewer, pactId, "propose", null, today, ({ tx, pact, now, event }) => {
    const errors = termErrors(pact, input, today);
    if (Object.keys(errors).length > 0) return invalid(errors);
    const before = currentTermsOf(tx, pactId);
    const terms: PactTerms = {
      workflows: [...new Set(input.workflows)],
      endsOn: input.endsOn,
      noticeDeadlines: input.workflows.includes("notice") && input.noticeDeadlines ? { ...input.noticeDeadlines } : before.noticeDeadlines,
    };
    const changes = changesBetween(before, terms);
    if (!hasChanges(changes)) return invalid({ _form: "pacts.amend.noChange" });
    const note = input.note?.trim() ?? "";
    const { id: amendmentId } = tx.insert(pactAmendments).values({
      pactId, proposerCountyId: viewer.countyId, proposedBy: viewer.userId, proposedAt: now, status: "proposed",
      termsBefore: JSON.stringify(before), terms: JSON.stringify(terms), note,
    }).returning({ id: pactAmendments.id }).get();
    const members = tx.select({ countyId: pactMembers.countyId }).from(pactMembers).where(eq(pactMembers.pactId, pactId)).all();
    for (const { countyId } of members) {
      const own = countyId === viewer.countyId;
      tx.insert(pactAmendmentSignatures).values({
        amendmentId, countyId, signature: own ? "signed" : "pending", signedBy: own ? viewer.userId : null, signedAt: own ? now : null,
      }).run();
    }
    event("amend_propose", note || null);
    appendAudit(tx, actorOf(viewer), {
      action: "pact.amendment.propose",
      entityType: "pact",
      entityId: pactId,
      before,
      after: { amendmentId, ...terms, ...(note ? { note } : {}) },
    });
    return { ok: true as const, amendmentId };
  });
}

/**
 * The admin of another member signs the open amendment for that county. With the last signature
 * the new terms are written, in the same transaction.
 */
export function countersignAmendment(viewer: Viewer, pactId: number, input: { amendmentId: number }, today = todayInChina()) {
  return amendmentStep(viewer, pactId, "countersign", input.amendmentId, today, ({ tx, open, now, event }) => {
    const amendmentId = open!.id;
    const signed = tx.update(pactAmendmentSignatures)
      .set({ signature: "signed", signedBy: viewer.userId, signedAt: now })
      .where(and(
        eq(pactAmendmentSignatures.amendmentId, amendmentId),
        eq(pactAmendmentSignatures.countyId, viewer.countyId),
        eq(pactAmendmentSignatures.signature, "pending"),
      ))
      .run();
    if (signed.changes !== 1) throw new StaleStep();
    event("amend_countersign");
    appendAudit(tx, actorOf(viewer), {
      action: "pact.amendment.countersign",
      entityType: "pact",
      entityId: pactId,
      before: { amendmentId, signature: "pending" },
      after: { amendmentId, signature: "signed" },
    });
    const pending = tx.select({ n: sql<number>`count(*)` }).from(pactAmendmentSignatures)
      .where(and(eq(pactAmendmentSignatures.amendmentId, amendmentId), eq(pactAmendmentSignatures.signature, "pending"))).get()!.n;
    if (pending > 0) return { ok: true as const, adopted: false };

    const before = currentTermsOf(tx, pactId);
    const terms = parseTerms(open!.terms);
    closeAmendment(tx, viewer, amendmentId, "adopted", now);
    applyTerms(tx, pactId, terms, now);
    event("amend_adopt");
    appendAudit(tx, actorOf(viewer), {
      action: "pact.amendment.adopt",
      entityType: "pact",
      entityId: pactId,
      before,
      after: { amendmentId, ...terms },
    });
    return { ok: true as const, adopted: true };
  });
}

/** The admin of another member declines the open amendment, with a reason; the terms stay. */
export function declineAmendment(viewer: Viewer, pactId: number, input: { amendmentId: number; reason: string }, today = todayInChina()) {
  const reason = input.reason.trim();
  return amendmentStep(viewer, pactId, "decline", input.amendmentId, today, ({ tx, open, now, event }) => {
    if (!reason) return invalid({ reason: "form.required" });
    const amendmentId = open!.id;
    const declined = tx.update(pactAmendmentSignatures)
      .set({ signature: "declined", signedBy: viewer.userId, signedAt: now })
      .where(and(
        eq(pactAmendmentSignatures.amendmentId, amendmentId),
        eq(pactAmendmentSignatures.countyId, viewer.countyId),
        eq(pactAmendmentSignatures.signature, "pending"),
      ))
      .run();
    if (declined.changes !== 1) throw new StaleStep();
    closeAmendment(tx, viewer, amendmentId, "declined", now);
    event("amend_decline", reason);
    appendAudit(tx, actorOf(viewer), {
      action: "pact.amendment.decline",
      entityType: "pact",
      entityId: pactId,
      before: { amendmentId, status: "proposed" },
      after: { amendmentId, status: "declined", reason },
    });
    return { ok: true as const };
  });
}

/** The proposing county's pl_staff or admin withdraws the open amendment (a reason may be given). */
export function withdrawAmendment(viewer: Viewer, pactId: number, input: { amendmentId: number; reason?: string | null }, today = todayInChina()) {
  const reason = input.reason?.trim() || null;
  return amendmentStep(viewer, pactId, "withdraw", input.amendmentId, today, ({ tx, open, now, event }) => {
    const amendmentId = open!.id;
    closeAmendment(tx, viewer, amendmentId, "withdrawn", now);
    event("amend_withdraw", reason);
    appendAudit(tx, actorOf(viewer), {
      action: "pact.amendment.withdraw",
      entityType: "pact",
      entityId: pactId,
      before: { amendmentId, status: "proposed" },
      after: { amendmentId, status: "withdrawn", ...(reason ? { reason } : {}) },
    });
    return { ok: true as const };
  });
}
