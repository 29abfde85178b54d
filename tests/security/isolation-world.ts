/**
 * The demo world as the isolation table sees it: the 24 demo users, the pacts (the two demo ones
 * from db/seed/demo-data.ts and the ones these tests make), and who may legitimately see whom.
 *
 * The rule, kept precise: a county sees its own people, regions and pacts. Of another county it
 * sees only what a pact it belongs to names: that pact (title, articles, bodies) and the people
 * the pact's pages show (proposer, signers, liaisons, joint-body creators and members). County
 * names are public (the proposal form lists every county). Everything else of another county —
 * its other people (name, username, id, phone), all its regions, its pacts with third
 * counties — must never appear in what a loader or action returns to this county.
 *
 * A later workflow (hazards, disputes…) that makes more of a partner visible (e.g. the place of a
 * shared record) says so here, next to `peopleVisibleTo`, and adds its fixtures to ALL_PACTS or
 * a list of its own.
 */
import { DEMO_COUNTIES, DEMO_NAMES, DEMO_PACTS, DEMO_ROLES, type DemoRegion } from "~db/seed/demo-data";
import { DEMO_HAZARDS } from "~db/seed/hazards-demo";
import { DEMO_SWEEPS } from "~db/seed/hazards-demo-data";
import type { Role, Workflow } from "~/modules/access/capabilities";

export const COUNTY_CODES = ["XH", "TZ", "YP", "ZJ"] as const;
export type CountyCode = (typeof COUNTY_CODES)[number];

export interface DemoUser {
  username: string;
  county: CountyCode;
  /** admin, pl, police, mediator, grid, leader */
  suffix: string;
  role: Role;
  displayName: string;
}

/** 4 counties × 6 roles, e.g. `tz.grid`. */
export const DEMO_USERS: DemoUser[] = COUNTY_CODES.flatMap((county) =>
  DEMO_ROLES.map(({ suffix, role }) => ({
    username: `${county.toLowerCase()}.${suffix}`,
    county,
    suffix,
    role,
    displayName: DEMO_NAMES[county][suffix],
  })),
);

export function demoUser(username: string): DemoUser {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user;
}

export const nameOf = (username: string) => demoUser(username).displayName;
export const countyOf = (username: string) => demoUser(username).county;
export const peopleOf = (county: CountyCode) => DEMO_USERS.filter((u) => u.county === county);

export function countyName(code: CountyCode): string {
  return DEMO_COUNTIES.find((c) => c.shortCode === code)!.name;
}

function flatten(nodes: DemoRegion[]): string[] {
  return nodes.flatMap((n) => [n.name, ...flatten(n.children ?? [])]);
}

/** Every node of a county's four-level network, by name (names are unique across the demo). */
export function regionNamesOf(code: CountyCode): string[] {
  return flatten(DEMO_COUNTIES.find((c) => c.shortCode === code)!.regions);
}

export type PactKey = "xhTz" | "xhYp" | "xhZj" | "xhZjProposed";

export interface BodyFixture {
  kind: "mediation_committee" | "patrol_team";
  name: string;
  level: "township" | "village" | null;
  /** Who formed it (a pl_staff or admin of a member county). */
  creator: string;
  /** Usernames; the creator's county's people are named at creation, the others added after. */
  members: string[];
}

export interface PactFixture {
  key: PactKey;
  /** How test names call it. */
  label: string;
  title: string;
  members: CountyCode[];
  workflows: Workflow[];
  /** active (and in term: home page, liaison directory) or proposed (waiting for signatures). */
  phase: "active" | "proposed";
  proposer: string;
  /** Who signed for each county that has signed (the proposer signs for the proposing county). */
  signers: string[];
  liaisons: string[];
  bodies: BodyFixture[];
  /** Other text only members may read; fresh pacts use them as their articles, one per line. */
  secrets: string[];
  /** Made by the seed (true) or by prepareTargets through the pact services (false). */
  seeded: boolean;
}

const keyOfDemo = (members: string[]) =>
  (members[0].toLowerCase() + members[1][0] + members[1].slice(1).toLowerCase()) as PactKey;

/** The demo pacts as the seed writes them: proposed by the first member's pl, signed by each admin. */
const DEMO_FIXTURES: PactFixture[] = DEMO_PACTS.map((p) => ({
  key: keyOfDemo(p.members),
  label: `the ${p.members.join("–")} pact (demo)`,
  title: p.title,
  members: p.members as CountyCode[],
  workflows: p.workflows,
  phase: "active",
  proposer: `${p.members[0].toLowerCase()}.pl`,
  signers: p.members.map((c) => `${c.toLowerCase()}.admin`),
  liaisons: Object.entries(p.liaisons).flatMap(([c, suffixes]) => suffixes.map((s) => `${c.toLowerCase()}.${s}`)),
  bodies: p.bodies.map((b) => ({
    kind: b.kind,
    name: b.name,
    level: b.level ?? null,
    creator: `${p.members[0].toLowerCase()}.pl`,
    members: b.members.map((m) => `${m.county.toLowerCase()}.${m.suffix}`),
  })),
  secrets: [],
  seeded: true,
}));

