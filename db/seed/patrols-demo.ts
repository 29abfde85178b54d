/**
 * Writes the joint patrol and joint activity demo (patrols-demo-data.ts) into the seed's
 * transaction with its past times, in bulk: records with reference numbers handed out in the order
 * the patrols were planned, details, regions, participants (the team's members), findings, and
 * threads of the create and step events replayed through the patrol machine. The demo hazards
 * reported from a patrol get the patrol they came from: its finding points to the hazard and the
 * link is recorded (record_links, and the link event in the patrol's thread).
 */
import { and, eq, sql } from "drizzle-orm";
import type { Role } from "../../app/modules/access/capabilities";
import { appendAudit } from "../../app/modules/audit/log.server";
import type { Tx } from "../../app/modules/db/connection.server";
import { PATROL_MACHINE } from "../../app/modules/patrols/machine";
import { patrolTitle } from "../../app/modules/patrols/plan.server";
import { lastSequence } from "../../app/modules/records/references.server";
import { transitionFor } from "../../app/modules/records/state-machine";
import { WORKFLOW_CODES } from "../../app/modules/records/workflows";
import {
  counties, jointActivities, jointBodies, pacts, patrolDetails, patrolFindings, patrolParticipants, patrolRegions, recordAddressees,
  recordLinks, records, referenceSequences, regions, threadEntries, userRoles, users,
} from "../schema";
import { DEMO_PACTS } from "./demo-data";
import { DEMO_HAZARDS } from "./hazards-demo";
import { beijing, demoActivities, demoPatrols, PATROL_REGIONS, SIDES, type DemoPactKey, type DemoPatrolPlan } from "./patrols-demo-data";

const HOUR_MS = 3_600_000;
const CHUNK = 250;

function insertAll<T extends Parameters<Tx["insert"]>[0]>(tx: Tx, table: T, rows: T["$inferInsert"][]) {
  for (let i = 0; i < rows.length; i += CHUNK) tx.insert(table).values(rows.slice(i, i + CHUNK)).run();
}

/** The patrols that found the demo hazards reported "from a patrol" under a pact. */
function patrolsBehindHazards(tx: Tx): (DemoPatrolPlan & { hazardId: number; reportedAt: number; reporter: string })[] {
  return DEMO_HAZARDS.filter((h) => h.source === "patrol" && h.pact !== null).map((h) => {
    const hazard = tx
      .select({ id: records.id, createdAt: records.createdAt })
      .from(records)
      .where(and(eq(records.workflow, "hazard"), eq(records.title, h.title)))
      .get();
    if (!hazard) throw new Error(`patrol demo: no hazard ${h.key}`);
    const pact = h.pact as DemoPactKey;
    const other = SIDES[pact].find((c) => c !== h.owner)!;
    const start = hazard.createdAt - 4 * HOUR_MS;
    const end = hazard.createdAt - HOUR_MS / 2;
    const police = (c: string) => `${c.toLowerCase()}.police`;
    return {
      pact, owner: h.owner, by: police(h.owner), kind: "routine" as const, createdAt: start - 2 * 24 * HOUR_MS,
      patrolOn: beijing(start).day, plannedStart: beijing(start).clock, plannedEnd: beijing(end).clock,
      route: `${h.place}及周边`, regions: [...new Set([h.region ?? PATROL_REGIONS[pact][h.owner][0], PATROL_REGIONS[pact][other][0]])],
      started: { at: start, by: police(other) },
      ended: { at: end, by: police(h.owner), people: 6, vehicles: 3, summary: `巡防中发现：${h.title}，已当场上报。` },
      findings: [{ at: start + 2 * HOUR_MS, by: h.by, description: h.description, region: h.region, hazardTitle: h.title }],
      hazardId: hazard.id, reportedAt: hazard.createdAt, reporter: h.by,
    };
  });
}

