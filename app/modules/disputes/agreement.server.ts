/**
 * The mediation agreement (调解协议书) of a dispute: who may write it, the document as a viewer may
 * see it (parties' personal data through partiesFor, so the printout follows the same masking rule),
 * and saving it. Every read starts from a record the access policy let the viewer see; every write
 * is scoped in SQL to that policy and the dispute's state, with its thread event and audit entry.
 */
import { and, asc, eq, inArray, like } from "drizzle-orm";
import {
  counties, disputeDetails, disputeParties, jointBodies, jointBodyMembers, mediationAgreements, mediationSessionMediators,
  mediationSessions, records, regions, threadEntries, userRoles, users,
} from "~db/schema";
import { todayInChina } from "~/i18n";
import { can } from "~/modules/access/capabilities";
import { denial, requireVisibleRecord, visibleRecordsFilter, type RecordRow } from "~/modules/access/policy.server";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, writeTransaction, type Tx } from "~/modules/db/connection.server";
import { appendThreadEvent } from "~/modules/records/thread.server";
import { actorOf } from "~/modules/tenancy/users.server";
import type { AgreementFields } from "./agreement-schemas";
import { judicialDaysLeft, judicialDeadline, judicialWindowClosingSoon, judicialWindowOpen } from "./judicial";
import { partiesFor, type DisputeCustody } from "./personal-data.server";

/** The agreement is written while mediating or once resolved. */
export const AGREEMENT_STATES = ["mediating", "resolved"] as const;
/** Judicial confirmation is tracked once there is an agreement, also after the return visit. */
export const JUDICIAL_STATES_OF_RECORD = ["mediating", "resolved", "followed_up"] as const;

export type AgreementRow = typeof mediationAgreements.$inferSelect;

export type AgreementRefusal =
  | { ok: false; reason: "forbidden" | "conflict" }
  | { ok: false; reason: "invalid"; errors: Record<string, string> };

/** A dispute the viewer may see, or the policy's 404 (also for records of other workflows). */
export function requireDisputeRecord(viewer: Viewer, idParam: string | undefined): RecordRow {
  const id = Number(idParam);
  const record = requireVisibleRecord(viewer, Number.isSafeInteger(id) ? id : -1);
  if (record.workflow !== "dispute") throw new Response("Not Found", { status: 404 });
  return record;
}

export function custodyOf(recordId: number): DisputeCustody {
  const row = getDb()
    .select({ leadCountyId: disputeDetails.leadCountyId, committeeId: disputeDetails.committeeId })
    .from(disputeDetails)
    .where(eq(disputeDetails.recordId, recordId))
    .get();
  if (!row) throw new Response("Not Found", { status: 404 });
  return row;
}

function isCommitteeMember(viewer: Viewer, committeeId: number | null): boolean {
  if (committeeId == null) return false;
  return !!getDb()
    .select({ u: jointBodyMembers.userId })
    .from(jointBodyMembers)
    .where(and(eq(jointBodyMembers.bodyId, committeeId), eq(jointBodyMembers.userId, viewer.userId)))
    .get();
}

/**
 * Mediators and political-legal staff of the lead county, or members of the committee handling the
 * dispute — in both cases only roles that may move disputes (the capability table), so a grid
 * worker who sits on a committee reports but does not write agreements.
 */
export function isAgreementWriter(viewer: Viewer, custody: DisputeCustody): boolean {
  if (!can(viewer.roles, "dispute", "transition")) return false;
  const handlesDisputes = viewer.roles.includes("mediator") || viewer.roles.includes("pl_staff");
  if (handlesDisputes && viewer.countyId === custody.leadCountyId) return true;
  return isCommitteeMember(viewer, custody.committeeId);
}

export function mayWriteAgreement(viewer: Viewer, record: RecordRow, custody: DisputeCustody): boolean {
  return (AGREEMENT_STATES as readonly string[]).includes(record.status) && isAgreementWriter(viewer, custody);
}

export function findAgreement(recordId: number): AgreementRow | null {
  return getDb().select().from(mediationAgreements).where(eq(mediationAgreements.recordId, recordId)).get() ?? null;
}

/**
 * The committees that handled the dispute: the one it is with now and every one its thread events
 * named on the way (e.g. a village-level committee before the dispute went up to the township's),
 * lower level first — the order in which a dispute climbs.
 */
function committeesOf(record: RecordRow, custody: DisputeCustody) {
  const db = getDb();
  const ids = new Set<number>(custody.committeeId == null ? [] : [custody.committeeId]);
  const events = db
    .select({ payload: threadEntries.payload })
    .from(threadEntries)
    .where(and(eq(threadEntries.recordId, record.id), eq(threadEntries.kind, "event"), like(threadEntries.payload, '%"committeeId"%')))
    .all();
  for (const e of events) {
    const id = (JSON.parse(e.payload!) as { committeeId?: unknown }).committeeId;
    if (typeof id === "number") ids.add(id);
  }
  if (ids.size === 0 || record.pactId == null) return [];
  const bodies = db
    .select({ id: jointBodies.id, name: jointBodies.name, level: jointBodies.level })
    .from(jointBodies)
    .where(and(inArray(jointBodies.id, [...ids]), eq(jointBodies.pactId, record.pactId), eq(jointBodies.kind, "mediation_committee")))
    .all();
  return bodies.sort((a, b) => (a.level === b.level ? a.id - b.id : a.level === "village" ? -1 : 1));
}

