/**
 * Writes the demo disputes (disputes-demo-data.ts: the land story; disputes-demo-history.ts: three
 * years of others) into the seed's transaction: the village-level joint committee under XH–TZ,
 * records with reference numbers handed out in date order (no gaps), addressees, details, parties,
 * sessions with their mediators, agreements with judicial confirmation, return visits, and threads
 * whose events read as the live services write them. Every step is replayed through the dispute
 * state machine, so demo data cannot break its rules. Inserts are prepared once: ~220 disputes in
 * well under a second.
 */
import { eq, sql } from "drizzle-orm";
import type { Role } from "../../app/modules/access/capabilities";
import { appendAudit } from "../../app/modules/audit/log.server";
import type { Tx } from "../../app/modules/db/connection.server";
import { DISPUTE_MACHINE, type DisputeStatus } from "../../app/modules/disputes/machine";
import { chinaDateOf } from "../../app/modules/hazards/deadlines";
import { nextReferenceNumber } from "../../app/modules/records/references.server";
import { availableTransitions, transitionFor } from "../../app/modules/records/state-machine";
import {
  counties, disputeDetails, disputeParties, jointBodies, jointBodyMembers, mediationAgreements, mediationSessionMediators,
  mediationSessions, pactMembers, pacts, recordAddressees, records, regions, returnVisits, threadEntries, userRoles, users,
} from "../schema";
import { DEMO_PACTS } from "./demo-data";
import { LAND_STORY, VILLAGE_COMMITTEE, type DemoDispute } from "./disputes-demo-data";
import { historicalDisputes } from "./disputes-demo-history";

const DAY_MS = 86_400_000;

function lookupsOf(tx: Tx) {
  const countyRows = tx.select({ id: counties.id, shortCode: counties.shortCode, name: counties.name }).from(counties).all();
  const people = tx.select({ id: users.id, username: users.username, countyId: users.countyId }).from(users).all();
  const roleRows = tx.select().from(userRoles).all();
  const regionRows = tx.select({ id: regions.id, name: regions.name }).from(regions).all();
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`dispute demo: no ${what}`);
    return value;
  };
  const pactIds = new Map<string, { id: number; members: number[] }>();
  for (const demo of DEMO_PACTS) {
    const row = need(tx.select({ id: pacts.id }).from(pacts).where(eq(pacts.title, demo.title)).get(), `pact ${demo.title}`);
    const members = tx.select({ countyId: pactMembers.countyId }).from(pactMembers).where(eq(pactMembers.pactId, row.id)).all();
    pactIds.set(demo.members.join("-"), { id: row.id, members: members.map((m) => m.countyId) });
  }
  return {
    county: (code: string) => need(countyRows.find((c) => c.shortCode === code), `county ${code}`),
    person: (username: string) => {
      const p = need(people.find((u) => u.username === username), `user ${username}`);
      return { id: p.id, countyId: p.countyId, roles: roleRows.filter((r) => r.userId === p.id).map((r) => r.role) as Role[] };
    },
    pact: (key: string) => need(pactIds.get(key), `pact ${key}`),
    region: (name: string) => need(regionRows.find((r) => r.name === name), `region ${name}`).id,
    committee: (name: string) => need(tx.select({ id: jointBodies.id }).from(jointBodies).where(eq(jointBodies.name, name)).get(), `committee ${name}`).id,
  };
}
type Lookup = ReturnType<typeof lookupsOf>;

/** The second level of committee in the story: village-level, under the XH–TZ pact. */
function seedVillageCommittee(tx: Tx, find: Lookup): void {
  const pact = find.pact(VILLAGE_COMMITTEE.pact);
  const creator = find.person("tz.pl");
  const { id } = tx
    .insert(jointBodies)
    .values({ pactId: pact.id, kind: "mediation_committee", name: VILLAGE_COMMITTEE.name, level: VILLAGE_COMMITTEE.level, regionId: find.region("阳寨村"), createdBy: creator.id, createdAt: Date.parse("2024-01-03T10:00:00+08:00") })
    .returning({ id: jointBodies.id })
    .get();
  for (const m of VILLAGE_COMMITTEE.members) {
    const p = find.person(m.username);
    tx.insert(jointBodyMembers).values({ bodyId: id, userId: p.id, countyId: p.countyId, duty: m.duty }).run();
  }
}

interface Entry {
  at: number;
  kind: "message" | "event";
  by: string;
  body?: string;
  action?: string;
  from?: string | null;
  to?: string | null;
  payload?: Record<string, unknown> | null;
}

