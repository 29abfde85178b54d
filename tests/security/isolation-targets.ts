/**
 * The ids the isolation table aims at. `prepareTargets()` runs once per test file, after the demo
 * seed: it makes the fresh pacts of isolation-world.ts through the real pact services (propose,
 * countersign, form a body, add members) and looks every target up in the database.
 */
import { eq } from "drizzle-orm";
import { jointBodies, pacts, regions, users } from "~db/schema";
import { todayInChina } from "~/i18n";
import { getDb } from "~/modules/db/connection.server";
import { addBodyMember, createJointBody } from "~/modules/pacts/bodies.server";
import { countersignPact, proposePact } from "~/modules/pacts/lifecycle.server";
import { countyIdOf, viewerOf } from "../setup/demo";
import {
  ALL_PACTS,
  COUNTY_CODES,
  DEMO_USERS,
  FRESH_PACTS,
  countyOf,
  mustNotSeeFor,
  regionNamesOf,
  type CountyCode,
  type PactFixture,
  type PactKey,
  type PersonKeys,
} from "./isolation-world";

export interface Targets {
  pacts: Record<PactKey, number>;
  /** Body ids per pact, in the fixture's order. */
  bodies: Record<PactKey, number[]>;
  people: Record<string, PersonKeys>;
  /** Region ids by name (names are unique across the demo). */
  regions: Record<string, number>;
  /** Per county: the strings no answer to its users may contain. */
  forbidden: Record<CountyCode, string[]>;
}

/** An id no pact, body or region has: it must answer exactly as a hidden one does. */
export const MISSING_ID = "999999";
export const MISSING_USER_ID = "00000000-0000-4000-8000-000000000000";

/** Filled in by prepareTargets(); the rows read it lazily, inside their tests. */
export const targets = {} as Targets;

function assertOk<T extends { ok: boolean }>(what: string, result: T): T {
  if (!result.ok) throw new Error(`${what} refused: ${JSON.stringify(result)}`);
  return result;
}

const idOf = (username: string) => targets.people[username].id;
const peopleOfCounty = (list: string[], county: CountyCode) => list.filter((u) => countyOf(u) === county);

/** Makes one fresh pact exactly as its fixture says, through the services. */
function makePact(p: PactFixture): number {
  const proposerCounty = countyOf(p.proposer);
  const { pactId } = assertOk(
    `proposal of ${p.key}`,
    proposePact(viewerOf(p.proposer), {
      title: p.title,
      partnerCountyIds: p.members.filter((c) => c !== proposerCounty).map(countyIdOf),
      workflows: p.workflows,
      startsOn: todayInChina(),
      endsOn: null,
      articles: p.secrets.join("\n"),
      liaisonIds: peopleOfCounty(p.liaisons, proposerCounty).map(idOf),
    }),
  ) as { ok: true; pactId: number };
  for (const signer of p.signers.filter((s) => countyOf(s) !== proposerCounty)) {
    const liaisonIds = peopleOfCounty(p.liaisons, countyOf(signer)).map(idOf);
    assertOk(`countersignature of ${p.key} by ${signer}`, countersignPact(viewerOf(signer), pactId, { liaisonIds }));
  }
  for (const body of p.bodies) {
    const creatorCounty = countyOf(body.creator);
    const { bodyId } = assertOk(
      `body ${body.name}`,
      createJointBody(viewerOf(body.creator), pactId, {
        kind: body.kind,
        level: body.level,
        name: body.name,
        members: peopleOfCounty(body.members, creatorCounty).map((u) => ({ userId: idOf(u), duty: "队员" })),
      }),
    ) as { ok: true; bodyId: number };
    for (const member of body.members.filter((u) => countyOf(u) !== creatorCounty)) {
      const manager = `${countyOf(member).toLowerCase()}.pl`;
      assertOk(`${member} joining ${body.name}`, addBodyMember(viewerOf(manager), pactId, bodyId, { userId: idOf(member), duty: "队员" }));
    }
  }
  return pactId;
}

export async function prepareTargets(): Promise<Targets> {
  const db = getDb();
  targets.people = {};
  for (const u of DEMO_USERS) {
    const row = db.select({ id: users.id, phone: users.phone }).from(users).where(eq(users.username, u.username)).get();
    if (!row) throw new Error(`demo user ${u.username} is missing`);
    targets.people[u.username] = row;
  }
  for (const p of FRESH_PACTS) makePact(p);
  targets.pacts = {} as Targets["pacts"];
  targets.bodies = {} as Targets["bodies"];
  for (const p of ALL_PACTS) {
    const row = db.select({ id: pacts.id }).from(pacts).where(eq(pacts.title, p.title)).get();
    if (!row) throw new Error(`pact ${p.key} is missing`);
    targets.pacts[p.key] = row.id;
    targets.bodies[p.key] = p.bodies.map((b) => {
      const body = db.select({ id: jointBodies.id, pactId: jointBodies.pactId }).from(jointBodies).where(eq(jointBodies.name, b.name)).get();
      if (!body || body.pactId !== row.id) throw new Error(`body ${b.name} is missing`);
      return body.id;
    });
  }
  targets.regions = {};
  for (const name of COUNTY_CODES.flatMap(regionNamesOf)) {
    targets.regions[name] = db.select({ id: regions.id }).from(regions).where(eq(regions.name, name)).get()!.id;
  }
  targets.forbidden = {} as Targets["forbidden"];
  for (const code of COUNTY_CODES) targets.forbidden[code] = mustNotSeeFor(code, targets.people);
  return targets;
}

/** Tables a refused write must leave untouched: all but the audit log (with the counties its entries concern) and sign-in bookkeeping. */
const BOOKKEEPING = new Set(["audit_log", "audit_concerns", "sessions", "login_failures", "login_locks", "__drizzle_migrations"]);

/** Every row of every domain table, to compare before and after a refused write. */
export function snapshotDomainTables(): Record<string, string[]> {
  const sqlite = getDb().$client;
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as { name: string }[];
  const snapshot: Record<string, string[]> = {};
  for (const { name } of tables) {
    if (BOOKKEEPING.has(name)) continue;
    snapshot[name] = (sqlite.prepare(`select * from "${name}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
  }
  return snapshot;
}
