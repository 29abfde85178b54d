/**
 * The province the scale records live in: counties on a 10×10 map, their four-level regions,
 * users with roles, pacts between neighbours with their joint bodies.
 */
import type Database from "better-sqlite3";
import type { Role, Workflow } from "../../app/modules/access/capabilities";
import { WORKFLOWS } from "../../app/modules/access/capabilities";
import { countyName, personName, placeStem, PROVINCES, type Random } from "./words";

export const DAY_MS = 86_400_000;

export interface County {
  id: number;
  name: string;
  shortCode: string;
  /** Village regions (id, name), where records happen. */
  villages: { id: number; name: string }[];
  /** User ids by role. */
  usersByRole: Map<Role, string[]>;
  pacts: Pact[];
}

export interface Pact {
  id: number;
  members: [number, number];
  active: boolean;
  workflows: Set<Workflow>;
  committeeId: number;
  teamId: number;
}

export interface World {
  counties: County[];
  pacts: Pact[];
  userCountyRoles: Map<string, { countyId: number; roles: Role[] }>;
}

export interface WorldOptions {
  counties: number;
  pacts: number;
  users: number;
  passwordHash: string;
  /** When the five years of records begin (ms). */
  start: number;
}

const ROLE_SUFFIX: [string, Role][] = [
  ["admin", "county_admin"],
  ["pl", "pl_staff"],
  ["police", "police_liaison"],
  ["mediator", "mediator"],
  ["grid", "grid_worker"],
  ["leader", "leader"],
];
/** Roles of the users beyond the first six of each county. */
const MORE_ROLES: Role[] = ["grid_worker", "grid_worker", "grid_worker", "grid_worker", "police_liaison", "police_liaison", "mediator", "mediator", "pl_staff", "leader"];

/** A user id that reads like the portal's (UUID-shaped), deterministic per index. */
function userId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

/** Two letters per county, distinct (AB, AC, …), used in reference numbers and usernames. */
function shortCodeOf(i: number): string {
  const letters = "ABCDEFGHJKLMNPQRSTWXYZ";
  return letters[Math.floor(i / letters.length) % letters.length] + letters[i % letters.length];
}

export function createWorld(sqlite: Database.Database, random: Random, o: WorldOptions): World {
  const now = o.start;
  const side = Math.ceil(Math.sqrt(o.counties));
  const insertCounty = sqlite.prepare("insert into counties (name, code, province, short_code, created_at) values (?, ?, ?, ?, ?)");
  const insertRegion = sqlite.prepare(
    "insert into regions (county_id, parent_id, level, name, is_border, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)",
  );
  const insertUser = sqlite.prepare(
    "insert into users (id, county_id, username, display_name, title, phone, password_hash, disabled, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
  );
  const insertRole = sqlite.prepare("insert into user_roles (user_id, role) values (?, ?)");
  const takenCounties = new Set<string>();
  const counties: County[] = [];
  const userCountyRoles = new Map<string, { countyId: number; roles: Role[] }>();
  const usersPerCounty = Math.max(6, Math.floor(o.users / o.counties));
  let userIndex = 0;
  for (let i = 0; i < o.counties; i++) {
    const col = Math.floor(i / side);
    const province = PROVINCES[Math.min(PROVINCES.length - 1, Math.floor((col * PROVINCES.length) / side))];
    const code = `${province.code}${String(1 + (i % 9) + Math.floor(i / 90) * 10).padStart(2, "0")}${String(21 + Math.floor(i / 9)).padStart(2, "0")}`;
    const name = countyName(random, takenCounties);
    const shortCode = shortCodeOf(i);
    const id = Number(insertCounty.run(name, code, province.name, shortCode, now).lastInsertRowid);
    // Four levels: the county, 10 townships, 5 villages each, 3 micro-grids per village.
    const stems = new Set<string>();
    const villages: County["villages"] = [];
    for (let t = 0; t < 10; t++) {
      // Every county of a pact portal lies on a border: its first four townships touch it.
      const townBorder = t < 4;
      const town = Number(insertRegion.run(id, null, "township", `${placeStem(random, stems)}镇`, townBorder ? 1 : 0, now, now).lastInsertRowid);
      for (let v = 0; v < 5; v++) {
        const villageName = `${placeStem(random, stems)}村`;
        const village = Number(insertRegion.run(id, town, "village", villageName, townBorder && v < 2 ? 1 : 0, now, now).lastInsertRowid);
        villages.push({ id: village, name: villageName });
        for (let g = 1; g <= 3; g++) insertRegion.run(id, village, "micro_grid", `${villageName}第${"一二三"[g - 1]}微网格`, townBorder && v < 2 ? 1 : 0, now, now);
      }
    }
    const usersByRole = new Map<Role, string[]>();
    for (let u = 0; u < usersPerCounty; u++) {
      const [suffix, role] = u < ROLE_SUFFIX.length ? ROLE_SUFFIX[u] : [ROLE_SUFFIX.find(([, r]) => r === MORE_ROLES[u % MORE_ROLES.length])![0] + u, MORE_ROLES[u % MORE_ROLES.length]];
      const id2 = userId(++userIndex);
      const username = `${shortCode.toLowerCase()}.${suffix}`;
      insertUser.run(id2, id, username, personName(random), "", `0745-${String(6000000 + userIndex)}`, o.passwordHash, now, now);
      insertRole.run(id2, role);
      usersByRole.set(role, [...(usersByRole.get(role) ?? []), id2]);
      userCountyRoles.set(id2, { countyId: id, roles: [role] });
    }
    counties.push({ id, name, shortCode, villages, usersByRole, pacts: [] });
  }
  const pacts = createPacts(sqlite, random, o, counties, side);
  return { counties, pacts, userCountyRoles };
}

