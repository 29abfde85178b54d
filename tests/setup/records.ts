import { and, eq, inArray, sql } from "drizzle-orm";
import { pactMembers, pacts, recordAddressees, records } from "~db/schema";
import type { Workflow } from "~/modules/access/capabilities";
import { getDb } from "~/modules/db/connection.server";
import { findUserByUsername } from "~/modules/tenancy/users.server";
import { countyIdOf } from "./demo";

/** The id of the demo pact whose members are exactly these counties. */
export function pactIdBetween(...shortCodes: string[]): number {
  const db = getDb();
  const ids = shortCodes.map(countyIdOf);
  const candidates = db
    .select({ pactId: pactMembers.pactId, n: sql<number>`count(*)` })
    .from(pactMembers)
    .where(inArray(pactMembers.countyId, ids))
    .groupBy(pactMembers.pactId)
    .all()
    .filter((c) => c.n === ids.length);
  for (const c of candidates) {
    const members = db.select().from(pactMembers).where(eq(pactMembers.pactId, c.pactId)).all();
    if (members.length === ids.length) return c.pactId;
  }
  throw new Error(`no pact between ${shortCodes.join(", ")}`);
}

let sequence = 0;

/**
 * Puts a bare record straight into the core table (the workflows' own services come later and
 * are tested on their own); enough to exercise the access policy.
 */
export function insertRecord(opts: {
  owner: string;
  workflow: Workflow;
  pactId?: number | null;
  addressees?: string[];
  policeOnly?: boolean;
  createdBy?: string;
}): number {
  const db = getDb();
  const owner = countyIdOf(opts.owner);
  const now = Date.now();
  const creator = findUserByUsername(opts.createdBy ?? `${opts.owner.toLowerCase()}.pl`)!;
  const { id } = db
    .insert(records)
    .values({
      ownerCountyId: owner,
      pactId: opts.pactId ?? null,
      workflow: opts.workflow,
      status: "open",
      refNo: `${opts.owner}-T-${++sequence}-${now}`,
      title: `测试记录 ${sequence}`,
      policeOnly: !!opts.policeOnly,
      createdBy: creator.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: records.id })
    .get();
  for (const code of opts.addressees ?? []) {
    db.insert(recordAddressees).values({ recordId: id, countyId: countyIdOf(code) }).run();
  }
  return id;
}

export function setPactStatus(pactId: number, status: "active" | "suspended" | "terminated", endsOn?: string) {
  getDb()
    .update(pacts)
    .set(endsOn === undefined ? { status } : { status, endsOn })
    .where(and(eq(pacts.id, pactId)))
    .run();
}
