import { eq } from "drizzle-orm";
import { portalSettings } from "~db/schema";
import { getDb, type Tx } from "./connection.server";

const DEMO_DATABASE = "demo_database";

/** True when the demo data filled this database (its accounts' password is public). */
export function isDemoDatabase(): boolean {
  return getDb().select().from(portalSettings).where(eq(portalSettings.key, DEMO_DATABASE)).get()?.value === "1";
}

/** Marks the database as the demo's; the seed does this in the transaction that fills it. */
export function markDemoDatabase(tx: Tx): void {
  tx.insert(portalSettings)
    .values({ key: DEMO_DATABASE, value: "1" })
    .onConflictDoUpdate({ target: portalSettings.key, set: { value: "1" } })
    .run();
}
