/**
 * Crash safety: the production server is killed with SIGKILL at random moments while four demo
 * users report hazards and post messages (some with a photo), and started again each time. Every
 * write the portal acknowledged must be in the database exactly once, nothing may be half-written,
 * the audit chain must verify and SQLite must find the file sound. `CRASH_KILLS` sets the number of
 * kills (20 here; `npm run crash-test -- --kills 1000` runs the long version).
 */
import { describe, expect, it } from "vitest";
import { runCrashScenario } from "../../scripts/crash/scenario";

const KILLS = Number(process.env.CRASH_KILLS ?? 20);

describe("crash safety under SIGKILL", () => {
  it(`keeps every acknowledged write and writes nothing by halves across ${KILLS} kills`, async () => {
    const summary = await runCrashScenario({ kills: KILLS, seed: 20260601, maxUpMs: 600 });

    expect(summary.kills).toBe(KILLS);
    // The scenario did write: hazards, messages and photos were acknowledged between the kills.
    expect(summary.acknowledged.hazards).toBeGreaterThan(0);
    expect(summary.acknowledged.messages).toBeGreaterThan(0);
    // On failure the database is kept for a look: summary.databasePath.
    expect(summary.lost, summary.databasePath).toEqual([]);
    expect(summary.halfWritten).toEqual([]);
    expect(summary.refused).toEqual([]);
    expect(summary.integrity).toBe("ok");
    expect(summary.foreignKeyProblems).toBe(0);
    expect(summary.auditChain.ok).toBe(true);
    expect(summary.auditChain.checked).toBeGreaterThan(summary.acknowledged.total);
    // Oversized bodies were sent among the writes, refused, and the server stayed within its memory.
    expect(summary.oversized.refused).toBeGreaterThan(0);
    expect(summary.peakMemoryMb).not.toBeNull();
    expect(summary.peakMemoryMb!).toBeLessThan(400);
  }, 300_000);
});
