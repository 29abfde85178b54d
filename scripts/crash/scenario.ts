/**
 * The crash scenario: the production server on a fresh database with the demo data, a few demo
 * users reporting hazards and posting messages without pause, and the server killed with SIGKILL
 * at random moments and started again, `kills` times. Then the database file is checked (see
 * verify.ts). Used by the short test in the suite and by `npm run crash-test` for long runs.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { seededRandom } from "../../db/seed/random";
import { emptyLedger, PortalClient, PortalGate, type Ledger } from "./clients";
import { manyEmptyFields, oneHugeField, postStreamed } from "./oversized-bodies";
import { ensureProductionBuild, freePort, peakMemoryMb, removeServerBundle, startPortal, stopPortal, type RunningPortal } from "./portal-process";
import { verifyCrashRun, type CrashVerdict } from "./verify";

export interface CrashOptions {
  kills: number;
  /** Seed of the kill moments and the clients' choices (default: from the clock). */
  seed?: number;
  /** Longest time the server runs between start and kill (ms); each run is uniform in [20, maxUpMs]. */
  maxUpMs?: number;
  /** Where the database goes (default: a new temporary folder, removed afterwards when all is well). */
  workDir?: string;
  /** Progress lines. */
  log?: (line: string) => void;
  /** Asked before each kill: true ends the run early (then checked as usual, with the kills so far). */
  shouldStop?: () => boolean;
}

export interface CrashSummary extends CrashVerdict {
  seed: number;
  kills: number;
  acknowledged: { hazards: number; messages: number; photos: number; total: number };
  inDoubt: number;
  refused: Ledger["refused"];
  startMs: { median: number; max: number };
  /** The most memory any run of the server held (MB, resident), oversized bodies sent among the writes. */
  peakMemoryMb: number | null;
  /** Oversized bodies (3 million fields, a 300 MB field) sent, and how many were answered 413. */
  oversized: { sent: number; refused: number };
  durationMs: number;
  databasePath: string;
  /** True when nothing acknowledged was lost, nothing half-written, the file sound and the chain intact. */
  ok: boolean;
}

/** The demo users who write: political-legal staff and police liaisons of both XH and TZ. */
const WRITERS = ["xh.pl", "tz.pl", "xh.police", "tz.police"];
const DEMO_PASSWORD = "demo-2026";

/** The demo pact between XH and TZ that covers hazards (both counties see what is shared under it). */
export function sharedHazardPact(databasePath: string): number {
  const sqlite = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const row = sqlite
      .prepare(
        `select p.id from pacts p
           join pact_members a on a.pact_id = p.id join counties ca on ca.id = a.county_id and ca.short_code = 'XH'
           join pact_members b on b.pact_id = p.id join counties cb on cb.id = b.county_id and cb.short_code = 'TZ'
           join pact_workflows w on w.pact_id = p.id and w.workflow = 'hazard'
          where p.status = 'active' order by p.id limit 1`,
      )
      .get() as { id: number } | undefined;
    if (!row) throw new Error("the demo data holds no active XH–TZ pact covering hazards");
    return row.id;
  } finally {
    sqlite.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)];
}

