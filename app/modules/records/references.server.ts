import { and, eq, sql } from "drizzle-orm";
import { referenceSequences } from "~db/schema";
import type { Workflow } from "~/modules/access/capabilities";
import type { Tx } from "~/modules/db/connection.server";
import { WORKFLOW_CODES } from "./workflows";

const YEAR_IN_CHINA = new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" });

/** Beijing calendar year of an instant. */
export function yearInChina(ms: number): number {
  return Number(YEAR_IN_CHINA.format(ms));
}

/**
 * The next reference number, e.g. XH-YH-2026-0042. Must run inside the write transaction that
 * inserts the record: the transaction's write lock serialises concurrent creators, and a rollback
 * returns the number, so numbers are unique and without gaps per county, workflow and year.
 */
export function nextReferenceNumber(
  tx: Tx,
  county: { id: number; shortCode: string },
  workflow: Workflow,
  at: number,
): string {
  const year = yearInChina(at);
  const row = tx
    .insert(referenceSequences)
    .values({ countyId: county.id, workflow, year, lastValue: 1 })
    .onConflictDoUpdate({
      target: [referenceSequences.countyId, referenceSequences.workflow, referenceSequences.year],
      set: { lastValue: sql`${referenceSequences.lastValue} + 1` },
    })
    .returning({ value: referenceSequences.lastValue })
    .get();
  const sequence = String(row.value).padStart(4, "0");
  return `${county.shortCode}-${WORKFLOW_CODES[workflow]}-${year}-${sequence}`;
}

/** The last number handed out (0 if none), for tests and figures. */
export function lastSequence(tx: Tx, countyId: number, workflow: Workflow, year: number): number {
  return (
    tx
      .select({ v: referenceSequences.lastValue })
      .from(referenceSequences)
      .where(
        and(
          eq(referenceSequences.countyId, countyId),
          eq(referenceSequences.workflow, workflow),
          eq(referenceSequences.year, year),
        ),
      )
      .get()?.v ?? 0
  );
}