/** Seeds the patrol demo into the seed's transaction (after the hazards it links to). */
export function seedPatrolDemo(tx: Tx, now: number): { patrols: number; activities: number } {
  const countyRows = tx.select({ id: counties.id, shortCode: counties.shortCode }).from(counties).all();
  const countyId = (code: string) => countyRows.find((c) => c.shortCode === code)!.id;
  const roleRows = tx.select().from(userRoles).all();
  const people = new Map(
    tx.select({ id: users.id, username: users.username, countyId: users.countyId }).from(users).all()
      .map((u) => [u.username, { ...u, roles: JSON.stringify(roleRows.filter((r) => r.userId === u.id).map((r) => r.role as Role)) }]),
  );
  const person = (username: string) => {
    const p = people.get(username);
    if (!p) throw new Error(`patrol demo: no user ${username}`);
    return p;
  };
  const regionIds = new Map(tx.select({ id: regions.id, name: regions.name }).from(regions).all().map((r) => [r.name, r.id]));
  const region = (name: string) => regionIds.get(name) ?? (() => { throw new Error(`patrol demo: no region ${name}`); })();
  const teams = new Map<DemoPactKey, { id: number; name: string; pactId: number }>();
  for (const key of ["XH-TZ", "XH-YP"] as const) {
    const pact = DEMO_PACTS.find((p) => p.members.join("-") === key)!;
    const pactId = tx.select({ id: pacts.id }).from(pacts).where(eq(pacts.title, pact.title)).get()!.id;
    const team = tx.select({ id: jointBodies.id, name: jointBodies.name }).from(jointBodies)
      .where(and(eq(jointBodies.pactId, pactId), eq(jointBodies.kind, "patrol_team"))).get();
    if (!team) throw new Error(`patrol demo: the ${key} pact has no patrol team`);
    teams.set(key, { ...team, pactId });
  }

  const linked = patrolsBehindHazards(tx);
  const plans = [...demoPatrols(now), ...linked].sort((a, b) => a.createdAt - b.createdAt);
  let recordId = tx.select({ n: sql<number>`coalesce(max(id), 0)` }).from(records).get()!.n;
  let findingId = tx.select({ n: sql<number>`coalesce(max(id), 0)` }).from(patrolFindings).get()!.n;
  const sequences = new Map<string, number>();
  const rows = {
    records: [] as (typeof records.$inferInsert)[], addressees: [] as (typeof recordAddressees.$inferInsert)[],
    details: [] as (typeof patrolDetails.$inferInsert)[], regions: [] as (typeof patrolRegions.$inferInsert)[],
    participants: [] as (typeof patrolParticipants.$inferInsert)[], findings: [] as (typeof patrolFindings.$inferInsert)[],
    entries: [] as (typeof threadEntries.$inferInsert)[], links: [] as (typeof recordLinks.$inferInsert)[],
  };
  for (const plan of plans) {
    const id = ++recordId;
    const team = teams.get(plan.pact)!;
    const owner = countyId(plan.owner);
    const year = Number(beijing(plan.createdAt).day.slice(0, 4));
    const seqKey = `${plan.owner}-${year}`;
    const seq = (sequences.get(seqKey) ?? lastSequence(tx, owner, "patrol", year)) + 1;
    sequences.set(seqKey, seq);
    let last = 0;
    const event = (by: string, at: number, action: string, fromStatus: string | null, toStatus: string | null, payload?: object, body = "") => {
      const author = person(by);
      last = Math.max(last, at);
      rows.entries.push({
        recordId: id, kind: "event", authorUserId: author.id, authorCountyId: author.countyId, authorRoles: author.roles, body,
        eventAction: action, fromStatus, toStatus, payload: payload ? JSON.stringify(payload) : null, createdAt: at,
      });
    };
    event(plan.by, plan.createdAt, "create", null, PATROL_MACHINE.initial);
    let status: string = PATROL_MACHINE.initial;
    const step = (action: "start" | "complete" | "cancel", by: string, at: number, payload: object, body = "") => {
      const move = transitionFor(PATROL_MACHINE, status, action);
      if (!move) throw new Error(`patrol demo: no ${action} from ${status}`);
      event(by, at, action, status, move.to, payload, body);
      status = move.to;
    };
    if (plan.cancelled) step("cancel", plan.cancelled.by, plan.cancelled.at, {}, plan.cancelled.note);
    if (plan.started) step("start", plan.started.by, plan.started.at, { startedAt: plan.started.at });
    for (const f of plan.findings) {
      const fid = ++findingId;
      const hazardId = "hazardId" in plan && f.hazardTitle ? (plan as { hazardId: number }).hazardId : null;
      rows.findings.push({
        id: fid, recordId: id, foundAt: f.at, description: f.description, regionId: f.region ? region(f.region) : null,
        openedRecordId: hazardId, createdBy: person(f.by).id, createdAt: f.at,
      });
      event(f.by, f.at, "finding", null, null, { findingId: fid, foundAt: f.at }, f.description);
    }
    if (plan.ended) {
      const { people: p, vehicles: v, summary } = plan.ended;
      step("complete", plan.ended.by, plan.ended.at, { endedAt: plan.ended.at, peopleChecked: p, vehiclesChecked: v }, summary);
    }
    if ("hazardId" in plan) {
      const h = plan as (typeof linked)[number];
      rows.links.push({ fromRecordId: id, toRecordId: h.hazardId, createdBy: person(h.reporter).id, createdAt: h.reportedAt });
      event(h.reporter, h.reportedAt, "link", null, null, { recordId: h.hazardId });
    }
    if (last > now) throw new Error("patrol demo: an entry lies in the future");
    rows.records.push({
      id, ownerCountyId: owner, pactId: team.pactId, workflow: "patrol", status,
      refNo: `${plan.owner}-${WORKFLOW_CODES.patrol}-${year}-${String(seq).padStart(4, "0")}`,
      title: patrolTitle(team.name, plan.kind, plan.patrolOn), description: plan.route, regionId: region(plan.regions[0]), placeText: "",
      createdBy: person(plan.by).id, createdAt: plan.createdAt, updatedAt: last,
    });
    rows.addressees.push({ recordId: id, countyId: countyId(SIDES[plan.pact].find((c) => c !== plan.owner)!) });
    rows.details.push({
      recordId: id, teamId: team.id, kind: plan.kind, patrolOn: plan.patrolOn, plannedStart: plan.plannedStart, plannedEnd: plan.plannedEnd,
      route: plan.route, startedAt: plan.started?.at ?? null, endedAt: plan.ended?.at ?? null,
      peopleChecked: plan.ended?.people ?? 0, vehiclesChecked: plan.ended?.vehicles ?? 0, summary: plan.ended?.summary ?? "",
    });
    for (const name of plan.regions) rows.regions.push({ recordId: id, regionId: region(name) });
    for (const code of SIDES[plan.pact]) rows.participants.push({ recordId: id, userId: person(`${code.toLowerCase()}.police`).id, countyId: countyId(code) });
  }
  insertAll(tx, records, rows.records);
  insertAll(tx, recordAddressees, rows.addressees);
  insertAll(tx, patrolDetails, rows.details);
  insertAll(tx, patrolRegions, rows.regions);
  insertAll(tx, patrolParticipants, rows.participants);
  insertAll(tx, patrolFindings, rows.findings);
  insertAll(tx, threadEntries, rows.entries.sort((a, b) => a.createdAt - b.createdAt));
  insertAll(tx, recordLinks, rows.links);
  for (const [key, lastValue] of sequences) {
    const [code, year] = key.split("-");
    tx.insert(referenceSequences)
      .values({ countyId: countyId(code), workflow: "patrol", year: Number(year), lastValue })
      .onConflictDoUpdate({
        target: [referenceSequences.countyId, referenceSequences.workflow, referenceSequences.year],
        set: { lastValue: sql`max(${referenceSequences.lastValue}, ${lastValue})` },
      })
      .run();
  }

  const activities = demoActivities(now);
  insertAll(tx, jointActivities, activities.map((a) => {
    const { pact, organiser, region: regionName, ...counts } = a;
    return {
      ...counts, pactId: teams.get(pact)!.pactId, organiserCountyId: countyId(organiser), regionId: region(regionName), placeText: "",
      createdBy: person(`${organiser.toLowerCase()}.pl`).id, createdAt: Date.parse(`${a.heldOn}T18:00:00+08:00`),
    };
  }));
  appendAudit(tx, { userId: null, name: "system", countyId: null }, {
    action: "system.seed_demo_patrols",
    entityType: "database",
    after: { patrols: plans.length, activities: activities.length },
  });
  return { patrols: plans.length, activities: activities.length };
}
