/**
 * `npm run crash-test -- --kills 1000 [--seed N] [--max-up-ms 1500] [--keep DIR] [--until TIME]`:
 * the crash scenario at length, with a summary (Ctrl-C or --until stops the kills early and still
 * checks and reports). Exits 1 when an acknowledged write was lost, a record was
 * half-written, a write was refused, or the database or its audit chain is not sound.
 */
import { parseArgs } from "node:util";
import { runCrashScenario } from "./scenario";

const { values } = parseArgs({
  options: {
    kills: { type: "string", default: "1000" },
    seed: { type: "string" },
    "max-up-ms": { type: "string", default: "1500" },
    keep: { type: "string" },
    until: { type: "string" },
  },
});

// Ctrl-C or --until <time> ends the killing early; the database is still checked and reported.
let interrupted = false;
process.on("SIGINT", () => (interrupted = true));
process.on("SIGTERM", () => (interrupted = true));
const until = values.until ? Date.parse(values.until) : Infinity;
if (Number.isNaN(until)) throw new Error("--until must be a time such as 2026-12-01T23:00:00Z");

const kills = Number(values.kills);
if (!Number.isSafeInteger(kills) || kills < 1) throw new Error("--kills must be a positive whole number");

const summary = await runCrashScenario({
  kills,
  seed: values.seed === undefined ? undefined : Number(values.seed),
  maxUpMs: Number(values["max-up-ms"]),
  workDir: values.keep,
  shouldStop: () => interrupted || Date.now() >= until,
  log: (line) => console.log(`[${new Date().toISOString()}] ${line}`),
});

const lines = [
  `kills                  ${summary.kills}${summary.kills < kills ? ` (stopped early; ${kills} asked)` : ""}`,
  `seed                   ${summary.seed}`,
  `acknowledged writes    ${summary.acknowledged.total} (${summary.acknowledged.hazards} hazards, ${summary.acknowledged.messages} messages, ${summary.acknowledged.photos} with a photo)`,
  `cut off by a kill      ${summary.inDoubt} (${summary.inDoubtLanded} of them committed, the rest not at all)`,
  `lost writes            ${summary.lost.length}`,
  `half-written           ${summary.halfWritten.length}`,
  `refused writes         ${summary.refused.length}`,
  `integrity_check        ${summary.integrity}`,
  `foreign_key_check      ${summary.foreignKeyProblems} problems`,
  `audit chain            ${summary.auditChain.ok ? "verifies" : `BROKEN at ${summary.auditChain.brokenAt}`} (${summary.auditChain.checked} entries)`,
  `server start (median)  ${summary.startMs.median} ms (max ${summary.startMs.max} ms)`,
  `peak memory            ${summary.peakMemoryMb ?? "?"} MB (oversized bodies: ${summary.oversized.refused} of ${summary.oversized.sent} refused with 413)`,
  `duration               ${(summary.durationMs / 1000).toFixed(1)} s`,
  `result                 ${summary.ok ? "PASS" : "FAIL"}`,
];
console.log(lines.join("\n"));
for (const problem of [...summary.lost, ...summary.halfWritten]) console.log(`  ${problem}`);
for (const r of summary.refused.slice(0, 20)) console.log(`  refused ${r.status}: ${r.write.kind} ${r.detail}`);
process.exit(summary.ok ? 0 : 1);
