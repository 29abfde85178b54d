/**
 * Changing pacts: propose, countersign, decline, suspend, resume or ask to, terminate (withdraw). Each step
 * runs in one write transaction with its audit entry and its pact_events row; the pact is loaded
 * through the viewer's membership and updated with the membership in the WHERE clause. The
 * viewer's county always comes from the Viewer, never from a form.
 */
import { and, eq, sql } from "drizzle-orm";
import { pactEvents, pactLiaisons, pactMembers, pacts, pactWorkflows } from "~db/schema";
import { todayInChina } from "~/i18n";
import { mayManagePacts } from "~/modules/access/capabilities";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { writeTransaction, type Tx } from "~/modules/db/connection.server";
import { actorOf, recordDenial } from "~/modules/tenancy/users.server";
import { invalid, type FieldMessageKeys, type Refusal } from "./outcomes";
import { findMemberPact, standingOf, viewerIsMember, viewerSuspended } from "./pacts.server";
import { allEnabledPeopleOf, allOtherCounties } from "./people.server";
import type { ProposalInput } from "./schemas";
import { checkTransition, type PactAction, type PactStatus } from "./transitions";

export type StepResult = { ok: true; status: PactStatus } | Refusal;
export type ProposeResult = { ok: true; pactId: number } | Refusal;

/** Thrown inside a transaction when a scoped update finds nothing: rolls everything back. */
class StaleStep extends Error {}

function insertLiaisons(tx: Tx, pactId: number, countyId: number, userIds: readonly string[]) {
  for (const userId of userIds) tx.insert(pactLiaisons).values({ pactId, userId, countyId }).run();
}

function insertEvent(tx: Tx, viewer: Viewer, pactId: number, action: string, at: number, reason: string | null = null) {
  tx.insert(pactEvents).values({ pactId, action, countyId: viewer.countyId, userId: viewer.userId, reason, at }).run();
}

/**
 * A county's pl_staff or admin proposes a pact to one or more other counties. The proposing
 * county is signed at once (by the proposing user); each partner's signature is pending.
 */
export function proposePact(viewer: Viewer, input: ProposalInput, today = todayInChina()): ProposeResult {
  if (!mayManagePacts(viewer.roles)) {
    recordDenial(viewer, "pact", "new");
    return { ok: false, reason: "forbidden" };
  }
  return writeTransaction((tx): ProposeResult => {
    const errors: FieldMessageKeys = {};
    if (!allOtherCounties(tx, viewer.countyId, input.partnerCountyIds)) errors.partnerCountyIds = "form.invalidChoice";
    if (!allEnabledPeopleOf(tx, viewer.countyId, input.liaisonIds)) errors.liaisonIds = "form.invalidChoice";
    if (input.liaisonIds.length === 0) errors.liaisonIds = "pacts.form.liaisonsRequired";
    if (input.workflows.length === 0) errors.workflows = "pacts.form.workflowsRequired";
    if (input.endsOn !== null && input.endsOn <= input.startsOn) errors.endsOn = "pacts.form.endsBeforeStart";
    else if (input.endsOn !== null && input.endsOn < today) errors.endsOn = "pacts.form.endsInPast";
    if (Object.keys(errors).length > 0) return invalid(errors);

    const now = Date.now();
    const { id: pactId } = tx
      .insert(pacts)
      .values({
        title: input.title,
        proposerCountyId: viewer.countyId,
        status: "proposed",
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        articles: input.articles,
        createdBy: viewer.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: pacts.id })
      .get();
    tx.insert(pactMembers)
      .values({ pactId, countyId: viewer.countyId, signature: "signed", signedBy: viewer.userId, signedAt: now })
      .run();
    for (const countyId of input.partnerCountyIds) {
      tx.insert(pactMembers).values({ pactId, countyId, signature: "pending" }).run();
    }
    for (const workflow of input.workflows) tx.insert(pactWorkflows).values({ pactId, workflow }).run();
    insertLiaisons(tx, pactId, viewer.countyId, input.liaisonIds);
    insertEvent(tx, viewer, pactId, "propose", now);
    appendAudit(tx, actorOf(viewer), {
      action: "pact.propose",
      entityType: "pact",
      entityId: pactId,
      before: null,
      after: {
        status: "proposed",
        title: input.title,
        memberCountyIds: [viewer.countyId, ...input.partnerCountyIds],
        workflows: input.workflows,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        articles: input.articles,
        liaisonIds: input.liaisonIds,
      },
    });
    return { ok: true, pactId };
  });
}

interface StepInput {
  reason?: string | null;
  liaisonIds?: readonly string[];
}

