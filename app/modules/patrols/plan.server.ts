/**
 * Planning a joint patrol (制定巡防计划): for a joint patrol team of a pact in force that covers
 * patrols and has the viewer's county as member; participants are the team's members, at least
 * one from every member county; the regions may be of any member county. One write transaction
 * holds the record (shared with the pact's other members), its details, regions, participants
 * and the audit entries; a refused field writes nothing.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { counties, jointBodies, jointBodyMembers, patrolDetails, patrolParticipants, patrolRegions, regions, users } from "~db/schema";
import { assertCan } from "~/modules/access/policy.server";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, writeTransaction, type Tx } from "~/modules/db/connection.server";
import { placesOf, type CountyPlaces } from "~/modules/hazards/places.server";
import { invalid, type Refusal } from "~/modules/hazards/outcomes";
import { createRecord, pactChoicesFor, usablePactMembers } from "~/modules/records/create.server";
import { actorOf } from "~/modules/tenancy/users.server";
import { PATROL_MACHINE } from "./machine";
import type { PlanInput } from "./schemas";
import type { PatrolKind } from "./vocabulary";

/** How a patrol's title names its kind (stored with the record, like any title). */
const KIND_IN_TITLE: Record<PatrolKind, string> = { routine: "常规巡防", peak_hours: "高峰时段巡防", sensitive_period: "敏感时期巡防" };

export function patrolTitle(teamName: string, kind: PatrolKind, patrolOn: string): string {
  return `${teamName}${KIND_IN_TITLE[kind]}（${patrolOn}）`.slice(0, 120);
}

export interface TeamMemberChoice {
  userId: string;
  displayName: string;
  title: string;
  duty: string;
  countyId: number;
  countyName: string;
}

export interface TeamChoice {
  id: number;
  name: string;
  pactId: number;
  pactTitle: string;
  memberCountyIds: number[];
  members: TeamMemberChoice[];
}

/** The members of some teams, county by county. */
export function teamMembersOf(tx: Tx, teamIds: readonly number[]) {
  if (teamIds.length === 0) return [];
  return tx
    .select({
      teamId: jointBodyMembers.bodyId,
      userId: users.id,
      displayName: users.displayName,
      title: users.title,
      duty: jointBodyMembers.duty,
      countyId: jointBodyMembers.countyId,
      countyName: counties.name,
    })
    .from(jointBodyMembers)
    .innerJoin(users, eq(users.id, jointBodyMembers.userId))
    .innerJoin(counties, eq(counties.id, jointBodyMembers.countyId))
    .where(and(inArray(jointBodyMembers.bodyId, [...teamIds]), eq(users.disabled, false)))
    .orderBy(asc(counties.code), asc(users.username))
    .all();
}

/**
 * What the plan form offers: the patrol teams of the pacts the viewer's county may share patrols
 * under today, each with its members, and the places of every county of those pacts.
 */
export function planChoicesFor(viewer: Viewer): { teams: TeamChoice[]; places: CountyPlaces[] } {
  const db = getDb();
  const pacts = pactChoicesFor(viewer, "patrol");
  if (pacts.length === 0) return { teams: [], places: [] };
  const bodies = db
    .select({ id: jointBodies.id, name: jointBodies.name, pactId: jointBodies.pactId })
    .from(jointBodies)
    .where(and(inArray(jointBodies.pactId, pacts.map((p) => p.id)), eq(jointBodies.kind, "patrol_team")))
    .orderBy(asc(jointBodies.pactId), asc(jointBodies.id))
    .all();
  const members = teamMembersOf(db, bodies.map((b) => b.id));
  const teams = bodies.map((b) => {
    const pact = pacts.find((p) => p.id === b.pactId)!;
    return {
      ...b,
      pactTitle: pact.title,
      memberCountyIds: [viewer.countyId, ...pact.partners.map((c) => c.countyId)],
      members: members.filter((m) => m.teamId === b.id).map(({ teamId: _t, ...m }) => m),
    };
  });
  const countyIds = [viewer.countyId, ...new Set(pacts.flatMap((p) => p.partners.map((c) => c.countyId)))].filter(
    (id, i, all) => all.indexOf(id) === i,
  );
  const names = db.select({ id: counties.id, name: counties.name }).from(counties).where(inArray(counties.id, countyIds)).all();
  const byCounty = placesOf(countyIds, db);
  const places = countyIds.map((countyId) => ({
    countyId,
    countyName: names.find((n) => n.id === countyId)?.name ?? "",
    isOwn: countyId === viewer.countyId,
    regions: byCounty.get(countyId) ?? [],
  }));
  return { teams, places };
}

