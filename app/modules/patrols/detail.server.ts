/**
 * One patrol as its page shows it, loaded through the access policy: a patrol the viewer may not
 * see (another pact, a role without patrols) answers 404 like a missing one. The records its
 * findings opened are named only when the viewer may see them.
 */
import { asc, eq } from "drizzle-orm";
import { counties, jointBodies, pacts, patrolDetails, patrolFindings, patrolParticipants, patrolRegions, regions, users } from "~db/schema";
import { can } from "~/modules/access/capabilities";
import { requireVisibleRecord, type RecordRow } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { placePath } from "~/modules/hazards/places.server";
import { visibleRecordsById } from "~/modules/records/links.server";
import { transitionsForViewer } from "~/modules/records/transitions.server";
import { PATROL_MACHINE, type PatrolAction, type PatrolStatus } from "./machine";
import { FINDING_TARGETS, type FindingTarget } from "./vocabulary";

export function parseRecordId(raw: string | undefined | null): number | null {
  if (!raw || !/^[1-9]\d{0,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/** The patrol for a route: 404 when malformed, missing, hidden or not a patrol. */
export function requirePatrol(viewer: Viewer, raw: string | undefined): RecordRow {
  const id = parseRecordId(raw);
  if (id === null) throw new Response("Not Found", { status: 404 });
  const record = requireVisibleRecord(viewer, id);
  if (record.workflow !== "patrol") throw new Response("Not Found", { status: 404 });
  return record;
}

/** Findings are logged once the patrol is under way, and after it ended, by those who patrol. */
export function mayLogFinding(viewer: Viewer, record: RecordRow): boolean {
  return (record.status === "in_progress" || record.status === "completed") && can(viewer.roles, "patrol", "transition");
}

/** The workflows the viewer's roles may open from a finding (a case notice: police liaisons only). */
export function openTargetsFor(viewer: Viewer): FindingTarget[] {
  return FINDING_TARGETS.filter(
    (w) => can(viewer.roles, w, "create") && (w !== "notice" || viewer.roles.includes("police_liaison")),
  );
}

function regionNamesOf(recordId: number) {
  return getDb()
    .select({ id: regions.id, name: regions.name, countyName: counties.name })
    .from(patrolRegions)
    .innerJoin(regions, eq(regions.id, patrolRegions.regionId))
    .innerJoin(counties, eq(counties.id, regions.countyId))
    .where(eq(patrolRegions.recordId, recordId))
    .orderBy(asc(counties.code), asc(regions.id))
    .all()
    .map((r) => ({ ...r, path: placePath(r.id).join(" · ") }));
}

export function findingsOf(viewer: Viewer, recordId: number) {
  const rows = getDb()
    .select({
      id: patrolFindings.id,
      foundAt: patrolFindings.foundAt,
      description: patrolFindings.description,
      regionId: patrolFindings.regionId,
      regionName: regions.name,
      openedRecordId: patrolFindings.openedRecordId,
      createdByName: users.displayName,
      createdAt: patrolFindings.createdAt,
    })
    .from(patrolFindings)
    .innerJoin(users, eq(users.id, patrolFindings.createdBy))
    .leftJoin(regions, eq(regions.id, patrolFindings.regionId))
    .where(eq(patrolFindings.recordId, recordId))
    .orderBy(asc(patrolFindings.foundAt), asc(patrolFindings.id))
    .all();
  const opened = visibleRecordsById(viewer, rows.map((r) => r.openedRecordId).filter((id): id is number => id !== null));
  return rows.map(({ openedRecordId, ...r }) => ({
    ...r,
    opened: openedRecordId === null ? null : (opened.get(openedRecordId) ?? { hidden: true as const }),
  }));
}

/** Everything the page shows, for a record already loaded through the policy. */
export function describePatrol(viewer: Viewer, record: RecordRow) {
  const db = getDb();
  const head = db
    .select({ details: patrolDetails, teamName: jointBodies.name, pactId: pacts.id, pactTitle: pacts.title })
    .from(patrolDetails)
    .innerJoin(jointBodies, eq(jointBodies.id, patrolDetails.teamId))
    .innerJoin(pacts, eq(pacts.id, jointBodies.pactId))
    .where(eq(patrolDetails.recordId, record.id))
    .get();
  if (!head) throw new Response("Not Found", { status: 404 });
  const participants = db
    .select({ userId: users.id, displayName: users.displayName, title: users.title, countyId: patrolParticipants.countyId, countyName: counties.name })
    .from(patrolParticipants)
    .innerJoin(users, eq(users.id, patrolParticipants.userId))
    .innerJoin(counties, eq(counties.id, patrolParticipants.countyId))
    .where(eq(patrolParticipants.recordId, record.id))
    .orderBy(asc(counties.code), asc(users.username))
    .all();
  const people = db.select({ name: users.displayName }).from(users).where(eq(users.id, record.createdBy)).get();
  const owner = db.select({ name: counties.name }).from(counties).where(eq(counties.id, record.ownerCountyId)).get();
  const d = head.details;
  return {
    id: record.id,
    refNo: record.refNo,
    title: record.title,
    status: record.status as PatrolStatus,
    createdAt: record.createdAt,
    plannerName: people?.name ?? "",
    ownerCountyName: owner?.name ?? "",
    pact: { id: head.pactId, title: head.pactTitle },
    teamName: head.teamName,
    kind: d.kind,
    patrolOn: d.patrolOn,
    plannedStart: d.plannedStart,
    plannedEnd: d.plannedEnd,
    route: d.route,
    startedAt: d.startedAt,
    endedAt: d.endedAt,
    peopleChecked: d.peopleChecked,
    vehiclesChecked: d.vehiclesChecked,
    summary: d.summary,
    regions: regionNamesOf(record.id),
    participants,
    findings: findingsOf(viewer, record.id),
    steps: transitionsForViewer(viewer, record, PATROL_MACHINE).map((t) => t.action) as PatrolAction[],
    mayLogFinding: mayLogFinding(viewer, record),
    openTargets: openTargetsFor(viewer),
  };
}

export type PatrolDetail = ReturnType<typeof describePatrol>;
