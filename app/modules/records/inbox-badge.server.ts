/**
 * The menu badge on every page: the viewer's inbox count (`inboxCount`), remembered per user until
 * something it depends on may have changed. Counting the inbox tests every record the county may
 * see; at province scale that is the most expensive query of a page, and most pages are viewed
 * while nothing changed for the viewer's county.
 *
 * A remembered count is used only while all of these still hold:
 * - no write touched a record of the viewer's county (its own or addressed to it) since, nor
 *   anything that is not a record (a pact, a user, …). Every write is audited, so the audit entries
 *   after the last one seen tell what changed — by this process or any other on the database;
 *   sign-ins, sign-outs and exports change nothing the inbox counts;
 * - the viewer's read marks did not move (`markThreadRead` writes only when a mark advances);
 * - the viewer's county and roles are the same;
 * - it is younger than a minute (deadlines pass with time alone).
 *
 * When it is counted again, only the records that can be in the inbox are tested: the county's
 * open ones and those changed since a floor remembered per user — the oldest change among the
 * records with entries the viewer had not read at the last count (inbox.server.ts
 * `candidateIds`). Entries written later change their record after the floor, read marks only
 * move forward, so no record changed before it can have become unread. What else could make an
 * old record visible — a pact step, the viewer's county or roles, a new day (pact terms) —
 * forgets the floor, and the next count tests every record once.
 */
import { WORKFLOWS } from "~/modules/access/capabilities";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, preparedStatement, type Db } from "~/modules/db/connection.server";
import { todayInChina } from "~/i18n";
import { inboxTally } from "./inbox.server";

const MAX_AGE_MS = 60_000;
/** Users remembered per database at most; the oldest are forgotten first. */
const MAX_USERS = 20_000;
/** More new audit entries than this at once are not sorted by county: everything is counted again. */
const MAX_ENTRIES_READ = 1_000;
/**
 * The floor is kept this far behind the count's own time: a write that began before the count
 * (here or in another process) and was not yet committed still falls after it.
 */
const FLOOR_MARGIN_MS = 60_000;

const RECORD_TYPES = new Set<string>(WORKFLOWS);

interface Remembered {
  count: number;
  signature: string;
  at: number;
  /** No record changed before this has entries the viewer has not read (0: unknown). */
  floor: number;
  /** What the floor depends on: changes that may concern everyone, county, roles and the day. */
  floorKey: string;
}

interface Changes {
  /** The newest audit entry read. */
  lastAuditId: number;
  /** Bumped by a change that may concern every county. */
  everyone: number;
  /** Bumped by a change to a record the county owns or is addressed on. */
  byCounty: Map<number, number>;
  remembered: Map<string, Remembered>;
}

const byDatabase = new WeakMap<Db, Changes>();

function changesOf(db: Db): Changes {
  let changes = byDatabase.get(db);
  if (!changes) {
    const last = preparedStatement("select max(id) from audit_log").pluck().get() as number | null;
    changes = { lastAuditId: last ?? 0, everyone: 0, byCounty: new Map(), remembered: new Map() };
    byDatabase.set(db, changes);
  }
  return changes;
}

/** Reads the audit entries written since the last call and bumps the counties they concern. */
function catchUp(changes: Changes): void {
  const entries = preparedStatement(
    "select id, action, entity_type as entityType, entity_id as entityId from audit_log where id > ? order by id limit ?",
  ).all(changes.lastAuditId, MAX_ENTRIES_READ + 1) as { id: number; action: string; entityType: string; entityId: string | null }[];
  if (entries.length === 0) return;
  if (entries.length > MAX_ENTRIES_READ) {
    changes.everyone++;
    changes.lastAuditId = preparedStatement("select max(id) from audit_log").pluck().get() as number;
    return;
  }
  for (const entry of entries) {
    changes.lastAuditId = entry.id;
    if (entry.action.startsWith("auth.") || entry.action.endsWith(".export")) continue;
    const recordId = Number(entry.entityId);
    if (!RECORD_TYPES.has(entry.entityType) || !Number.isSafeInteger(recordId)) {
      changes.everyone++;
      continue;
    }
    const counties = preparedStatement(
      "select owner_county_id from records where id = ? union select county_id from record_addressees where record_id = ?",
    )
      .pluck()
      .all(recordId, recordId) as number[];
    for (const countyId of counties) changes.byCounty.set(countyId, (changes.byCounty.get(countyId) ?? 0) + 1);
  }
}

/** What the count depends on besides time. */
function signatureOf(changes: Changes, viewer: Viewer): string {
  const read = preparedStatement("select max(read_at) from read_states where user_id = ?").pluck().get(viewer.userId) as number | null;
  const county = changes.byCounty.get(viewer.countyId) ?? 0;
  return `${changes.everyone}|${county}|${read ?? 0}|${viewer.countyId}|${[...viewer.roles].sort().join(",")}`;
}

/** What the unread floor depends on: anything that may let the viewer see an old record anew. */
function floorKeyOf(changes: Changes, viewer: Viewer, now: number): string {
  return `${changes.everyone}|${viewer.countyId}|${[...viewer.roles].sort().join(",")}|${todayInChina(now)}`;
}

/** The viewer's inbox count for the menu badge; the same number as `inboxCount`, up to a minute late on deadlines. */
export function inboxBadgeCount(viewer: Viewer, now = Date.now()): number {
  const changes = changesOf(getDb());
  catchUp(changes);
  const signature = signatureOf(changes, viewer);
  const floorKey = floorKeyOf(changes, viewer, now);
  const hit = changes.remembered.get(viewer.userId);
  if (hit && hit.signature === signature && now - hit.at < MAX_AGE_MS && now >= hit.at) return hit.count;
  const since = hit && hit.floorKey === floorKey && now >= hit.at ? hit.floor : 0;
  const { count, oldestUnreadChange } = inboxTally(viewer, now, since);
  const floor = Math.max(1, Math.min(oldestUnreadChange ?? Infinity, now - FLOOR_MARGIN_MS));
  changes.remembered.delete(viewer.userId);
  changes.remembered.set(viewer.userId, { count, signature, at: now, floor, floorKey });
  if (changes.remembered.size > MAX_USERS) changes.remembered.delete(changes.remembered.keys().next().value!);
  return count;
}

/**
 * The floor for the viewer's inbox list (`inboxFor`'s `changedSince`), as the last badge count
 * left it; 0 (test every record) when none is known or it no longer holds.
 */
export function inboxChangedSince(viewer: Viewer, now = Date.now()): number {
  const changes = changesOf(getDb());
  catchUp(changes);
  const hit = changes.remembered.get(viewer.userId);
  return hit && hit.floorKey === floorKeyOf(changes, viewer, now) && now >= hit.at ? hit.floor : 0;
}
