/**
 * Mediation sessions (调解会): date, place, the mediators present from each side, the parties
 * present, notes. Logged by mediators and political-legal staff of a county that sees the
 * dispute (the record is loaded through the policy first), while the dispute is being handled.
 * The mediators are chosen among the enabled mediators and pl_staff of the dispute's counties
 * (owner and addressees), each listed by county. Audited with a thread event that names the
 * session, never any party's phone or ID number.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { counties, mediationSessionMediators, mediationSessions, records, userRoles, users } from "~db/schema";
import { can } from "~/modules/access/capabilities";
import { denial, type RecordRow } from "~/modules/access/policy.server";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, writeTransaction, type Tx } from "~/modules/db/connection.server";
import { invalid, type Refusal } from "~/modules/hazards/outcomes";
import { appendThreadEvent } from "~/modules/records/thread.server";
import { actorOf } from "~/modules/tenancy/users.server";
import { countiesOfDispute } from "./detail.server";
import { SESSION_STATUSES, type DisputeStatus } from "./machine";
import type { SessionInput } from "./schemas";

const SESSION_ROLES = ["mediator", "pl_staff"] as const;

/** Whether the viewer may log sessions on disputes at all (their county must also see the dispute). */
export function mayLogSessions(viewer: Viewer): boolean {
  return can(viewer.roles, "dispute", "transition") && viewer.roles.some((r) => (SESSION_ROLES as readonly string[]).includes(r));
}

/** Whether sessions may be logged in this state. */
export function sessionsOpen(record: Pick<RecordRow, "status">): boolean {
  return (SESSION_STATUSES as readonly string[]).includes(record.status as DisputeStatus);
}

export interface MediatorChoice {
  userId: string;
  displayName: string;
  title: string;
  countyId: number;
  countyName: string;
}

/** Enabled mediators and pl_staff of the dispute's counties, by county (owner first). */
export function mediatorChoices(record: RecordRow, tx: Tx = getDb()): { countyId: number; countyName: string; people: MediatorChoice[] }[] {
  const involved = countiesOfDispute(record, tx);
  const rows = tx
    .selectDistinct({ userId: users.id, displayName: users.displayName, title: users.title, countyId: users.countyId, username: users.username })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(inArray(users.countyId, involved.map((c) => c.countyId)), eq(users.disabled, false), inArray(userRoles.role, [...SESSION_ROLES])))
    .orderBy(asc(users.username))
    .all();
  return involved.map((c) => ({
    countyId: c.countyId,
    countyName: c.name,
    people: rows.filter((r) => r.countyId === c.countyId).map(({ username: _u, ...r }) => ({ ...r, countyName: c.name })),
  }));
}

export type SessionResult = { ok: true; sessionId: number } | Refusal;

/** Logs a session on a dispute the viewer has loaded through the policy. */
export function logSession(viewer: Viewer, record: RecordRow, input: SessionInput): SessionResult {
  if (!mayLogSessions(viewer)) {
    denial(viewer, "dispute", record.id, "session");
    return { ok: false, reason: "forbidden" };
  }
  if (!sessionsOpen(record)) return { ok: false, reason: "conflict" };
  return writeTransaction((tx): SessionResult => {
    const current = tx.select({ status: records.status }).from(records).where(eq(records.id, record.id)).get();
    if (!current || !sessionsOpen(current)) return { ok: false, reason: "conflict" };
    const offered = mediatorChoices(record, tx).flatMap((c) => c.people);
    const chosen = input.mediatorIds.map((id) => offered.find((p) => p.userId === id));
    if (chosen.some((p) => !p)) return invalid({ mediatorIds: "disputes.error.mediators" });
    const now = Date.now();
    const { id } = tx
      .insert(mediationSessions)
      .values({
        recordId: record.id,
        heldOn: input.heldOn,
        place: input.place,
        partiesPresent: input.partiesPresent,
        notes: input.notes,
        createdBy: viewer.userId,
        createdAt: now,
      })
      .returning({ id: mediationSessions.id })
      .get();
    for (const p of chosen) tx.insert(mediationSessionMediators).values({ sessionId: id, userId: p!.userId, countyId: p!.countyId }).run();
    tx.update(records).set({ updatedAt: now }).where(eq(records.id, record.id)).run();
    const summary = { sessionId: id, heldOn: input.heldOn, place: input.place };
    appendThreadEvent(tx, viewer, record.id, { action: "session", fromStatus: current.status, toStatus: current.status, payload: summary });
    appendAudit(tx, actorOf(viewer), {
      action: "dispute.session",
      entityType: "dispute",
      entityId: record.id,
      after: { ...summary, mediatorIds: input.mediatorIds, partiesPresent: input.partiesPresent, notes: input.notes },
    });
    return { ok: true, sessionId: id };
  });
}

/** The sessions of a dispute, oldest first, with the mediators present by county. */
export function listSessions(recordId: number, tx: Tx = getDb()) {
  const sessions = tx
    .select({
      id: mediationSessions.id,
      heldOn: mediationSessions.heldOn,
      place: mediationSessions.place,
      partiesPresent: mediationSessions.partiesPresent,
      notes: mediationSessions.notes,
      createdAt: mediationSessions.createdAt,
      loggedByName: users.displayName,
    })
    .from(mediationSessions)
    .innerJoin(users, eq(users.id, mediationSessions.createdBy))
    .where(eq(mediationSessions.recordId, recordId))
    .orderBy(asc(mediationSessions.heldOn), asc(mediationSessions.id))
    .all();
  if (sessions.length === 0) return [];
  const mediators = tx
    .select({ sessionId: mediationSessionMediators.sessionId, displayName: users.displayName, countyName: counties.name, countyId: counties.id })
    .from(mediationSessionMediators)
    .innerJoin(users, eq(users.id, mediationSessionMediators.userId))
    .innerJoin(counties, eq(counties.id, mediationSessionMediators.countyId))
    .where(inArray(mediationSessionMediators.sessionId, sessions.map((s) => s.id)))
    .orderBy(asc(counties.code), asc(users.username))
    .all();
  return sessions.map((s) => ({
    ...s,
    mediators: mediators.filter((m) => m.sessionId === s.id).map(({ sessionId: _s, ...m }) => m),
  }));
}
export type SessionView = ReturnType<typeof listSessions>[number];
