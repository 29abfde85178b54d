/**
 * The ids hostile requests aim at, read from the demo world once per test file: XH's own things,
 * things of the other counties (some shared with XH, some not), and ids nothing has.
 */
import fc from "fast-check";
import { beforeAll, vi } from "vitest";
import { useDemoData } from "../../setup/demo";
import { getDb } from "~/modules/db/connection.server";

export interface World {
  counties: Record<"XH" | "TZ" | "YP" | "ZJ", number>;
  users: Record<string, string>;
  /** Pacts XH belongs to, and pacts it does not. */
  xhPacts: number[];
  otherPacts: number[];
  xhRegions: number[];
  otherRegions: number[];
  bodies: number[];
  sweeps: number[];
  milestones: number[];
  findings: number[];
  attachments: number[];
  /** Per workflow: records XH can see (its own first) and records it cannot. */
  visible: Record<string, number[]>;
  hidden: number[];
  actionItems: number[];
  activities: number[];
  refNos: string[];
}

export const world = {} as World;

const ids = (sql: string, ...args: unknown[]) => (getDb().$client.prepare(sql).all(...args) as { id: number }[]).map((r) => r.id);

export function prepareWorld(): World {
  const db = getDb().$client;
  for (const c of db.prepare("select id, short_code from counties").all() as { id: number; short_code: string }[]) {
    (world.counties ??= {} as World["counties"])[c.short_code as keyof World["counties"]] = c.id;
  }
  world.users = Object.fromEntries((db.prepare("select username, id from users").all() as { username: string; id: string }[]).map((u) => [u.username, u.id]));
  const xh = world.counties.XH;
  world.xhPacts = ids("select pact_id as id from pact_members where county_id = ?", xh);
  world.otherPacts = ids("select id from pacts where id not in (select pact_id from pact_members where county_id = ?)", xh);
  world.xhRegions = ids("select id from regions where county_id = ? order by id limit 12", xh);
  world.otherRegions = ids("select id from regions where county_id <> ? order by id limit 12", xh);
  world.bodies = ids("select id from joint_bodies order by id");
  world.sweeps = ids("select id from joint_sweeps order by id");
  world.milestones = ids("select id from project_milestones order by id");
  world.findings = ids("select id from patrol_findings order by id limit 20");
  world.attachments = ids("select id from attachments order by id");
  world.visible = {};
  for (const w of ["hazard", "dispute", "notice", "patrol", "meeting", "project"]) {
    world.visible[w] = ids(
      `select r.id from records r where r.workflow = ? and (r.owner_county_id = ? or r.pact_id in (select pact_id from pact_members where county_id = ?))
       order by r.owner_county_id <> ?, r.status in ('completed', 'eliminated', 'dismissed', 'followed_up', 'concluded', 'cancelled', 'done'), r.id desc limit 8`,
      w, xh, xh, xh,
    );
  }
  world.hidden = ids("select id from records where owner_county_id <> ? and (pact_id is null or pact_id not in (select pact_id from pact_members where county_id = ?))", xh, xh);
  world.actionItems = ids("select record_id as id from action_items order by record_id");
  world.activities = ids("select id from joint_activities order by id desc limit 6");
  world.refNos = (db.prepare("select ref_no from records order by id desc limit 20").all() as { ref_no: string }[]).map((r) => r.ref_no);
  return world;
}

const str = (values: (string | number)[]) => fc.constantFrom(...(values.length ? values : [0]).map(String));

/** Plausible values: real ids of every county, so ids of records of other counties come up often. */
export const plausible = {
  county: () => str(Object.values(world.counties)),
  user: () => str(Object.values(world.users)),
  pact: () => str([...world.xhPacts, ...world.otherPacts]),
  region: () => str([...world.xhRegions, ...world.otherRegions]),
  body: () => str(world.bodies),
  sweep: () => str(world.sweeps),
  milestone: () => str(world.milestones),
  finding: () => str(world.findings),
  record: () => str([...Object.values(world.visible).flat(), ...world.hidden]),
  refNo: () => str(world.refNos),
};

/**
 * The demo world and its targets for a hostile test file. Seeding takes a while when several test
 * files seed at once on a busy machine, so the hooks get a minute.
 */
export function useHostileWorld() {
  vi.setConfig({ hookTimeout: 60_000 });
  useDemoData();
  beforeAll(prepareWorld);
}
