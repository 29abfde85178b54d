/**
 * What the benchmark needs to find in a scale database: counties with many pacts, their users of
 * each role, one record per county with a 200-entry thread, and read marks for those users (they
 * have read their threads up to a week ago, as people who use the portal daily have).
 */
import type Database from "better-sqlite3";
import type { Random } from "./words";
import { writeRecord, type statements } from "./records";
import { DAY_MS, type World } from "./world";

/** How many counties the benchmark signs in from, and the roles of its users. */
const BENCH_COUNTIES = 3;
const BENCH_ROLES = ["pl", "police", "mediator", "grid", "leader"] as const;
export const LONG_THREAD = 200;

export function benchFixtures(
  sqlite: Database.Database,
  s: ReturnType<typeof statements>,
  world: World,
  random: Random,
  sequences: Map<string, number>,
  now: number,
) {
  const full = (c: World["counties"][number]) => c.pacts.filter((p) => p.active && p.workflows.size === 6);
  const chosen = [...world.counties].sort((a, b) => full(b).length - full(a).length || a.id - b.id).slice(0, BENCH_COUNTIES);
  const counties = chosen.map((county) => {
    const pact = full(county)[0];
    const { recordId } = writeRecord(s, world, random, sequences, now - 30 * DAY_MS, now, LONG_THREAD, { owner: county, workflow: "hazard", pact });
    const users = BENCH_ROLES.map((role) => `${county.shortCode.toLowerCase()}.${role}`);
    // A village the county's records and messages name (the long thread's own), as people search.
    const village = (sqlite.prepare("select g.name from records r join regions g on g.id = r.region_id where r.id = ?").get(recordId) as { name: string }).name;
    return { id: county.id, name: county.name, shortCode: county.shortCode, pactId: pact.id, threadRecordId: recordId, users, searchTerm: village };
  });
  // Read marks: each bench user has read every visible thread up to a week ago.
  const readUpTo = now - 7 * DAY_MS;
  const mark = sqlite.prepare(`insert or ignore into read_states (user_id, record_id, last_read_entry_id, read_at)
    select u.id, r.id, (select max(t.id) from thread_entries t where t.record_id = r.id and t.created_at < ?), ?
    from users u join records r on r.owner_county_id = u.county_id
      or exists (select 1 from record_addressees ra where ra.record_id = r.id and ra.county_id = u.county_id)
    where u.username = ? and exists (select 1 from thread_entries t where t.record_id = r.id and t.created_at < ?)`);
  for (const c of counties) for (const username of c.users) mark.run(readUpTo, readUpTo, username, readUpTo);
  return {
    extraRecords: counties.length,
    extraEntries: counties.length * LONG_THREAD,
    manifest: { password: "demo-2026", counties },
  };
}
