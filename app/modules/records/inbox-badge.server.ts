/**
 * The menu badge on every page: the viewer's inbox count (`inboxCount`), remembered per user until
 * something it depends on may have changed. Counting the inbox tests every record the county may
 * see; at province scale that is the most expensive query of a page, and most pages are viewed
 * while nothing changed for the viewer's county.
 *
 * A remembered count is used only while all of these still hold:
 * - no write touched a record of the viewer's county (its own or addressed to it) since, nor
 *   anything that is not a record (a pact, a user, …): county-changes.server.ts reads that from
 *   the audit log;
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
import type { Viewer } from "~/modules/auth/viewer";
import { preparedStatement } from "~/modules/db/connection.server";
import { todayInChina } from "~/i18n";
import { changeMarksOf, rememberedStore, type ChangeMarks } from "./county-changes.server";
import { inboxTally } from "./inbox.server";

/** Users remembered at most; the oldest are forgotten first. */
const MAX_USERS = 20_000;
/**
 * The floor is kept this far behind the count's own time: a write that began before the count
 * (here or in another process) and was not yet committed still falls after it.
 */
const FLOOR_MARGIN_MS = 60_000;

interface Remembered {
  count: number;
  signature: string;
  at: number;
  /** No record changed before this has entries the viewer has not read (0: unknown). */
  floor: number;
  /** What the floor depends on: changes that may concern everyone, county, roles and the day. */
  floorKey: string;
}

const remembered = rememberedStore<Remembered>(MAX_USERS);

/** What the count depends on besides time. */
function signatureOf(marks: ChangeMarks, viewer: Viewer): string {
  const read = preparedStatement("select max(read_at) from read_states where user_id = ?").pluck().get(viewer.userId) as number | null;
  return `${marks.everyone}|${marks.county}|${read ?? 0}|${viewer.countyId}|${[...viewer.roles].sort().join(",")}`;
}

/** What the unread floor depends on: anything that may let the viewer see an old record anew. */
function floorKeyOf(marks: ChangeMarks, viewer: Viewer, now: number): string {
  return `${marks.everyone}|${viewer.countyId}|${[...viewer.roles].sort().join(",")}|${todayInChina(now)}`;
}

/** The viewer's inbox count for the menu badge; the same number as `inboxCount`, up to a minute late on deadlines. */
export function inboxBadgeCount(viewer: Viewer, now = Date.now()): number {
  const marks = changeMarksOf(viewer.countyId);
  const signature = signatureOf(marks, viewer);
  const floorKey = floorKeyOf(marks, viewer, now);
  const fresh = remembered.fresh(viewer.userId, signature, now);
  if (fresh) return fresh.count;
  const hit = remembered.get(viewer.userId);
  const since = hit && hit.floorKey === floorKey && now >= hit.at ? hit.floor : 0;
  const { count, oldestUnreadChange } = inboxTally(viewer, now, since);
  const floor = Math.max(1, Math.min(oldestUnreadChange ?? Infinity, now - FLOOR_MARGIN_MS));
  remembered.set(viewer.userId, { count, signature, at: now, floor, floorKey });
  return count;
}

/**
 * The floor for the viewer's inbox list (`inboxFor`'s `changedSince`), as the last badge count
 * left it; 0 (test every record) when none is known or it no longer holds.
 */
export function inboxChangedSince(viewer: Viewer, now = Date.now()): number {
  const hit = remembered.get(viewer.userId);
  return hit && hit.floorKey === floorKeyOf(changeMarksOf(viewer.countyId), viewer, now) && now >= hit.at ? hit.floor : 0;
}
