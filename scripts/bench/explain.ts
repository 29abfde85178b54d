/**
 * Prints every SQL statement one page function prepares for a benchmark user, with SQLite's
 * query plan, to see which index (or scan) answers it.
 *
 *   DATABASE_PATH=data/scale/province.sqlite npx tsx scripts/bench/explain.ts <username> <inboxCount|inboxFor|listHazards|hazardCounts|pactFigures> [pactId | unread floor]
 */
import Database from "better-sqlite3";

const prepare = Database.prototype.prepare;
const seen: string[] = [];
Database.prototype.prepare = function (this: Database.Database, source: string) {
  seen.push(source);
  return prepare.call(this, source);
} as typeof prepare;

const { eq } = await import("drizzle-orm");
const { users } = await import("~db/schema");
const { getDb } = await import("~/modules/db/connection.server");
const { loadViewerIdentity } = await import("~/modules/tenancy/users.server");
const { todayInChina } = await import("~/i18n");
const [username, fn = "inboxCount", pactId] = process.argv.slice(2);
const row = getDb().select({ id: users.id }).from(users).where(eq(users.username, username)).get();
if (!row) throw new Error(`no user ${username}`);
const { disabled: _disabled, ...identity } = loadViewerIdentity(row.id)!;
const viewer = { ...identity, sessionId: "explain", ip: null };
seen.length = 0;
if (fn === "pactFigures") {
  const { pactFigures } = await import("~/modules/stats/figures.server");
  const { presetPeriod } = await import("~/modules/stats/period");
  pactFigures(viewer, Number(pactId), presetPeriod("year", todayInChina()));
} else if (fn === "listHazards" || fn === "hazardCounts") {
  const list = await import("~/modules/hazards/list.server");
  list[fn](viewer, { status: "rectifying", overdue: false, mine: false });
} else {
  const inbox = await import("~/modules/records/inbox.server");
  (fn === "inboxFor" ? inbox.inboxFor : inbox.inboxCount)(viewer, Date.now(), Number(pactId ?? 0));
}
const sqlite = getDb().$client;
for (const source of [...seen]) {
  console.log(`\n${source.replace(/\s+/g, " ").slice(0, 400)}${source.length > 400 ? " …" : ""}`);
  const params = Array((source.match(/\?/g) ?? []).length).fill(0);
  for (const step of sqlite.prepare(`explain query plan ${source}`).all(...params) as { detail: string }[]) console.log(`   ${step.detail}`);
}