export async function runCrashScenario(options: CrashOptions): Promise<CrashSummary> {
  const began = performance.now();
  const log = options.log ?? (() => {});
  const seed = options.seed ?? (Date.now() % 2 ** 31);
  const random = seededRandom(seed);
  const maxUpMs = options.maxUpMs ?? 1500;
  const dir = options.workDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "portal-crash-"));
  fs.mkdirSync(dir, { recursive: true });
  const databasePath = path.join(dir, "portal.sqlite");
  const tag = `R${seed.toString(36)}`;

  await ensureProductionBuild();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const gate = new PortalGate();
  const startTimes: number[] = [];
  const start = async () => {
    const p = await startPortal({ databasePath, port });
    startTimes.push(p.startMs);
    gate.opened();
    return p;
  };

  log(`seed ${seed}, database ${databasePath}, ${baseUrl}`);
  let portal: RunningPortal = await start();
  const ledger = emptyLedger();
  const recordPool: number[] = [];
  let stopping = false;
  let kills = 0;
  const peaks: (number | null)[] = [];
  const oversized = { sent: 0, refused: 0 };
  try {
    const pactId = sharedHazardPact(databasePath);
    const clients = WRITERS.map(
      (username, index) =>
        new PortalClient({
          index, username, password: DEMO_PASSWORD, baseUrl, pactId, tag,
          random: seededRandom(seed + index + 1), gate, ledger, recordPool, stop: () => stopping,
        }),
    );
    await Promise.all(clients.map((c) => c.signIn()));
    const running = clients.map((c) => c.run());
    const hostile = sendOversized(baseUrl, oversized, () => stopping);
    const failed = Promise.all(running).then(() => new Promise<never>(() => {}));

    for (let i = 0; i < options.kills && !options.shouldStop?.(); i++) {
      const upFor = 20 + Math.floor(random() * (maxUpMs - 20));
      await Promise.race([new Promise((r) => setTimeout(r, upFor)), failed]);
      peaks.push(peakMemoryMb(portal));
      await stopPortal(portal, "SIGKILL");
      kills++;
      portal = await start();
      if ((i + 1) % 50 === 0 || i + 1 === options.kills) {
        log(`${i + 1}/${options.kills} kills, ${ledger.acknowledged.length} acknowledged, ${ledger.inDoubt.length} in doubt`);
      }
    }
    // Let every client finish the write in hand against the server that is up now.
    stopping = true;
    await Promise.all(running);
    await hostile;
    peaks.push(peakMemoryMb(portal));
  } finally {
    stopping = true;
    gate.close();
    await stopPortal(portal, "SIGKILL");
    removeServerBundle();
  }

  const verdict = verifyCrashRun(databasePath, ledger, tag);
  const count = (kind: string) => ledger.acknowledged.filter((w) => w.kind === kind).length;
  const summary: CrashSummary = {
    ...verdict,
    seed,
    kills,
    acknowledged: {
      hazards: count("hazard"),
      messages: count("message"),
      photos: ledger.acknowledged.filter((w) => w.kind === "message" && w.photoSha256).length,
      total: ledger.acknowledged.length,
    },
    inDoubt: ledger.inDoubt.length,
    refused: ledger.refused,
    startMs: { median: Math.round(median(startTimes)), max: Math.round(Math.max(...startTimes)) },
    peakMemoryMb: peaks.some((p) => p !== null) ? Math.max(...peaks.filter((p): p is number => p !== null)) : null,
    oversized,
    durationMs: Math.round(performance.now() - began),
    databasePath,
    ok: false,
  };
  summary.ok =
    summary.lost.length === 0 &&
    summary.halfWritten.length === 0 &&
    summary.refused.length === 0 &&
    summary.integrity === "ok" &&
    summary.foreignKeyProblems === 0 &&
    summary.auditChain.ok;
  if (summary.ok && !options.workDir) fs.rmSync(dir, { recursive: true, force: true });
  return summary;
}

/**
 * A client sending the bodies that once took the portal down (to the sign-in page: 3 million
 * empty fields, one 300 MB field) over and over while the writers write and the server is killed.
 */
async function sendOversized(baseUrl: string, counts: { sent: number; refused: number }, stop: () => boolean): Promise<void> {
  const headers = { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl };
  for (let i = 0; !stop(); i++) {
    const answer = await postStreamed(`${baseUrl}/login`, i % 2 ? oneHugeField(300) : manyEmptyFields(3_000_000), headers);
    counts.sent++;
    if (answer.status === 413) counts.refused++;
    else await new Promise((r) => setTimeout(r, 50)); // the server is being restarted
  }
}
