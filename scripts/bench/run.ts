/**
 * The load benchmark (docs/benchmarks.md). Builds the portal, then for each scale database:
 * starts the portal, the bare Remix baseline and the plain node:http baseline on core 0, drives
 * them from this process pinned to core 1, and reports per page: requests per second at
 * saturation, p50/p95/p99 at half that rate, bytes per response, errors; the portal's start-up
 * time and peak memory. Runs are interleaved (page by page, server by server, round by round)
 * and each figure is the median of the rounds.
 *
 *   npm run bench -- --scales 10k,100k,1m          # data/scale/<scale>.sqlite (1m: province.sqlite)
 *   npm run bench -- --db data/scale/100k.sqlite --quick
 *
 * Options: --rounds (3), --seconds per measurement (6; --quick: 2), --no-build, --json <file>.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { measure, type Sample } from "./load";
import { PAGES, stepsOf, usersOf, writeTargets, type Manifest, type Page } from "./pages";
import { markdownReport, median, type PageResult, type ScaleResult } from "./report";
import { compileServers, cpuMs, peakMemoryMb, signIn, startServer, stopServer, type RunningServer, type ServerKind } from "./servers";

const { values } = parseArgs({
  options: {
    scales: { type: "string" },
    db: { type: "string", multiple: true },
    rounds: { type: "string" },
    seconds: { type: "string" },
    quick: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    pages: { type: "string" },
    json: { type: "string", default: "data/bench/results.json" },
  },
});
const rounds = Number(values.rounds ?? 3);
const seconds = Number(values.seconds ?? (values.quick ? 2 : 6));
const pages = (values.pages?.split(",") ?? PAGES) as Page[];
const SCALE_FILES: Record<string, string> = { "10k": "data/scale/10k.sqlite", "100k": "data/scale/100k.sqlite", "1m": "data/scale/province.sqlite" };
const databases = values.db ?? (values.scales ?? "10k,100k").split(",").map((s) => SCALE_FILES[s] ?? s);
const KINDS: ServerKind[] = ["portal", "remix", "plain"];
const PORTS: Record<ServerKind, number> = { portal: 3101, remix: 3102, plain: 3103 };

// The load generator on core 1, every thread of it; the servers go on core 0.
execFileSync("taskset", ["-a", "-cp", "1", String(process.pid)], { stdio: "ignore" });
// The build holds the bare Remix baseline's route only when made with BENCH_BASELINE=1 (it still
// answers 404 in the portal process under test, which runs without that setting).
if (!values["no-build"]) {
  execFileSync("npx", ["remix", "build"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, BENCH_BASELINE: "1" } });
}
// The servers themselves are compiled every time (well under a second).
await compileServers();

const log = (...parts: unknown[]) => console.error(new Date().toISOString().slice(11, 19), ...parts);

async function benchScale(source: string): Promise<ScaleResult> {
  const manifest = JSON.parse(fs.readFileSync(`${source}.json`, "utf8")) as Manifest;
  // A working copy, so messages posted by the benchmark never pile up in the scale file.
  const work = path.resolve("data/bench/work.sqlite");
  fs.mkdirSync(path.dirname(work), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(work + suffix, { force: true });
  fs.copyFileSync(source, work);
  log(`scale ${source}: ${manifest.scale.records} records`);

  // Start-up: the median of three cold starts of the portal; the last one stays up.
  const startups: number[] = [];
  let portal: RunningServer | undefined;
  for (let i = 0; i < 3; i++) {
    if (portal) await stopServer(portal);
    portal = await startServer("portal", work, PORTS.portal, 0);
    startups.push(portal.startupMs);
  }
  const servers: Record<ServerKind, RunningServer> = {
    portal: portal!,
    remix: await startServer("remix", work, PORTS.remix, 0),
    plain: await startServer("plain", work, PORTS.plain, 0),
  };
  const cookies = new Map<string, string>();
  for (const user of new Set(usersOf(manifest))) cookies.set(user, await signIn(servers.portal.base, user, manifest.password));
  const targets = writeTargets(work, manifest);
  const stepsFor = (page: Page, kind: ServerKind) => stepsOf(page, kind, servers[kind].base, manifest, cookies, targets);

  const saturation = new Map<string, Sample[]>();
  const fixed = new Map<string, Sample[]>();
  const key = (page: Page, kind: ServerKind) => `${page}/${kind}`;
  let memory = NaN;
  try {
    // Warm-up: every page on every server once, briefly.
    for (const page of pages) for (const kind of KINDS) await measure(servers[kind].base, stepsFor(page, kind), 1, { connections: 2 });
    for (let round = 0; round < rounds; round++) {
      for (const page of pages) {
        for (const kind of KINDS) {
          const cpuBefore = cpuMs(servers[kind]);
          const sample = await measure(servers[kind].base, stepsFor(page, kind), seconds, { connections: 8 });
          sample.cpuMs = (cpuMs(servers[kind]) - cpuBefore) / Math.max(1, sample.responses);
          saturation.set(key(page, kind), [...(saturation.get(key(page, kind)) ?? []), sample]);
          log(`saturation r${round + 1} ${page.padEnd(6)} ${kind.padEnd(6)} ${sample.rps.toFixed(1)} rps, ${sample.cpuMs!.toFixed(1)} ms CPU/request, ${sample.errors} errors`);
        }
      }
    }
    for (let round = 0; round < rounds; round++) {
      for (const page of pages) {
        for (const kind of KINDS) {
          const rate = median(saturation.get(key(page, kind))!.map((s) => s.rps)) / 2;
          const sample = await measure(servers[kind].base, stepsFor(page, kind), seconds, { connections: 8, rate });
          fixed.set(key(page, kind), [...(fixed.get(key(page, kind)) ?? []), sample]);
          log(`rate ${rate.toFixed(1)} r${round + 1} ${page.padEnd(6)} ${kind.padEnd(6)} p95 ${sample.p95.toFixed(1)} ms`);
        }
      }
    }
  } finally {
    memory = peakMemoryMb(servers.portal);
    for (const kind of KINDS) await stopServer(servers[kind]);
  }
  const results: PageResult[] = pages.map((page) => {
    const of = (kind: ServerKind) => {
      const sat = saturation.get(key(page, kind))!;
      const at = fixed.get(key(page, kind))!;
      return {
        rps: median(sat.map((s) => s.rps)),
        p50: median(at.map((s) => s.p50)),
        p95: median(at.map((s) => s.p95)),
        p99: median(at.map((s) => s.p99)),
        bytes: median(sat.map((s) => s.bytes)),
        cpuMs: median(sat.map((s) => s.cpuMs ?? NaN)),
        errors: [...sat, ...at].reduce((n, s) => n + s.errors, 0),
        rpsRuns: sat.map((s) => Math.round(s.rps * 10) / 10),
      };
    };
    return { page, portal: of("portal"), remix: of("remix"), plain: of("plain") };
  });
  return { database: source, records: manifest.scale.records, threadEntries: manifest.scale.threadEntries, startupMs: median(startups), startups, peakMemoryMb: memory, pages: results };
}

const results: ScaleResult[] = [];
fs.mkdirSync(path.dirname(values.json!), { recursive: true });
for (const database of databases) {
  results.push(await benchScale(database));
  // Written after every scale, so a long run that is stopped keeps what it measured.
  const meta = { at: new Date().toISOString(), rounds, seconds, cores: "server core 0, load generator core 1", loadavg: os.loadavg() };
  fs.writeFileSync(values.json!, JSON.stringify({ meta, results }, null, 2));
  fs.writeFileSync(values.json!.replace(/\.json$/, ".md"), markdownReport(meta, results));
  if (database === databases[databases.length - 1]) console.log(markdownReport(meta, results));
}
