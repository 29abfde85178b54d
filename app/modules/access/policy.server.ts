/**
 * THE access policy for records. Lists, search, counts, figures and exports put
 * `visibleRecordsFilter(viewer)` inside their SQL; a single record is fetched through
 * `findVisibleRecord` / `requireVisibleRecord`, which use the very same filter.
 *
 * A viewer sees a record when their roles may view its workflow, it is not police-only (or they
 * are a police liaison), and either their county owns it, or it is shared under a pact that is
 * active and in term, covers its workflow, has their county as a member, and addresses their county.
 */
import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { records } from "~db/schema";
import { todayInChina } from "~/i18n";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, writeTransaction } from "~/modules/db/connection.server";
import { can, workflowsAllowing, type Action, type Workflow } from "./capabilities";
import { holdersOf } from "./denial-holders.server";

/** SQL true when the pact `pactIdColumn` is active and in term today. */
export function pactInForce(pactIdColumn: SQL | typeof records.pactId, today = todayInChina()): SQL {
  return sql`exists (select 1 from pacts p where p.id = ${pactIdColumn} and p.status = 'active'
    and p.starts_on <= ${today} and (p.ends_on is null or p.ends_on >= ${today}))`;
}

/**
 * The pacts under which records may be shared with the county today, per workflow: the pact is
 * active and in term, has the county as a member and covers the workflow. A handful of rows, read
 * once per filter so that the records query tests plain values instead of three subqueries a row.
 */
function sharingPactsByWorkflow(countyId: number, workflows: readonly Workflow[], today: string): Map<string, number[]> {
  const rows = getDb().all<{ workflow: string; pactId: number }>(sql`select pw.workflow as workflow, pw.pact_id as pactId
    from pact_workflows pw join pact_members pm on pm.pact_id = pw.pact_id and pm.county_id = ${countyId}
    where ${pactInForce(sql`pw.pact_id`, today)} order by pw.pact_id`);
  const byWorkflow = new Map<string, number[]>();
  for (const row of rows) {
    if (!workflows.includes(row.workflow as Workflow)) continue;
    byWorkflow.set(row.workflow, [...(byWorkflow.get(row.workflow) ?? []), row.pactId]);
  }
  return byWorkflow;
}

/** The WHERE condition (on `records`) for every record the viewer may see. */
export function visibleRecordsFilter(viewer: Viewer, today = todayInChina()): SQL {
  return visibleFilter(viewer, workflowsAllowing(viewer.roles, "view"), today);
}

/**
 * The same condition for the records of one workflow (a workflow's list and its counts): the
 * records addressed to the county are read from the index for that workflow only.
 */
export function visibleRecordsOf(viewer: Viewer, workflow: Workflow, today = todayInChina()): SQL {
  return and(eq(records.workflow, workflow), visibleFilter(viewer, workflowsAllowing(viewer.roles, "view").filter((w) => w === workflow), today))!;
}

function visibleFilter(viewer: Viewer, workflows: readonly Workflow[], today: string): SQL {
  if (workflows.length === 0) return sql`0`;
  const isPolice = viewer.roles.includes("police_liaison");
  // `id in (…addressees of the county)` rather than a correlated `exists`: with the owner test
  // beside it, SQLite answers the OR from two indexes (records_owner_idx and
  // record_addressees_county_idx) instead of scanning every record of the province. The pacts
  // in force are looked up first and tested as values.
  const sharing = sharingPactsByWorkflow(viewer.countyId, workflows, today);
  const pactTests = [...sharing].map(([workflow, pactIds]) =>
    and(eq(records.workflow, workflow as Workflow), inArray(records.pactId, pactIds)),
  );
  const sharedWithViewer = pactTests.length
    ? sql`(${records.id} in (select ra.record_id from record_addressees ra
      where ra.county_id = ${viewer.countyId} and ra.workflow in ${[...sharing.keys()]}) and ${or(...pactTests)})`
    : sql`0`;
  return and(
    inArray(records.workflow, [...workflows]),
    isPolice ? undefined : eq(records.policeOnly, false),
    sql`(${records.ownerCountyId} = ${viewer.countyId} or ${sharedWithViewer})`,
  )!;
}

export type RecordRow = typeof records.$inferSelect;

/** The record if the viewer may see it; null when it does not exist or is not theirs to see. */
export function findVisibleRecord(viewer: Viewer, recordId: number): RecordRow | null {
  if (!Number.isSafeInteger(recordId)) return null;
  return (
    getDb()
      .select()
      .from(records)
      .where(and(eq(records.id, recordId), visibleRecordsFilter(viewer)))
      .get() ?? null
  );
}

/**
 * The record, or a 404 that looks the same whether it is missing or hidden. Both are recorded
 * as the same denial, so not even the viewer's own audit log tells which ids exist elsewhere.
 */
export function requireVisibleRecord(viewer: Viewer, recordId: number): RecordRow {
  const record = findVisibleRecord(viewer, recordId);
  if (record) return record;
  denial(viewer, "record", Number.isSafeInteger(recordId) ? recordId : null, "view");
  throw new Response("Not Found", { status: 404 });
}

/** Enforces one cell of the capability table; a refusal is audited and answers 403. */
export function assertCan(viewer: Viewer, workflow: Workflow, action: Action): void {
  if (can(viewer.roles, workflow, action)) return;
  denial(viewer, `workflow:${workflow}`, null, action);
  throw new Response("Forbidden", { status: 403 });
}

/**
 * Records an authorization denial in the audit log, in a transaction of its own. The entry is
 * the viewer's county's; when what was aimed at belongs to other counties, it concerns them too
 * and appears in their logs (who, from which county, what, when). The viewer's county sees one
 * and the same entry whether the id exists elsewhere or nowhere.
 */
export function denial(viewer: Viewer, entityType: string, entityId: string | number | null, attempted: string) {
  writeTransaction((tx) =>
    appendAudit(
      tx,
      { userId: viewer.userId, name: viewer.displayName, countyId: viewer.countyId, ip: viewer.ip },
      { action: "access.denied", entityType, entityId, after: { attempted }, concerns: holdersOf(tx, entityType, entityId, viewer.countyId) },
    ),
  );
}