/** Neighbouring pairs on the map: left–right and up–down first, then diagonals. */
function neighbourPairs(count: number, side: number, random: Random): [number, number][] {
  const straight: [number, number][] = [];
  const diagonal: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const r = i % side;
    const c = Math.floor(i / side);
    if (r + 1 < side && i + 1 < count) straight.push([i, i + 1]);
    if (i + side < count) straight.push([i, i + side]);
    if (r + 1 < side && i + side + 1 < count) diagonal.push([i, i + side + 1]);
    if (r > 0 && i + side - 1 < count) diagonal.push([i, i + side - 1]);
  }
  diagonal.sort(() => random.next() - 0.5);
  return [...straight, ...diagonal];
}

function createPacts(sqlite: Database.Database, random: Random, o: WorldOptions, counties: County[], side: number): Pact[] {
  const insertPact = sqlite.prepare(
    "insert into pacts (title, proposer_county_id, status, starts_on, ends_on, articles, created_by, created_at, updated_at) values (?, ?, ?, ?, null, ?, ?, ?, ?)",
  );
  const insertMember = sqlite.prepare("insert into pact_members (pact_id, county_id, signature, signed_by, signed_at) values (?, ?, ?, ?, ?)");
  const insertWorkflow = sqlite.prepare("insert into pact_workflows (pact_id, workflow) values (?, ?)");
  const insertEvent = sqlite.prepare("insert into pact_events (pact_id, action, county_id, user_id, reason, at) values (?, ?, ?, ?, null, ?)");
  const insertLiaison = sqlite.prepare("insert into pact_liaisons (pact_id, user_id, county_id) values (?, ?, ?)");
  const insertBody = sqlite.prepare("insert into joint_bodies (pact_id, kind, name, level, region_id, created_by, created_at) values (?, ?, ?, ?, null, ?, ?)");
  const insertBodyMember = sqlite.prepare("insert into joint_body_members (body_id, user_id, county_id, duty) values (?, ?, ?, ?)");
  const pacts: Pact[] = [];
  for (const [a, b] of neighbourPairs(counties.length, side, random).slice(0, o.pacts)) {
    const [ca, cb] = [counties[a], counties[b]];
    const roll = random.next();
    const status = roll < 0.9 ? "active" : roll < 0.94 ? "suspended" : roll < 0.97 ? "terminated" : "proposed";
    const proposedAt = o.start - random.int(365) * DAY_MS;
    const startsOn = new Date(proposedAt + 14 * DAY_MS).toISOString().slice(0, 10);
    const proposer = ca.usersByRole.get("pl_staff")![0];
    const title = `${ca.name.slice(0, 2)}、${cb.name.slice(0, 2)}平安边界“六联”协议`;
    const id = Number(
      insertPact.run(title, ca.id, status, startsOn, "第一条 双方建立边界联防联调联治机制。\n第二条 双方互通情况、共享信息。", proposer, proposedAt, proposedAt).lastInsertRowid,
    );
    const workflows = new Set<Workflow>(random.chance(0.8) ? WORKFLOWS : WORKFLOWS.filter((w) => w === "hazard" || random.chance(0.6)));
    for (const w of workflows) insertWorkflow.run(id, w);
    insertEvent.run(id, "propose", ca.id, proposer, proposedAt);
    for (const [i, c] of [ca, cb].entries()) {
      const signer = c.usersByRole.get("county_admin")![0];
      const signed = status !== "proposed" || i === 0;
      insertMember.run(id, c.id, signed ? "signed" : "pending", signed ? signer : null, signed ? proposedAt + (i + 1) * DAY_MS : null);
      if (signed) insertEvent.run(id, "countersign", c.id, signer, proposedAt + (i + 1) * DAY_MS);
      insertLiaison.run(id, c.usersByRole.get("pl_staff")![0], c.id);
      insertLiaison.run(id, c.usersByRole.get("police_liaison")![0], c.id);
    }
    if (status !== "proposed") insertEvent.run(id, "activate", cb.id, cb.usersByRole.get("county_admin")![0], proposedAt + 2 * DAY_MS);
    if (status === "suspended" || status === "terminated") insertEvent.run(id, status === "suspended" ? "suspend" : "terminate", ca.id, proposer, proposedAt + 400 * DAY_MS);
    const committeeId = Number(insertBody.run(id, "mediation_committee", `${title.slice(0, 5)}边界联合人民调解委员会`, "township", proposer, proposedAt + 3 * DAY_MS).lastInsertRowid);
    const teamId = Number(insertBody.run(id, "patrol_team", `${title.slice(0, 5)}边界联合巡逻队`, null, proposer, proposedAt + 3 * DAY_MS).lastInsertRowid);
    for (const c of [ca, cb]) {
      insertBodyMember.run(committeeId, c.usersByRole.get("mediator")![0], c.id, "委员");
      insertBodyMember.run(teamId, c.usersByRole.get("police_liaison")![0], c.id, "队员");
    }
    const pact: Pact = { id, members: [ca.id, cb.id], active: status === "active", workflows, committeeId, teamId };
    pacts.push(pact);
    ca.pacts.push(pact);
    cb.pacts.push(pact);
  }
  return pacts;
}
