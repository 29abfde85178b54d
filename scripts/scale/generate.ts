/**
 * Fills a new database at a chosen scale for the benchmarks: a province of counties on a map,
 * pacts between neighbours, users with roles, and records of the six workflows over five years
 * with their threads, statuses and Chinese text.
 *
 *   npm run scale -- --preset 1m --out data/scale/province.sqlite
 *   npm run scale -- --records 100000 --out data/scale/100k.sqlite
 *
 * Presets: 10k, 100k, 1m (the province: 100 counties, 250 pacts, 10,000 users, 1,000,000 records,
 * 5,000,000 thread entries). Counties, pacts and users stay the same at every preset, so the
 * presets differ only in how many records pile up. Every user's password is `demo-2026`.
 * Beside the database it writes `<out>.json`: the users, records and pact the benchmark uses.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { appendAudit } from "../../app/modules/audit/log.server";
import { hashPassword } from "../../app/modules/auth/password.server";
import { openDatabase } from "../../app/modules/db/connection.server";
import { statements, writeRecord } from "./records";
import { benchFixtures } from "./fixtures";
import { seededRandom } from "./words";
import { createWorld, DAY_MS } from "./world";

const PRESETS: Record<string, number> = { "10k": 10_000, "100k": 100_000, "1m": 1_000_000 };
const { values } = parseArgs({
  options: {
    preset: { type: "string" },
    records: { type: "string" },
    entries: { type: "string" },
    counties: { type: "string", default: "100" },
    pacts: { type: "string", default: "250" },
    users: { type: "string", default: "10000" },
    seed: { type: "string", default: "2026" },
    out: { type: "string" },
  },
});
const recordCount = Number(values.records ?? PRESETS[values.preset ?? "1m"]);
if (!Number.isSafeInteger(recordCount) || recordCount < 1000) {
  console.error("--records must be at least 1000 (or --preset 10k|100k|1m)");
  process.exit(2);
}
const entryCount = Number(values.entries ?? recordCount * 5);
const out = path.resolve(values.out ?? `data/scale/${values.preset ?? recordCount}.sqlite`);
const started = performance.now();
const lap = (label: string) => console.log(`${label.padEnd(28)} ${((performance.now() - started) / 1000).toFixed(1)} s`);

for (const suffix of ["", "-wal", "-shm", ".json"]) fs.rmSync(out + suffix, { force: true });
const db = openDatabase(out);
const sqlite = db.$client;
lap("migrated");

// Bulk loading: no journal, no fsync; the search index is filled once at the end instead of by
// its triggers row by row, and the triggers come back exactly as the migration wrote them.
sqlite.pragma("journal_mode = OFF");
sqlite.pragma("synchronous = OFF");
sqlite.pragma("cache_size = -400000");
sqlite.pragma("foreign_keys = OFF");
const SEARCH_TRIGGERS = ["search_index_record_insert", "search_index_entry_insert"];
const migration = fs.readFileSync(path.resolve("db/migrations/0003_search_index.sql"), "utf8");
const triggerSql = SEARCH_TRIGGERS.map((name) => {
  const statement = migration.split("--> statement-breakpoint").find((part) => part.includes(`CREATE TRIGGER \`${name}\``));
  if (!statement) throw new Error(`trigger ${name} not found in the search migration`);
  return statement.slice(statement.indexOf("CREATE TRIGGER"));
});
for (const name of SEARCH_TRIGGERS) sqlite.exec(`drop trigger ${name}`);

const random = seededRandom(Number(values.seed));
const now = Date.now();
const start = now - 5 * 365 * DAY_MS;
const passwordHash = await hashPassword("demo-2026");
const world = sqlite.transaction(() =>
  createWorld(sqlite, random, {
    counties: Number(values.counties),
    pacts: Number(values.pacts),
    users: Number(values.users),
    passwordHash,
    start,
  }),
)();
// Its accounts share the demo's public password: mark it a demo database like the seeded one.
sqlite.prepare("insert or replace into portal_settings (key, value) values ('demo_database', '1')").run();
lap(`world (${world.counties.length} counties)`);

const s = statements(sqlite);
const sequences = new Map<string, number>();
const perRecord = entryCount / recordCount;
let written = 0;
let entries = 0;
const BATCH = 20_000;
for (let from = 0; from < recordCount; from += BATCH) {
  sqlite.transaction(() => {
    for (let i = from; i < Math.min(recordCount, from + BATCH); i++) {
      const at = start + Math.floor(((i + random.next()) * (now - start - DAY_MS)) / recordCount);
      // Between 1 and 2×average−1 entries, so the average holds.
      const n = 1 + random.int(Math.max(1, Math.round(2 * perRecord - 1)));
      entries += writeRecord(s, world, random, sequences, at, now, n).entries;
      written++;
    }
  })();
  if ((from / BATCH) % 10 === 9 || from + BATCH >= recordCount) lap(`records ${written}`);
}

const fixtures = sqlite.transaction(() => benchFixtures(sqlite, s, world, random, sequences, now))();
entries += fixtures.extraEntries;
written += fixtures.extraRecords;
sqlite.transaction(() => {
  const insert = sqlite.prepare("insert into reference_sequences (county_id, workflow, year, last_value) values (?, ?, ?, ?)");
  for (const [key, value] of sequences) {
    const [countyId, workflow, year] = key.split("|");
    insert.run(Number(countyId), workflow, Number(year), value);
  }
})();
lap(`bench fixtures`);

sqlite.exec(`insert into search_index (content, record_id, entry_id, internal_county_id)
  select ref_no || ' ' || title || ' ' || description, id, null, null from records`);
lap("search index: records");
sqlite.exec(`insert into search_index (content, record_id, entry_id, internal_county_id)
  select body, record_id, id, case when kind = 'internal' then author_county_id else null end
  from thread_entries where kind in ('message', 'internal') and body <> ''`);
for (const statement of triggerSql) sqlite.exec(statement);
sqlite.exec("insert into search_index(search_index) values ('optimize')");
lap("search index: threads");

appendAudit(db, { userId: null, name: "system", countyId: null }, {
  action: "system.scale_generate",
  entityType: "database",
  after: { counties: world.counties.length, pacts: world.pacts.length, records: written, threadEntries: entries },
});
sqlite.pragma("foreign_keys = ON");
const problems = sqlite.pragma("foreign_key_check", { simple: false }) as unknown[];
if (problems.length) throw new Error(`foreign key problems: ${JSON.stringify(problems.slice(0, 5))}`);
sqlite.pragma("journal_mode = WAL");
sqlite.close();
const seconds = (performance.now() - started) / 1000;
const manifest = {
  ...fixtures.manifest,
  scale: { records: written, threadEntries: entries, counties: world.counties.length, pacts: world.pacts.length, users: world.userCountyRoles.size },
  generatedAt: new Date(now).toISOString(),
  generationSeconds: Math.round(seconds),
  bytes: fs.statSync(out).size,
};
fs.writeFileSync(`${out}.json`, JSON.stringify(manifest, null, 2));
lap(`done: ${written} records, ${entries} entries, ${(manifest.bytes / 1e9).toFixed(2)} GB`);