/** The mediators who sign: those present at the sessions, or else the committee's members who mediate. */
function mediatorsOf(recordId: number, custody: DisputeCustody) {
  const db = getDb();
  const present = db
    .selectDistinct({ userId: users.id, name: users.displayName, countyName: counties.name })
    .from(mediationSessionMediators)
    .innerJoin(mediationSessions, eq(mediationSessions.id, mediationSessionMediators.sessionId))
    .innerJoin(users, eq(users.id, mediationSessionMediators.userId))
    .innerJoin(counties, eq(counties.id, mediationSessionMediators.countyId))
    .where(eq(mediationSessions.recordId, recordId))
    .orderBy(asc(counties.id), asc(users.displayName))
    .all();
  if (present.length > 0 || custody.committeeId == null) return present;
  return db
    .selectDistinct({ userId: users.id, name: users.displayName, countyName: counties.name })
    .from(jointBodyMembers)
    .innerJoin(users, eq(users.id, jointBodyMembers.userId))
    .innerJoin(counties, eq(counties.id, jointBodyMembers.countyId))
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), inArray(userRoles.role, ["mediator", "pl_staff"])))
    .where(eq(jointBodyMembers.bodyId, custody.committeeId))
    .orderBy(asc(counties.id), asc(users.displayName))
    .all();
}

/** Everything the agreement page and its printout show, as this viewer may see it. */
export function agreementDocument(viewer: Viewer, record: RecordRow, today = todayInChina()) {
  const db = getDb();
  const custody = custodyOf(record.id);
  const partyRows = db
    .select({
      id: disputeParties.id, name: disputeParties.name, countyId: disputeParties.countyId, village: disputeParties.village,
      phone: disputeParties.phone, idNumber: disputeParties.idNumber, countyName: counties.name,
    })
    .from(disputeParties)
    .innerJoin(counties, eq(counties.id, disputeParties.countyId))
    .where(eq(disputeParties.recordId, record.id))
    .orderBy(asc(disputeParties.position), asc(disputeParties.id))
    .all();
  const lead = db.select({ name: counties.name }).from(counties).where(eq(counties.id, custody.leadCountyId)).get();
  const region = record.regionId
    ? db.select({ name: regions.name }).from(regions).where(eq(regions.id, record.regionId)).get()
    : undefined;
  const agreement = findAgreement(record.id);
  const judicial = agreement
    ? {
        deadline: judicialDeadline(agreement.signedOn),
        daysLeft: judicialDaysLeft(agreement.signedOn, today),
        open: judicialWindowOpen(agreement.signedOn, today),
        closingSoon: judicialWindowClosingSoon(agreement, today),
      }
    : null;
  const writer = isAgreementWriter(viewer, custody);
  return {
    record: {
      id: record.id, refNo: record.refNo, title: record.title, status: record.status,
      placeText: record.placeText, regionName: region?.name ?? null,
    },
    leadCountyName: lead?.name ?? "",
    committees: committeesOf(record, custody),
    parties: partiesFor(viewer, custody, partyRows),
    mediators: mediatorsOf(record.id, custody),
    agreement,
    judicial,
    mayWrite: mayWriteAgreement(viewer, record, custody),
    mayTrackJudicial: writer && !!agreement && (JUDICIAL_STATES_OF_RECORD as readonly string[]).includes(record.status),
    today,
  };
}

/**
 * Scopes a write to the policy and the states it needs: touches the record only if the viewer
 * still sees it and it is still in one of `states`. False when the page went stale.
 */
export function touchDispute(tx: Tx, viewer: Viewer, recordId: number, states: readonly string[], now: number): boolean {
  const changed = tx
    .update(records)
    .set({ updatedAt: now })
    .where(and(eq(records.id, recordId), inArray(records.status, [...states]), visibleRecordsFilter(viewer)))
    .run();
  return changed.changes > 0;
}

/** Writes or rewrites the agreement. The signing date is fixed once confirmation was applied for. */
export function saveAgreement(
  viewer: Viewer,
  record: RecordRow,
  fields: AgreementFields,
  today = todayInChina(),
): { ok: true; created: boolean } | AgreementRefusal {
  const custody = custodyOf(record.id);
  if (!isAgreementWriter(viewer, custody)) {
    denial(viewer, "dispute", record.id, "agreement");
    return { ok: false, reason: "forbidden" };
  }
  if (!(AGREEMENT_STATES as readonly string[]).includes(record.status)) return { ok: false, reason: "conflict" };
  if (fields.signedOn > today) return { ok: false, reason: "invalid", errors: { signedOn: "disputes.agreement.error.signedOnFuture" } };
  return writeTransaction((tx) => {
    const now = Date.now();
    const before = tx.select().from(mediationAgreements).where(eq(mediationAgreements.recordId, record.id)).get();
    if (before && before.judicialStatus !== "not_applied" && before.signedOn !== fields.signedOn) {
      return { ok: false, reason: "invalid", errors: { signedOn: "disputes.agreement.error.signedOnLocked" } } as const;
    }
    if (!touchDispute(tx, viewer, record.id, AGREEMENT_STATES, now)) return { ok: false, reason: "conflict" } as const;
    if (before) {
      tx.update(mediationAgreements).set({ ...fields, updatedAt: now }).where(eq(mediationAgreements.recordId, record.id)).run();
    } else {
      tx.insert(mediationAgreements).values({ recordId: record.id, ...fields, createdBy: viewer.userId, createdAt: now, updatedAt: now }).run();
    }
    appendThreadEvent(tx, viewer, record.id, { action: before ? "agreement_updated" : "agreement_signed", payload: { signedOn: fields.signedOn } });
    appendAudit(tx, actorOf(viewer), {
      action: before ? "dispute.agreement.update" : "dispute.agreement.create",
      entityType: "dispute",
      entityId: record.id,
      before: before ? { facts: before.facts, issues: before.issues, terms: before.terms, performance: before.performance, signedOn: before.signedOn } : undefined,
      after: fields,
    });
    return { ok: true, created: !before } as const;
  });
}
