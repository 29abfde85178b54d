/**
 * Times each page's queries one by one (the module functions the pages call) for the benchmark
 * users of a scale database, to find where a slow page spends its time.
 *
 *   DATABASE_PATH=data/scale/province.sqlite npx tsx scripts/bench/profile.ts
 */
import fs from "node:fs";
import { eq } from "drizzle-orm";
import { users } from "~db/schema";
import { findVisibleRecord } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { databasePath, getDb } from "~/modules/db/connection.server";
import { hazardCounts, hazardFilterChoices, listHazards } from "~/modules/hazards/list.server";
import { inboxBadgeCount, inboxChangedSince } from "~/modules/records/inbox-badge.server";
import { inboxCount, inboxFor } from "~/modules/records/inbox.server";
import { unreadCounts } from "~/modules/records/read-state.server";
import { listThread } from "~/modules/records/thread.server";
import { searchRecords } from "~/modules/search/search.server";
import { pactFigures } from "~/modules/stats/figures.server";
import { presetPeriod } from "~/modules/stats/period";
import { loadViewerIdentity } from "~/modules/tenancy/users.server";
import { todayInChina } from "~/i18n";
import type { Manifest } from "./pages";

// PROFILE_PRAGMAS="mmap_size=1073741824;cache_size=-65536" tries connection settings before timing.
for (const pragma of (process.env.PROFILE_PRAGMAS ?? "").split(";").filter(Boolean)) getDb().$client.pragma(pragma);
const manifest = JSON.parse(fs.readFileSync(`${databasePath()}.json`, "utf8")) as Manifest;
const repeat = Number(process.env.REPEAT ?? 3);

function viewerOf(username: string): Viewer {
  const row = getDb().select({ id: users.id }).from(users).where(eq(users.username, username)).get()!;
  const { disabled: _disabled, ...rest } = loadViewerIdentity(row.id)!;
  return { ...rest, sessionId: "profile", ip: null };
}

function time(label: string, fn: () => unknown) {
  const runs: number[] = [];
  const cpu: number[] = [];
  let size = 0;
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const result = fn();
    const used = process.cpuUsage(cpuStarted);
    runs.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
    size = Array.isArray(result) ? result.length : typeof result === "number" ? result : 1;
  }
  const mid = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)].toFixed(1).padStart(8);
  // CPU time is what the query costs; wall time also holds the waits for a busy machine's cores.
  console.log(`${label.padEnd(34)} ${mid(cpu)} ms CPU ${mid(runs)} ms wall   (${size})`);
}

for (const c of manifest.counties.slice(0, Number(process.env.COUNTIES ?? 1))) {
  const pl = viewerOf(`${c.shortCode.toLowerCase()}.pl`);
  const police = viewerOf(`${c.shortCode.toLowerCase()}.police`);
  const leader = viewerOf(`${c.shortCode.toLowerCase()}.leader`);
  console.log(`— ${c.shortCode} (${manifest.scale.records} records)`);
  time("inboxCount (every page's menu)", () => inboxCount(pl));
  time("inboxFor", () => inboxFor(pl));
  // What a page does once the badge knows the viewer's unread floor (after the first count).
  inboxBadgeCount(pl);
  const since = inboxChangedSince(pl);
  time("inboxCount from the floor", () => inboxCount(pl, Date.now(), since));
  time("inboxFor from the floor", () => inboxFor(pl, Date.now(), since));
  const filters = { status: "rectifying" as const, overdue: false, mine: false };
  time("listHazards", () => listHazards(police, filters).items);
  time("hazardCounts", () => hazardCounts(police, filters));
  time("hazardFilterChoices", () => hazardFilterChoices(police));
  const ids = listHazards(police, filters).items.map((i) => i.id);
  time("unreadCounts (list)", () => unreadCounts(police, ids).size);
  const record = findVisibleRecord(pl, c.threadRecordId)!;
  time("findVisibleRecord", () => findVisibleRecord(pl, c.threadRecordId));
  time("listThread (200)", () => listThread(pl, record));
  time("searchRecords", () => searchRecords(pl, { terms: [c.searchTerm] }).hits);
  const period = presetPeriod("year", todayInChina());
  time("pactFigures (year)", () => pactFigures(leader, c.pactId, period));
}
