/**
 * Writes the demo hazards and joint sweeps (hazards-demo-data.ts, hazards-demo-list.ts) into the
 * seed's transaction, with their past times: records with reference numbers from the engine's
 * sequence (handed out in date order, so none is skipped), addressees, details, and threads whose
 * events, messages and internal notes read exactly as the live services would have written them.
 * Every step is replayed through the hazard state machine, so demo data cannot break its rules.
 */
import { eq } from "drizzle-orm";
import type { Role } from "../../app/modules/access/capabilities";
import { appendAudit } from "../../app/modules/audit/log.server";
import type { Tx } from "../../app/modules/db/connection.server";
import { chinaDateOf, DAY_MS, endOfChinaDay } from "../../app/modules/hazards/deadlines";
import { HAZARD_MACHINE, type HazardStatus } from "../../app/modules/hazards/machine";
import { nextReferenceNumber } from "../../app/modules/records/references.server";
import { availableTransitions, transitionFor } from "../../app/modules/records/state-machine";
import {
  counties, hazardDetails, jointSweepParticipants, jointSweeps, pactMembers, pacts, recordAddressees, records, regions,
  threadEntries, userRoles, users,
} from "../schema";
import { DEMO_PACTS } from "./demo-data";
import { DEMO_SWEEPS, FIREWORKS_STORY, type DemoHazard, type DemoPactKey } from "./hazards-demo-data";
import { MORE_DEMO_HAZARDS } from "./hazards-demo-list";

export const DEMO_HAZARDS: DemoHazard[] = [FIREWORKS_STORY, ...MORE_DEMO_HAZARDS];

interface Person {
  id: string;
  countyId: number;
  roles: Role[];
}

interface Lookup {
  county: (code: string) => { id: number; shortCode: string; name: string };
  person: (username: string) => Person;
  pact: (key: DemoPactKey) => { id: number; members: number[] };
  region: (name: string) => { id: number; countyId: number };
}

function lookupsOf(tx: Tx): Lookup {
  const countyRows = tx.select({ id: counties.id, shortCode: counties.shortCode, name: counties.name }).from(counties).all();
  const people = tx.select({ id: users.id, username: users.username, countyId: users.countyId }).from(users).all();
  const roleRows = tx.select().from(userRoles).all();
  const regionRows = tx.select({ id: regions.id, countyId: regions.countyId, name: regions.name }).from(regions).all();
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`hazard demo: no ${what}`);
    return value;
  };
  return {
    county: (code) => need(countyRows.find((c) => c.shortCode === code), `county ${code}`),
    person: (username) => {
      const p = need(people.find((u) => u.username === username), `user ${username}`);
      return { id: p.id, countyId: p.countyId, roles: roleRows.filter((r) => r.userId === p.id).map((r) => r.role) };
    },
    pact: (key) => {
      const demo = need(DEMO_PACTS.find((p) => p.members.join("-") === key), `pact ${key}`);
      const row = need(tx.select({ id: pacts.id }).from(pacts).where(eq(pacts.title, demo.title)).get(), `pact ${demo.title}`);
      const members = tx.select({ countyId: pactMembers.countyId }).from(pactMembers).where(eq(pactMembers.pactId, row.id)).all();
      return { id: row.id, members: members.map((m) => m.countyId) };
    },
    region: (name) => need(regionRows.find((r) => r.name === name), `region ${name}`),
  };
}

interface Entry {
  at: number;
  kind: "message" | "internal" | "event";
  by: string;
  body?: string;
  eventAction?: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  payload?: Record<string, unknown>;
}

/** The sweeps, by key; completed ones record their outcome. */
function seedSweeps(tx: Tx, find: Lookup, now: number): Map<string, number> {
  const ids = new Map<string, number>();
  for (const s of DEMO_SWEEPS) {
    const organiser = find.person(s.organiser);
    const on = now + s.day * DAY_MS;
    const { id } = tx
      .insert(jointSweeps)
      .values({
        pactId: find.pact(s.pact).id,
        organiserCountyId: organiser.countyId,
        kind: s.kind,
        title: s.title,
        scope: s.scope,
        plannedOn: chinaDateOf(on),
        status: s.status,
        outcome: s.outcome,
        createdBy: organiser.id,
        createdAt: Math.min(on, now) - 10 * DAY_MS,
        completedAt: s.status === "completed" ? on + DAY_MS / 3 : null,
      })
      .returning({ id: jointSweeps.id })
      .get();
    for (const username of s.participants) {
      const p = find.person(username);
      tx.insert(jointSweepParticipants).values({ sweepId: id, userId: p.id, countyId: p.countyId }).run();
    }
    ids.set(s.key, id);
  }
  return ids;
}