/** One step of the state machine for the viewer's county, checked against PACT_TRANSITIONS. */
function takeStep(viewer: Viewer, pactId: number, action: PactAction, input: StepInput): StepResult {
  const reason = input.reason?.trim() || null;
  const liaisonIds = [...new Set(input.liaisonIds ?? [])];
  let outcome: StepResult;
  try {
    outcome = writeTransaction((tx): StepResult => {
      const row = findMemberPact(tx, viewer, pactId);
      if (!row) return { ok: false, reason: "not_found" };
      const check = checkTransition(standingOf(row), viewer, action);
      if (!check.ok) return check;
      const { transition } = check;
      if (transition.requires.includes("reason") && !reason) {
        return invalid({ reason: "form.required" });
      }
      if (transition.requires.includes("liaisons")) {
        if (liaisonIds.length === 0) return invalid({ liaisonIds: "pacts.form.liaisonsRequired" });
        if (!allEnabledPeopleOf(tx, viewer.countyId, liaisonIds)) {
          return invalid({ liaisonIds: "form.invalidChoice" });
        }
      }

      const now = Date.now();
      const ownMember = and(
        eq(pactMembers.pactId, pactId),
        eq(pactMembers.countyId, viewer.countyId),
        eq(pactMembers.signature, "pending"),
      );
      let to: PactStatus;
      if (action === "countersign") {
        const signed = tx.update(pactMembers).set({ signature: "signed", signedBy: viewer.userId, signedAt: now }).where(ownMember).run();
        if (signed.changes !== 1) throw new StaleStep();
        insertLiaisons(tx, pactId, viewer.countyId, liaisonIds);
        const stillPending = tx
          .select({ n: sql<number>`count(*)` })
          .from(pactMembers)
          .where(and(eq(pactMembers.pactId, pactId), eq(pactMembers.signature, "pending")))
          .get()!.n;
        to = stillPending === 0 ? "active" : "proposed";
      } else if (action === "decline") {
        const declined = tx.update(pactMembers).set({ signature: "declined", signedBy: viewer.userId, signedAt: now }).where(ownMember).run();
        if (declined.changes !== 1) throw new StaleStep();
        to = "declined";
      } else {
        to = transition.to as PactStatus;
      }

      const updated = tx
        .update(pacts)
        .set({ status: to, updatedAt: now })
        .where(and(
          eq(pacts.id, pactId),
          eq(pacts.status, row.status),
          viewerIsMember(viewer),
          action === "resume" ? viewerSuspended(viewer) : undefined,
        ))
        .run();
      if (updated.changes !== 1) throw new StaleStep();

      insertEvent(tx, viewer, pactId, action, now, reason);
      if (action === "countersign" && to === "active") insertEvent(tx, viewer, pactId, "activate", now);
      const signatureChange =
        action === "countersign" || action === "decline"
          ? { before: { signature: row.ownSignature }, after: { signature: action === "countersign" ? "signed" : "declined" } }
          : { before: {}, after: {} };
      appendAudit(tx, actorOf(viewer), {
        action: `pact.${action}`,
        entityType: "pact",
        entityId: pactId,
        before: { status: row.status, ...signatureChange.before },
        after: {
          status: to,
          ...signatureChange.after,
          ...(reason ? { reason } : {}),
          ...(action === "countersign" ? { liaisonIds } : {}),
        },
      });
      return { ok: true, status: to };
    });
  } catch (error) {
    if (error instanceof StaleStep) return { ok: false, reason: "conflict" };
    throw error;
  }
  if (!outcome.ok && outcome.reason === "forbidden") recordDenial(viewer, "pact", pactId);
  return outcome;
}

/**
 * The admin of an invited county signs for that county, naming its liaison persons. The pact
 * becomes active with the last signature.
 */
export function countersignPact(viewer: Viewer, pactId: number, input: { liaisonIds: readonly string[] }): StepResult {
  return takeStep(viewer, pactId, "countersign", input);
}

/** The admin of an invited county declines; the pact is declined for everyone. */
export function declinePact(viewer: Viewer, pactId: number, input: { reason?: string | null } = {}): StepResult {
  return takeStep(viewer, pactId, "decline", input);
}

/** Any member's pl_staff or admin suspends an active pact, with a reason. */
export function suspendPact(viewer: Viewer, pactId: number, input: { reason: string }): StepResult {
  return takeStep(viewer, pactId, "suspend", input);
}

/** The pl_staff or admin of the county that suspended the pact puts it back in force. */
export function resumePact(viewer: Viewer, pactId: number): StepResult {
  return takeStep(viewer, pactId, "resume", {});
}

/**
 * The pl_staff or admin of another member asks the suspending county to lift the suspension,
 * with an optional message; once per county and suspension. The pact stays suspended.
 */
export function requestResumption(viewer: Viewer, pactId: number, input: { reason?: string | null }): StepResult {
  return takeStep(viewer, pactId, "request_resume", input);
}

/**
 * Any member's pl_staff or admin ends an active or suspended pact, with a reason; while it is
 * still proposed, only the proposing county may (it withdraws the proposal).
 */
export function terminatePact(viewer: Viewer, pactId: number, input: { reason: string }): StepResult {
  return takeStep(viewer, pactId, "terminate", input);
}