export type PlanResult = { ok: true; id: number; refNo: string } | Refusal;

/** The checks of a plan against the team's pact and members, inside the transaction; field → key. */
function planErrors(tx: Tx, viewer: Viewer, input: PlanInput) {
  const team = tx
    .select({ id: jointBodies.id, name: jointBodies.name, pactId: jointBodies.pactId })
    .from(jointBodies)
    .where(and(eq(jointBodies.id, input.teamId), eq(jointBodies.kind, "patrol_team")))
    .get();
  const pactMembers = team ? usablePactMembers(tx, viewer, team.pactId, "patrol") : null;
  if (!team || !pactMembers) return { errors: { teamId: "patrols.error.teamNotUsable" } };
  const errors: Record<string, string> = {};
  const members = teamMembersOf(tx, [team.id]);
  const chosen = members.filter((m) => input.participantIds.includes(m.userId));
  if (chosen.length !== input.participantIds.length) errors.participantIds = "form.invalidChoice";
  else if (pactMembers.some((c) => !chosen.some((m) => m.countyId === c))) errors.participantIds = "patrols.form.everySide";
  if (input.regionIds.length > 0) {
    const found = tx.select({ id: regions.id, countyId: regions.countyId }).from(regions).where(inArray(regions.id, input.regionIds)).all();
    if (found.length !== input.regionIds.length || found.some((r) => !pactMembers.includes(r.countyId))) errors.regionIds = "form.invalidChoice";
  }
  return { errors, team, participants: chosen };
}

/** Plans a patrol; field errors come back as message keys and nothing is written. */
export function planPatrol(viewer: Viewer, input: PlanInput): PlanResult {
  assertCan(viewer, "patrol", "create");
  return writeTransaction((tx): PlanResult => {
    const checked = planErrors(tx, viewer, input);
    if (Object.keys(checked.errors).length > 0 || !checked.team) return invalid(checked.errors);
    const { team, participants } = checked;
    const created = createRecord(tx, viewer, {
      workflow: "patrol",
      pactId: team.pactId,
      title: patrolTitle(team.name, input.kind, input.patrolOn),
      description: input.route,
      regionId: input.regionIds[0] ?? null,
      placeText: "",
      status: PATROL_MACHINE.initial,
    });
    if (!created.ok) return invalid({ teamId: "patrols.error.teamNotUsable" });
    const details = {
      teamId: team.id,
      kind: input.kind,
      patrolOn: input.patrolOn,
      plannedStart: input.plannedStart,
      plannedEnd: input.plannedEnd,
      route: input.route,
    };
    tx.insert(patrolDetails).values({ recordId: created.id, ...details }).run();
    for (const regionId of input.regionIds) tx.insert(patrolRegions).values({ recordId: created.id, regionId }).run();
    for (const p of participants) tx.insert(patrolParticipants).values({ recordId: created.id, userId: p.userId, countyId: p.countyId }).run();
    appendAudit(tx, actorOf(viewer), {
      action: "patrol.details",
      entityType: "patrol",
      entityId: created.id,
      after: { ...details, regionIds: input.regionIds, participantIds: participants.map((p) => p.userId) },
    });
    return created;
  });
}
