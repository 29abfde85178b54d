/**
 * The terms of a pact that an amendment can change: the workflows it covers, its end date and
 * the sign-for deadlines of case notices. Read as one value, compared, and written back in the
 * transaction that adopts an amendment.
 */
import { eq } from "drizzle-orm";
import { pacts, pactWorkflows } from "~db/schema";
import { WORKFLOWS, type Workflow } from "~/modules/access/capabilities";
import type { Tx } from "~/modules/db/connection.server";
import { signMinutesOf, writeNoticeDeadlines, type SignMinutes } from "~/modules/notices/deadlines.server";

export interface PactTerms {
  workflows: Workflow[];
  endsOn: string | null;
  /** The sign-for deadlines in force (the pact's own or the defaults). */
  noticeDeadlines: SignMinutes;
}

/** What an amendment changes: only the parts that differ are present. */
export interface TermChanges {
  workflows?: { from: Workflow[]; to: Workflow[]; added: Workflow[]; removed: Workflow[] };
  endsOn?: { from: string | null; to: string | null };
  noticeDeadlines?: { from: SignMinutes; to: SignMinutes };
}

const sortedWorkflows = (list: readonly Workflow[]) => WORKFLOWS.filter((w) => list.includes(w));

export function currentTermsOf(tx: Tx, pactId: number): PactTerms {
  const workflows = tx.select({ w: pactWorkflows.workflow }).from(pactWorkflows).where(eq(pactWorkflows.pactId, pactId)).all();
  const pact = tx.select({ endsOn: pacts.endsOn }).from(pacts).where(eq(pacts.id, pactId)).get();
  return {
    workflows: sortedWorkflows(workflows.map((r) => r.w)),
    endsOn: pact?.endsOn ?? null,
    noticeDeadlines: signMinutesOf(tx, pactId).minutes,
  };
}

/**
 * The differences between two sets of terms. Deadlines count only where the new terms cover
 * notices: a pact without notices has no deadlines to change.
 */
export function changesBetween(before: PactTerms, after: PactTerms): TermChanges {
  const changes: TermChanges = {};
  const from = sortedWorkflows(before.workflows);
  const to = sortedWorkflows(after.workflows);
  if (from.join() !== to.join()) {
    changes.workflows = {
      from,
      to,
      added: to.filter((w) => !from.includes(w)),
      removed: from.filter((w) => !to.includes(w)),
    };
  }
  if (before.endsOn !== after.endsOn) changes.endsOn = { from: before.endsOn, to: after.endsOn };
  const minutesDiffer = (Object.keys(after.noticeDeadlines) as (keyof SignMinutes)[]).some(
    (u) => before.noticeDeadlines[u] !== after.noticeDeadlines[u],
  );
  if (to.includes("notice") && minutesDiffer) {
    changes.noticeDeadlines = { from: before.noticeDeadlines, to: after.noticeDeadlines };
  }
  return changes;
}

export function hasChanges(changes: TermChanges): boolean {
  return Object.keys(changes).length > 0;
}

/** Writes what differs between the pact's terms now and `terms`, inside the adopting transaction. */
export function applyTerms(tx: Tx, pactId: number, terms: PactTerms, now: number): TermChanges {
  const changes = changesBetween(currentTermsOf(tx, pactId), terms);
  if (changes.workflows) {
    tx.delete(pactWorkflows).where(eq(pactWorkflows.pactId, pactId)).run();
    for (const workflow of changes.workflows.to) tx.insert(pactWorkflows).values({ pactId, workflow }).run();
  }
  if (changes.endsOn) tx.update(pacts).set({ endsOn: changes.endsOn.to, updatedAt: now }).where(eq(pacts.id, pactId)).run();
  if (changes.noticeDeadlines) writeNoticeDeadlines(tx, pactId, changes.noticeDeadlines.to);
  return changes;
}

/** Terms as stored in an amendment row (JSON), read back. */
export function parseTerms(stored: string): PactTerms {
  const value = JSON.parse(stored) as PactTerms;
  return { workflows: sortedWorkflows(value.workflows), endsOn: value.endsOn ?? null, noticeDeadlines: value.noticeDeadlines };
}
