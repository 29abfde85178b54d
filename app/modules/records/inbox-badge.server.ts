/**
 * The menu badge on every page: the viewer's inbox count (`inboxCount`), remembered per user until
 * something it depends on may have changed. Counting the inbox tests every record the county may
 * see; at province scale that is the most expensive query of a page, and most pages are viewed
 * while nothing changed.
 *
 * A remembered count is used only while all of these still hold:
 * - no write was made since (every write is audited, so the newest audit entry that is not a
 *   sign-in or sign-out marks the last change — by this process or any other on the database);
 * - the viewer's read marks did not move (`markThreadRead` writes only when a mark advances);
 * - the viewer's county and roles are the same;
 * - it is younger than a minute (deadlines pass with time alone).
 */
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, preparedStatement, type Db } from "~/modules/db/connection.server";
import { inboxCount } from "./inbox.server";

const MAX_AGE_MS = 60_000;
/** Users remembered per database at most; the oldest are forgotten first. */
const MAX_USERS = 20_000;

interface Remembered {
  count: number;
  signature: string;
  at: number;
}

const byDatabase = new WeakMap<Db, Map<string, Remembered>>();

/** What the count depends on besides time, read in two index lookups. */
function signatureOf(viewer: Viewer): string {
  const change = preparedStatement("select id from audit_log where action not like 'auth.%' order by id desc limit 1")
    .pluck()
    .get() as number | undefined;
  const read = preparedStatement("select max(read_at) from read_states where user_id = ?").pluck().get(viewer.userId) as number | null;
  return `${change ?? 0}|${read ?? 0}|${viewer.countyId}|${[...viewer.roles].sort().join(",")}`;
}

/** The viewer's inbox count for the menu badge; the same number as `inboxCount`, up to a minute late on deadlines. */
export function inboxBadgeCount(viewer: Viewer, now = Date.now()): number {
  const db = getDb();
  let remembered = byDatabase.get(db);
  if (!remembered) byDatabase.set(db, (remembered = new Map()));
  const signature = signatureOf(viewer);
  const hit = remembered.get(viewer.userId);
  if (hit && hit.signature === signature && now - hit.at < MAX_AGE_MS && now >= hit.at) return hit.count;
  const count = inboxCount(viewer, now);
  remembered.delete(viewer.userId);
  remembered.set(viewer.userId, { count, signature, at: now });
  if (remembered.size > MAX_USERS) remembered.delete(remembered.keys().next().value!);
  return count;
}
