/**
 * Reading pacts. A viewer sees a pact only when their county is a member: every query here
 * joins on the viewer's membership inside SQL, so a pact of other counties never appears in a
 * list, a count or a detail. A hidden pact looks exactly like a missing one (null / 404).
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { counties, pactEvents, pactLiaisons, pactMembers, pacts, pactWorkflows, users } from "~db/schema";
import { todayInChina } from "~/i18n";
import { WORKFLOWS, type Workflow } from "~/modules/access/capabilities";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, type Tx } from "~/modules/db/connection.server";
import { recordDenial } from "~/modules/tenancy/users.server";
import { pactPhase, type PactPhase, type PactStanding, type Signature } from "./transitions";

export type PactRow = typeof pacts.$inferSelect;
/**
 * A pact together with the signature of the viewer's own county, the county that suspended it
 * (read from its history while it is suspended) and whether the viewer's county asked to lift that.
 */
export type MemberPactRow = PactRow & { ownSignature: Signature; suspenderCountyId: number | null; askedToResume: boolean };

/** A pact id from the URL; anything but a positive integer is no pact at all. */
export function parsePactId(raw: string | undefined): number | null {
  if (!raw || !/^[1-9]\d{0,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/** SQL true when the viewer's county is a member of the pact `pactIdColumn`. */
export function viewerIsMember(viewer: Viewer, pactIdColumn: SQL | typeof pacts.id = pacts.id): SQL {
  return sql`exists (select 1 from pact_members vm where vm.pact_id = ${pactIdColumn} and vm.county_id = ${viewer.countyId})`;
}

/** The newest suspension of the pact: the county that took it lies in the same row. */
const lastSuspension = sql`(select max(se.id) from pact_events se where se.pact_id = ${pacts.id} and se.action = 'suspend')`;

const memberPactColumns = (viewer: Viewer) => ({
  id: pacts.id,
  title: pacts.title,
  proposerCountyId: pacts.proposerCountyId,
  status: pacts.status,
  startsOn: pacts.startsOn,
  endsOn: pacts.endsOn,
  articles: pacts.articles,
  createdBy: pacts.createdBy,
  createdAt: pacts.createdAt,
  updatedAt: pacts.updatedAt,
  ownSignature: pactMembers.signature,
  suspenderCountyId: sql<number | null>`case when ${pacts.status} = 'suspended'
    then (select e.county_id from pact_events e where e.id = ${lastSuspension}) end`,
  askedToResume: sql<number>`exists (select 1 from pact_events re where re.pact_id = ${pacts.id}
    and re.action = 'request_resume' and re.county_id = ${viewer.countyId} and re.id > coalesce(${lastSuspension}, 0))`
    .mapWith(Boolean),
});

/** The viewer's county's pacts matching `where`, newest first (the join is the membership). */
function memberPacts(tx: Tx, viewer: Viewer, where?: SQL): MemberPactRow[] {
  return tx
    .select(memberPactColumns(viewer))
    .from(pacts)
    .innerJoin(pactMembers, and(eq(pactMembers.pactId, pacts.id), eq(pactMembers.countyId, viewer.countyId)))
    .where(where)
    .orderBy(desc(pacts.createdAt), desc(pacts.id))
    .all();
}

/** One pact if the viewer's county is a member of it; null otherwise. No side effects. */
export function findMemberPact(tx: Tx, viewer: Viewer, pactId: number): MemberPactRow | null {
  return memberPacts(tx, viewer, eq(pacts.id, pactId))[0] ?? null;
}

export function standingOf(row: MemberPactRow, today = todayInChina()): PactStanding {
  return {
    phase: pactPhase(row, today),
    proposerCountyId: row.proposerCountyId,
    ownSignature: row.ownSignature,
    suspenderCountyId: row.suspenderCountyId,
    askedToResume: row.askedToResume,
  };
}

/**
 * SQL true when the county that suspended the pact is the viewer's, the scope of a resumption
 * (a suspension without a recorded suspender, which no step writes, is any member's to lift).
 */
export function viewerSuspended(viewer: Viewer): SQL {
  return sql`coalesce((select e.county_id from pact_events e where e.id = ${lastSuspension}), ${viewer.countyId}) = ${viewer.countyId}`;
}

/**
 * Records the denial of a pact the viewer may not open. Hidden and missing ids leave the same
 * trace, so not even the viewer's own audit log tells which ids exist elsewhere.
 */
function noteHiddenPact(viewer: Viewer, pactId: number) {
  recordDenial(viewer, "pact", pactId);
}

/** The pact for a route: a member pact, or a 404 that is the same for missing and hidden ones. */
export function requireMemberPact(viewer: Viewer, rawId: string | undefined): MemberPactRow {
  const pactId = parsePactId(rawId);
  const row = pactId === null ? null : findMemberPact(getDb(), viewer, pactId);
  if (row) return row;
  if (pactId !== null) noteHiddenPact(viewer, pactId);
  throw new Response("Not Found", { status: 404 });
}

export interface PactMemberView {
  countyId: number;
  countyName: string;
  signature: Signature;
  signedAt: number | null;
  signedByName: string | null;
  isProposer: boolean;
  isOwn: boolean;
}

export interface PactSummary {
  id: number;
  title: string;
  status: PactRow["status"];
  phase: PactPhase;
  startsOn: string;
  endsOn: string | null;
  createdAt: number;
  proposerCountyId: number;
  ownSignature: Signature;
  members: PactMemberView[];
  workflows: Workflow[];
}

/** Members (proposer first) and workflows of the given pacts, as summaries. */
function summarise(tx: Tx, viewer: Viewer, rows: MemberPactRow[], today: string): PactSummary[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const memberRows = tx
    .select({
      pactId: pactMembers.pactId,
      countyId: pactMembers.countyId,
      countyName: counties.name,
      countyCode: counties.code,
      signature: pactMembers.signature,
      signedAt: pactMembers.signedAt,
      signedByName: users.displayName,
    })
    .from(pactMembers)
    .innerJoin(counties, eq(counties.id, pactMembers.countyId))
    .leftJoin(users, eq(users.id, pactMembers.signedBy))
    .where(inArray(pactMembers.pactId, ids))
    .orderBy(asc(counties.code))
    .all();
  const workflowRows = tx.select().from(pactWorkflows).where(inArray(pactWorkflows.pactId, ids)).all();
  return rows.map((row) => {
    const members = memberRows
      .filter((m) => m.pactId === row.id)
      .map(({ pactId: _p, countyCode: _c, ...m }) => ({
        ...m,
        isProposer: m.countyId === row.proposerCountyId,
        isOwn: m.countyId === viewer.countyId,
      }))
      .sort((a, b) => Number(b.isProposer) - Number(a.isProposer));
    const covered = new Set(workflowRows.filter((w) => w.pactId === row.id).map((w) => w.workflow));
    return {
      id: row.id,
      title: row.title,
      status: row.status,
      phase: pactPhase(row, today),
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      createdAt: row.createdAt,
      proposerCountyId: row.proposerCountyId,
      ownSignature: row.ownSignature,
      members,
      workflows: WORKFLOWS.filter((w) => covered.has(w)),
    };
  });
}

/** Every pact of the viewer's county, newest first. */
export function listPactsOf(viewer: Viewer, today = todayInChina()): PactSummary[] {
  const db = getDb();
  return summarise(db, viewer, memberPacts(db, viewer), today);
}

/** Proposed pacts that wait for the signature of the viewer's county (待会签). */
export function pendingCountersignatures(viewer: Viewer, today = todayInChina()): PactSummary[] {
  const db = getDb();
  const rows = memberPacts(db, viewer, and(eq(pacts.status, "proposed"), eq(pactMembers.signature, "pending")));
  return summarise(db, viewer, rows, today);
}

/** Proposed pacts the viewer's county has signed that still wait for another member. */
export function pactsAwaitingOthers(viewer: Viewer, today = todayInChina()): PactSummary[] {
  const db = getDb();
  const rows = memberPacts(
    db,
    viewer,
    and(
      eq(pacts.status, "proposed"),
      eq(pactMembers.signature, "signed"),
      sql`exists (select 1 from pact_members om where om.pact_id = ${pacts.id} and om.signature = 'pending')`,
    ),
  );
  return summarise(db, viewer, rows, today);
}

/** Pacts of the viewer's county that are active and not expired (including ones not yet started). */
export function activePactsOf(viewer: Viewer, today = todayInChina()): PactSummary[] {
  const db = getDb();
  const rows = memberPacts(
    db,
    viewer,
    and(eq(pacts.status, "active"), sql`(${pacts.endsOn} is null or ${pacts.endsOn} >= ${today})`),
  );
  return summarise(db, viewer, rows, today);
}

/** The liaison persons of a pact, per member county. */
export function liaisonsOf(tx: Tx, pactId: number) {
  return tx
    .select({
      countyId: pactLiaisons.countyId,
      userId: users.id,
      displayName: users.displayName,
      title: users.title,
      phone: users.phone,
      disabled: users.disabled,
    })
    .from(pactLiaisons)
    .innerJoin(users, eq(users.id, pactLiaisons.userId))
    .where(eq(pactLiaisons.pactId, pactId))
    .orderBy(asc(users.username))
    .all();
}

/** Every step of a pact in time order, with who took it for which county. */
export function historyOf(tx: Tx, pactId: number) {
  return tx
    .select({
      id: pactEvents.id,
      action: pactEvents.action,
      reason: pactEvents.reason,
      at: pactEvents.at,
      userName: users.displayName,
      countyName: counties.name,
    })
    .from(pactEvents)
    .innerJoin(users, eq(users.id, pactEvents.userId))
    .innerJoin(counties, eq(counties.id, pactEvents.countyId))
    .where(eq(pactEvents.pactId, pactId))
    .orderBy(asc(pactEvents.at), asc(pactEvents.id))
    .all();
}

export type PactDetail = PactSummary & {
  articles: string;
  standing: PactStanding;
  proposedByName: string;
  liaisons: ReturnType<typeof liaisonsOf>;
  history: ReturnType<typeof historyOf>;
};

/**
 * One pact with members, signatures, liaisons and history; null when it does not exist or the
 * viewer's county is not a member (the latter is recorded as a denial).
 */
export function getPactFor(viewer: Viewer, pactId: number, today = todayInChina()): PactDetail | null {
  const db = getDb();
  const row = findMemberPact(db, viewer, pactId);
  if (!row) {
    noteHiddenPact(viewer, pactId);
    return null;
  }
  const [summary] = summarise(db, viewer, [row], today);
  const proposer = db.select({ name: users.displayName }).from(users).where(eq(users.id, row.createdBy)).get();
  return {
    ...summary,
    articles: row.articles,
    standing: standingOf(row, today),
    proposedByName: proposer?.name ?? "",
    liaisons: liaisonsOf(db, pactId),
    history: historyOf(db, pactId),
  };
}