/** The thread of one hazard in time order, with the state it ends in; throws on a step the machine refuses. */
function timelineOf(h: DemoHazard, find: Lookup, reportedAt: number, now: number) {
  const entries: Entry[] = [{ at: reportedAt, kind: "event", by: h.by, eventAction: "create", toStatus: HAZARD_MACHINE.initial }];
  for (const m of h.messages ?? []) entries.push({ at: reportedAt + m.day * DAY_MS, kind: m.internal ? "internal" : "message", by: m.by, body: m.body });
  let status: HazardStatus = HAZARD_MACHINE.initial;
  const details: { responsibleCountyId: number | null; measures: string; deadline: number | null } = { responsibleCountyId: null, measures: "", deadline: null };
  for (const step of h.steps ?? []) {
    const actor = find.person(step.by);
    const move = transitionFor(HAZARD_MACHINE, status, step.action);
    if (!move || !availableTransitions(HAZARD_MACHINE, status, actor.roles).includes(move)) {
      throw new Error(`hazard demo ${h.key}: ${step.by} may not ${step.action} from ${status}`);
    }
    const payload: Record<string, unknown> = step.note ? { note: step.note } : {};
    if (step.measures !== undefined && step.due !== undefined) {
      details.measures = step.measures;
      details.deadline = endOfChinaDay(chinaDateOf(now + step.due * DAY_MS));
      Object.assign(payload, { measures: step.measures, deadline: details.deadline, deadlineDate: chinaDateOf(details.deadline) });
    }
    if (step.responsible) {
      const county = find.county(step.responsible);
      details.responsibleCountyId = county.id;
      Object.assign(payload, { responsibleCountyId: county.id, responsibleCountyName: county.name });
    }
    entries.push({ at: reportedAt + step.day * DAY_MS, kind: "event", by: step.by, eventAction: step.action, fromStatus: status, toStatus: move.to, payload });
    status = move.to;
  }
  for (const e of entries) e.at = Math.round(e.at);
  entries.sort((a, b) => a.at - b.at);
  if (entries.at(-1)!.at > now) throw new Error(`hazard demo ${h.key}: an entry lies in the future`);
  return { entries, status, details };
}

function insertHazard(tx: Tx, h: DemoHazard, find: Lookup, sweeps: Map<string, number>, now: number): void {
  const owner = find.county(h.owner);
  const reporter = find.person(h.by);
  const pact = h.pact ? find.pact(h.pact) : null;
  const region = h.region ? find.region(h.region) : null;
  if (reporter.countyId !== owner.id) throw new Error(`hazard demo ${h.key}: ${h.by} is not of ${h.owner}`);
  if (region && !(pact ? pact.members : [owner.id]).includes(region.countyId)) throw new Error(`hazard demo ${h.key}: region outside`);
  const reportedAt = now - h.daysAgo * DAY_MS;
  const { entries, status, details } = timelineOf(h, find, reportedAt, now);
  const final = HAZARD_MACHINE.final.includes(status);
  const { id } = tx
    .insert(records)
    .values({
      ownerCountyId: owner.id,
      pactId: pact?.id ?? null,
      workflow: "hazard",
      status,
      refNo: nextReferenceNumber(tx, owner, "hazard", reportedAt),
      title: h.title,
      description: h.description,
      regionId: region?.id ?? null,
      placeText: h.place,
      dueAt: final ? null : details.deadline,
      createdBy: reporter.id,
      createdAt: reportedAt,
      updatedAt: entries.at(-1)!.at,
    })
    .returning({ id: records.id })
    .get();
  for (const countyId of pact ? pact.members.filter((c) => c !== owner.id) : []) {
    tx.insert(recordAddressees).values({ recordId: id, countyId }).run();
  }
  tx.insert(hazardDetails)
    .values({ recordId: id, category: h.category, severity: h.severity, source: h.source, sweepId: h.sweep ? sweeps.get(h.sweep)! : null, ...details })
    .run();
  for (const e of entries) {
    const author = find.person(e.by);
    tx.insert(threadEntries)
      .values({
        recordId: id,
        kind: e.kind,
        authorUserId: author.id,
        authorCountyId: author.countyId,
        authorRoles: JSON.stringify(author.roles),
        body: e.body ?? "",
        eventAction: e.eventAction ?? null,
        fromStatus: e.fromStatus ?? null,
        toStatus: e.toStatus ?? null,
        payload: e.payload && Object.keys(e.payload).length > 0 ? JSON.stringify(e.payload) : null,
        createdAt: e.at,
      })
      .run();
  }
}

/** Seeds the hazard demo into the seed's transaction (after counties, people, regions and pacts). */
export function seedHazardDemo(tx: Tx, now: number): { hazards: number; sweeps: number } {
  const find = lookupsOf(tx);
  const sweeps = seedSweeps(tx, find, now);
  // Reference numbers are handed out in the order the hazards were reported.
  const inOrder = [...DEMO_HAZARDS].sort((a, b) => b.daysAgo - a.daysAgo);
  for (const h of inOrder) insertHazard(tx, h, find, sweeps, now);
  appendAudit(tx, { userId: null, name: "system", countyId: null }, {
    action: "system.seed_demo_hazards",
    entityType: "database",
    after: { hazards: DEMO_HAZARDS.length, sweeps: DEMO_SWEEPS.length },
  });
  return { hazards: DEMO_HAZARDS.length, sweeps: DEMO_SWEEPS.length };
}