/** Pacts the tests make in beforeAll through the real services (see isolation-targets.ts). */
export const FRESH_PACTS: PactFixture[] = [
  {
    key: "xhZj",
    label: "a fresh XH–ZJ pact (active)",
    title: "新晃—芷江平安边界“六联”协议（新签）",
    members: ["XH", "ZJ"],
    workflows: ["hazard", "patrol"],
    phase: "active",
    proposer: "xh.pl",
    signers: ["xh.pl", "zj.admin"],
    liaisons: ["xh.pl", "zj.pl"],
    bodies: [
      { kind: "patrol_team", name: "新晃—芷江边界联合巡防队", level: null, creator: "xh.pl", members: ["xh.police", "zj.grid"] },
    ],
    secrets: ["第一条 新晃芷江两县交界山林共管共护。", "第二条 芷江新晃联合巡防每月一次。"],
    seeded: false,
  },
  {
    key: "xhZjProposed",
    label: "a fresh XH–ZJ proposal (awaiting ZJ)",
    title: "新晃—芷江矛盾纠纷联调协议（待会签）",
    members: ["XH", "ZJ"],
    workflows: ["dispute"],
    phase: "proposed",
    proposer: "xh.pl",
    signers: ["xh.pl"],
    liaisons: ["xh.pl"],
    bodies: [],
    secrets: ["第一条 芷江新晃边界纠纷联调试点。"],
    seeded: false,
  },
];

export const ALL_PACTS: PactFixture[] = [...DEMO_FIXTURES, ...FRESH_PACTS];

export function pactFixture(key: PactKey): PactFixture {
  return ALL_PACTS.find((p) => p.key === key)!;
}

export const isMember = (pact: PactFixture, county: CountyCode) => pact.members.includes(county);
export const memberPactsOf = (county: CountyCode) => ALL_PACTS.filter((p) => isMember(p, county));
export const hasSigned = (pact: PactFixture, county: CountyCode) => pact.signers.some((s) => countyOf(s) === county);

/**
 * Everyone a pact's pages name: proposer, signers, liaisons, body creators and members. A step
 * taken later (suspend, resume, terminate) names its taker in the history too: a fixture that
 * takes one lists that person among its signers or liaisons, or this function learns of steps.
 */
export function peopleNamedBy(pact: PactFixture): string[] {
  const named = [pact.proposer, ...pact.signers, ...pact.liaisons, ...pact.bodies.flatMap((b) => [b.creator, ...b.members])];
  return [...new Set(named)];
}

/**
 * Hazards (问题隐患联防) make more of a partner visible. A hazard shared under a pact shows its
 * thread — the people who reported it, took its steps and wrote messages (never another county's
 * internal notes) — to the counties it is shared with; a joint sweep shows its organiser and
 * participants to the pact's members. And a county that shares hazards with a partner under an
 * active pact sees the partner's regions: the report form offers them, and shared hazards name them.
 */
const demoPactMembers = (key: string) => key.split("-") as CountyCode[];

export function peopleNamedByDemoCases(county: CountyCode): string[] {
  const hazards = DEMO_HAZARDS.filter((h) => h.pact && demoPactMembers(h.pact).includes(county)).flatMap((h) => [
    h.by,
    ...(h.steps ?? []).map((s) => s.by),
    ...(h.messages ?? []).filter((m) => !m.internal).map((m) => m.by),
  ]);
  const sweeps = DEMO_SWEEPS.filter((s) => demoPactMembers(s.pact).includes(county)).flatMap((s) => [s.organiser, ...s.participants]);
  return [...hazards, ...sweeps];
}

/** Counties whose regions `county` may see: those it shares hazards with under an active pact. */
export function hazardPartnersOf(county: CountyCode): CountyCode[] {
  return memberPactsOf(county)
    .filter((p) => p.phase === "active" && p.workflows.includes("hazard"))
    .flatMap((p) => p.members)
    .filter((c) => c !== county);
}

/** Usernames a county may see: its own people, the people its pacts name, and those of shared cases. */
export function peopleVisibleTo(county: CountyCode): Set<string> {
  return new Set([
    ...peopleOf(county).map((u) => u.username),
    ...memberPactsOf(county).flatMap(peopleNamedBy),
    ...peopleNamedByDemoCases(county),
  ]);
}

/**
 * Demo hazard text a county may never read: the titles and descriptions of hazards neither its
 * own nor shared with it, and every internal note written by another county.
 */
export function demoCaseTextHiddenFrom(county: CountyCode): string[] {
  return DEMO_HAZARDS.flatMap((h) => {
    const notes = (h.messages ?? []).filter((m) => m.internal && !m.by.startsWith(`${county.toLowerCase()}.`)).map((m) => m.body);
    const shared = h.owner === county || (h.pact !== null && demoPactMembers(h.pact).includes(county));
    return shared ? notes : [h.title, h.description, ...notes];
  });
}

/** Ids and phones only exist once the database is seeded; isolation-targets.ts fills them in. */
export interface PersonKeys {
  id: string;
  phone: string;
}

/**
 * What a user of `county` must never find in a loader's or action's answer: every trace of the
 * other counties' people it may not see, the regions of counties it shares no hazards with, and
 * the pacts (title, bodies, articles) it is not a member of.
 */
export function mustNotSeeFor(county: CountyCode, people: Record<string, PersonKeys>): string[] {
  const visible = peopleVisibleTo(county);
  const hiddenPeople = DEMO_USERS.filter((u) => u.county !== county && !visible.has(u.username));
  const strings = [
    ...hiddenPeople.flatMap((u) => [u.displayName, u.username, people[u.username].id, people[u.username].phone]),
    ...COUNTY_CODES.filter((c) => c !== county && !hazardPartnersOf(county).includes(c)).flatMap(regionNamesOf),
    ...ALL_PACTS.filter((p) => !isMember(p, county)).flatMap((p) => [p.title, ...p.bodies.map((b) => b.name), ...p.secrets]),
    ...demoCaseTextHiddenFrom(county),
  ];
  return [...new Set(strings)];
}
