/**
 * What changed, per county, since the last look: read from the audit log, which every write goes
 * through — by this process or any other on the database. Values remembered between requests
 * (the menu badge, a list's tab counts) compare these marks to know whether they still hold.
 *
 * - `county`: bumped by a write to a record the county owns or is addressed on;
 * - `everyone`: bumped by a write that is not to a record (a pact step, a user, a region …), which
 *   may concern any county. Sign-ins, sign-outs, exports and refused accesses change nothing
 *   and are skipped.
 */
import { WORKFLOWS } from "~/modules/access/capabilities";
import { getDb, preparedStatement, type Db } from "~/modules/db/connection.server";

/** More new audit entries than this at once are not sorted by county: everything counts as changed. */
const MAX_ENTRIES_READ = 1_000;

const RECORD_TYPES = new Set<string>(WORKFLOWS);

interface Changes {
  /** The newest audit entry read. */
  lastAuditId: number;
  everyone: number;
  byCounty: Map<number, number>;
}

export interface ChangeMarks {
  everyone: number;
  county: number;
}

const byDatabase = new WeakMap<Db, Changes>();

function changesOf(db: Db): Changes {
  let changes = byDatabase.get(db);
  if (!changes) {
    const last = preparedStatement("select max(id) from audit_log").pluck().get() as number | null;
    changes = { lastAuditId: last ?? 0, everyone: 0, byCounty: new Map() };
    byDatabase.set(db, changes);
  }
  return changes;
}

/** Reads the audit entries written since the last call and bumps the counties they concern. */
function catchUp(changes: Changes): void {
  const entries = preparedStatement(
    "select id, action, entity_type as entityType, entity_id as entityId from audit_log where id > ? order by id limit ?"
  ).all(changes.lastAuditId, MAX_ENTRIES_READ + 1) as {
    id: number;
    action: string;
    entityType: string;
    entityId: string | null;
  }[];
  if (entries.length === 0) return;
  if (entries.length > MAX_ENTRIES_READ) {
    changes.everyone++;
    changes.lastAuditId = preparedStatement("select max(id) from audit_log").pluck().get() as number;
    return;
  }
  for (const entry of entries) {
    changes.lastAuditId = entry.id;
    // Sign-ins, exports and refused accesses change nothing (a flood of probes must not
    // make every county count again).
    if (entry.action.startsWith("auth.") || entry.action.endsWith(".export") || entry.action === "access.denied") continue;
    const recordId = Number(entry.entityId);
    if (!RECORD_TYPES.has(entry.entityType) || !Number.isSafeInteger(recordId)) {
      changes.everyone++;
      continue;
    }
    const counties = preparedStatement(
      "select owner_county_id from records where id = ? union select county_id from record_addressees where record_id = ?"
    )
      .pluck()
      .all(recordId, recordId) as number[];
    for (const countyId of counties) changes.byCounty.set(countyId, (changes.byCounty.get(countyId) ?? 0) + 1);
  }
}

/** The change marks for a county, after reading what was written since the last look. */
export function changeMarksOf(countyId: number): ChangeMarks {
  const changes = changesOf(getDb());
  catchUp(changes);
  return {
    everyone: changes.everyone,
    county: changes.byCounty.get(countyId) ?? 0,
  };
}

/** How long a remembered value is used at most: deadlines pass with time alone. */
export const REMEMBER_MS = 60_000;

/**
 * Values remembered between requests under a key, one map per database (tests open several),
 * the least recently stored forgotten once there are more than `max`.
 */
export function rememberedStore<V extends { signature: string; at: number }>(max: number) {
  const byDatabase = new WeakMap<Db, Map<string, V>>();
  const mapOf = () => {
    let map = byDatabase.get(getDb());
    if (!map) byDatabase.set(getDb(), (map = new Map()));
    return map;
  };
  return {
    get: (key: string): V | undefined => mapOf().get(key),
    /** The value under `key` if it was stored with this signature less than REMEMBER_MS ago. */
    fresh: (key: string, signature: string, now: number): V | undefined => {
      const hit = mapOf().get(key);
      return hit && hit.signature === signature && now >= hit.at && now - hit.at < REMEMBER_MS ? hit : undefined;
    },
    set: (key: string, value: V): void => {
      const map = mapOf();
      map.delete(key);
      map.set(key, value);
      if (map.size > max) map.delete(map.keys().next().value!);
    },
  };
}
