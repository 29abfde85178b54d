/**
 * What a pact's page shows of its amendments: the one open now (what it changes, who proposed it,
 * each member's signature), the steps the viewer may take, and the terms in force to start a
 * proposal from. Member pacts only; an amendment of a pact that has ended is not shown.
 */
import { asc, eq } from "drizzle-orm";
import { counties, pactAmendmentSignatures, users } from "~db/schema";
import { todayInChina } from "~/i18n";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { MAX_SIGN_MINUTES, MIN_SIGN_MINUTES } from "~/modules/notices/deadlines.server";
import { AMENDABLE_PHASES, amendmentStepsFor, type AmendmentAction } from "./amendment-steps";
import { changesBetween, currentTermsOf, parseTerms, type PactTerms, type TermChanges } from "./amendment-terms.server";
import { amendmentStandingOf } from "./amendments.server";
import { findMemberPact } from "./pacts.server";
import type { Signature } from "./transitions";

export interface OpenAmendmentView {
  id: number;
  proposerCountyName: string;
  proposedByName: string;
  proposedAt: number;
  note: string;
  changes: TermChanges;
  signatures: { countyName: string; signature: Signature; signedAt: number | null; signedByName: string | null; isOwn: boolean }[];
}

export interface AmendmentPanel {
  open: OpenAmendmentView | null;
  choices: AmendmentAction[];
  /** The terms in force, to fill the proposal form (only when the viewer may propose). */
  current: PactTerms | null;
  limits: { min: number; max: number };
}

/** Null when the viewer's county is not a member; otherwise the panel (possibly empty). */
export function amendmentPanelFor(viewer: Viewer, pactId: number, today = todayInChina()): AmendmentPanel | null {
  const db = getDb();
  const pact = findMemberPact(db, viewer, pactId);
  if (!pact) return null;
  const { open, standing } = amendmentStandingOf(db, viewer, pact, today);
  const choices = amendmentStepsFor(standing, viewer);
  const limits = { min: MIN_SIGN_MINUTES, max: MAX_SIGN_MINUTES };
  const current = choices.includes("propose") ? currentTermsOf(db, pactId) : null;
  if (!open || !AMENDABLE_PHASES.includes(standing.phase)) return { open: null, choices, current, limits };

  const proposer = db.select({ name: counties.name }).from(counties).where(eq(counties.id, open.proposerCountyId)).get();
  const proposedBy = db.select({ name: users.displayName }).from(users).where(eq(users.id, open.proposedBy)).get();
  const signatures = db
    .select({
      countyId: pactAmendmentSignatures.countyId,
      countyName: counties.name,
      signature: pactAmendmentSignatures.signature,
      signedAt: pactAmendmentSignatures.signedAt,
      signedByName: users.displayName,
    })
    .from(pactAmendmentSignatures)
    .innerJoin(counties, eq(counties.id, pactAmendmentSignatures.countyId))
    .leftJoin(users, eq(users.id, pactAmendmentSignatures.signedBy))
    .where(eq(pactAmendmentSignatures.amendmentId, open.id))
    .orderBy(asc(counties.code))
    .all()
    .map(({ countyId, ...s }) => ({ ...s, isOwn: countyId === viewer.countyId }));
  return {
    open: {
      id: open.id,
      proposerCountyName: proposer?.name ?? "",
      proposedByName: proposedBy?.name ?? "",
      proposedAt: open.proposedAt,
      note: open.note,
      changes: changesBetween(parseTerms(open.termsBefore), parseTerms(open.terms)),
      signatures,
    },
    choices,
    current,
    limits,
  };
}