function prepared(tx: Tx) {
  const p = (name: string) => sql.placeholder(name);
  return {
    entry: tx
      .insert(threadEntries)
      .values({
        recordId: p("recordId"), kind: p("kind"), authorUserId: p("authorUserId"), authorCountyId: p("authorCountyId"), authorRoles: p("authorRoles"),
        body: p("body"), eventAction: p("eventAction"), fromStatus: p("fromStatus"), toStatus: p("toStatus"), payload: p("payload"), createdAt: p("createdAt"),
      })
      .prepare(),
    party: tx
      .insert(disputeParties)
      .values({ recordId: p("recordId"), name: p("name"), countyId: p("countyId"), village: p("village"), phone: p("phone"), idNumber: p("idNumber"), position: p("position") })
      .prepare(),
  };
}

function insertDispute(tx: Tx, d: DemoDispute, find: Lookup, statements: ReturnType<typeof prepared>, now: number): void {
  const openedAt = Math.round(now - d.daysAgo * DAY_MS);
  const at = (day: number) => Math.round(openedAt + day * DAY_MS);
  const owner = find.county(d.owner);
  const creator = find.person(d.by);
  const pact = d.pact ? find.pact(d.pact) : null;
  let status: DisputeStatus = d.by.endsWith(".grid") ? "reported" : DISPUTE_MACHINE.initial;
  let committeeId = d.committee ? find.committee(d.committee) : null;
  const firstCommittee = committeeId;
  const entries: Entry[] = [{ at: openedAt, kind: "event", by: d.by, action: "create", to: status }];
  const statusAt: { at: number; status: DisputeStatus }[] = [{ at: openedAt, status }];
  let outcomeAt: number | null = null;
  let referral: { kind: "court" | "arbitration" | "administrative"; to: string } | null = null;
  const visits: { at: number; by: string; method: "in_person" | "phone"; performance: string }[] = [];
  for (const step of d.steps) {
    const actor = find.person(step.by);
    const move = transitionFor(DISPUTE_MACHINE, status, step.action);
    if (!move || !availableTransitions(DISPUTE_MACHINE, status, actor.roles).includes(move)) {
      throw new Error(`dispute demo ${d.key}: ${step.by} may not ${step.action} from ${status}`);
    }
    const when = at(step.day);
    const payload: Record<string, unknown> = step.note ? { note: step.note } : {};
    if (step.committee) {
      committeeId = find.committee(step.committee);
      Object.assign(payload, { committeeId, committeeName: step.committee });
    }
    if (step.action === "fail") {
      referral = { kind: step.referralKind!, to: step.referralTo! };
      Object.assign(payload, { referralKind: step.referralKind, referralTo: step.referralTo });
    }
    if (step.visit) {
      Object.assign(payload, { visitedOn: chinaDateOf(when), ...step.visit });
      visits.push({ at: when, by: step.by, ...step.visit });
    }
    if (["resolve", "stabilise", "fail"].includes(step.action)) outcomeAt = when;
    entries.push({ at: when, kind: "event", by: step.by, action: step.action, from: status, to: move.to, body: step.note, payload });
    status = move.to;
    statusAt.push({ at: when, status });
  }
  // The first committee, when an assessment moved the dispute on, is named in the opening event.
  if (firstCommittee !== null && firstCommittee !== committeeId) entries[0].payload = { committeeId: firstCommittee, committeeName: d.committee };
  const statusOn = (when: number) => [...statusAt].reverse().find((s) => s.at <= when)?.status ?? statusAt[0].status;
  for (const m of d.messages ?? []) entries.push({ at: at(m.day), kind: "message", by: m.by, body: m.body });

  const { id } = tx
    .insert(records)
    .values({
      ownerCountyId: owner.id, pactId: pact?.id ?? null, workflow: "dispute", status, refNo: nextReferenceNumber(tx, owner, "dispute", openedAt),
      title: d.title, description: d.description, regionId: d.region ? find.region(d.region) : null, placeText: d.place,
      createdBy: creator.id, createdAt: openedAt, updatedAt: openedAt,
    })
    .returning({ id: records.id })
    .get();
  for (const countyId of pact ? pact.members.filter((c) => c !== owner.id) : []) tx.insert(recordAddressees).values({ recordId: id, countyId }).run();
  tx.insert(disputeDetails)
    .values({
      recordId: id, type: d.type, leadCountyId: find.county(d.lead).id, committeeId, peopleInvolved: d.people, amountInvolved: d.amount,
      escalationRisk: d.risk, outcomeAt, referralKind: referral?.kind ?? null, referralTo: referral?.to ?? "",
    })
    .run();
  d.parties.forEach((p, position) =>
    statements.party.run({ recordId: id, name: p.name, countyId: find.county(p.county).id, village: p.village, phone: p.phone, idNumber: p.idNumber, position }),
  );
  for (const s of d.sessions ?? []) {
    const when = at(s.day - 0.05);
    const author = find.person(s.by);
    const heldOn = chinaDateOf(when);
    const session = tx
      .insert(mediationSessions)
      .values({ recordId: id, heldOn, place: s.place, partiesPresent: s.partiesPresent, notes: s.notes, createdBy: author.id, createdAt: when })
      .returning({ id: mediationSessions.id })
      .get();
    for (const username of s.mediators) {
      const m = find.person(username);
      tx.insert(mediationSessionMediators).values({ sessionId: session.id, userId: m.id, countyId: m.countyId }).run();
    }
    const current = statusOn(when);
    entries.push({ at: when, kind: "event", by: s.by, action: "session", from: current, to: current, payload: { sessionId: session.id, heldOn, place: s.place } });
  }
  if (d.agreement) {
    const a = d.agreement;
    const signedAt = at(a.day);
    const writer = find.person(d.steps.find((s) => s.action === "resolve")?.by ?? d.by);
    const j = a.judicial;
    const appliedOn = j ? chinaDateOf(at(j.appliedDay)) : null;
    const answeredOn = j?.answeredDay !== undefined ? chinaDateOf(at(j.answeredDay)) : null;
    tx.insert(mediationAgreements)
      .values({
        recordId: id, facts: a.facts, issues: a.issues, terms: a.terms, performance: a.performance, signedOn: chinaDateOf(signedAt),
        judicialStatus: j ? (j.outcome ?? "applied") : "not_applied", judicialAppliedOn: appliedOn, judicialCourt: j?.court ?? "",
        judicialAnsweredOn: answeredOn, judicialAnswer: j?.answer ?? "", createdBy: writer.id, createdAt: signedAt + 60_000, updatedAt: signedAt + 60_000,
      })
      .run();
    const by = d.steps.find((s) => s.action === "resolve")?.by ?? d.by;
    entries.push({ at: signedAt + 60_000, kind: "event", by, action: "agreement_signed", payload: { signedOn: chinaDateOf(signedAt) } });
    if (j) {
      entries.push({ at: at(j.appliedDay), kind: "event", by, action: "judicial_applied", payload: { judicialStatus: "applied", judicialAppliedOn: appliedOn, judicialCourt: j.court } });
      if (j.outcome && answeredOn) {
        entries.push({ at: at(j.answeredDay!), kind: "event", by, action: `judicial_${j.outcome}`, payload: { judicialStatus: j.outcome, judicialAnsweredOn: answeredOn, judicialAnswer: j.answer ?? "" } });
      }
    }
  }
  for (const v of visits) {
    tx.insert(returnVisits).values({ recordId: id, visitedOn: chinaDateOf(v.at), method: v.method, performance: v.performance, visitedBy: find.person(v.by).id, createdAt: v.at }).run();
  }
  entries.sort((x, y) => x.at - y.at);
  if (entries.at(-1)!.at > now) throw new Error(`dispute demo ${d.key}: an entry lies in the future`);
  for (const e of entries) {
    const author = find.person(e.by);
    statements.entry.run({
      recordId: id, kind: e.kind, authorUserId: author.id, authorCountyId: author.countyId, authorRoles: JSON.stringify(author.roles),
      body: e.body ?? "", eventAction: e.action ?? null, fromStatus: e.from ?? null, toStatus: e.to ?? null,
      payload: e.payload && Object.keys(e.payload).length > 0 ? JSON.stringify(e.payload) : null, createdAt: e.at,
    });
  }
  tx.update(records).set({ updatedAt: entries.at(-1)!.at }).where(eq(records.id, id)).run();
}

/** Every demo dispute: the land story and the history, oldest first. */
export function demoDisputes(now: number): DemoDispute[] {
  return [LAND_STORY, ...historicalDisputes(now)].sort((a, b) => b.daysAgo - a.daysAgo);
}

/** Seeds the dispute demo into the seed's transaction (after the pacts and the hazard demo). */
export function seedDisputeDemo(tx: Tx, now: number): { disputes: number } {
  const find = lookupsOf(tx);
  seedVillageCommittee(tx, find);
  const statements = prepared(tx);
  const all = demoDisputes(now);
  // Reference numbers are handed out in the order the disputes were opened.
  for (const d of all) insertDispute(tx, d, find, statements, now);
  appendAudit(tx, { userId: null, name: "system", countyId: null }, {
    action: "system.seed_demo_disputes",
    entityType: "database",
    after: { disputes: all.length },
  });
  return { disputes: all.length };
}
