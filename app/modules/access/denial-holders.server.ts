/**
 * Whose is the thing a refused access aimed at: the counties that hold a record (its owner), an
 * attachment (the record's owner and the uploader's county), a user or a region (their county),
 * a pact, joint body, sweep or activity (every member of the pact). A refusal is written to their
 * audit logs too (see `denial` in policy.server.ts). A missing id, an id of the prober's own
 * county, or a kind without a holder (a page, a workflow) has none.
 */
import { sql } from "drizzle-orm";
import type { Tx } from "~/modules/db/connection.server";
import { WORKFLOWS } from "./capabilities";

const RECORD_TYPES = new Set<string>(["record", ...WORKFLOWS]);

const pactMembersOf = (pactIdSql: ReturnType<typeof sql>) =>
  sql`select county_id from pact_members where pact_id = (${pactIdSql})`;

/** The query for the holders of one kind of thing, given its numeric id; null for other kinds. */
function holdersQuery(entityType: string, id: number) {
  if (RECORD_TYPES.has(entityType)) return sql`select owner_county_id from records where id = ${id}`;
  switch (entityType) {
    case "attachment":
      return sql`select r.owner_county_id from attachments a join records r on r.id = a.record_id where a.id = ${id}
        union select u.county_id from attachments a join users u on u.id = a.uploaded_by where a.id = ${id}`;
    case "project_milestone":
      return sql`select r.owner_county_id from project_milestones m join records r on r.id = m.record_id where m.id = ${id}`;
    case "region":
      return sql`select county_id from regions where id = ${id}`;
    case "pact":
      return pactMembersOf(sql`${id}`);
    case "joint_body":
      return pactMembersOf(sql`select pact_id from joint_bodies where id = ${id}`);
    case "joint_sweep":
      return pactMembersOf(sql`select pact_id from joint_sweeps where id = ${id}`);
    case "joint_activity":
      return pactMembersOf(sql`select pact_id from joint_activities where id = ${id}`);
    default:
      return null;
  }
}

/** The counties other than `ownCountyId` that hold what `entityType`/`entityId` names. */
export function holdersOf(tx: Tx, entityType: string, entityId: string | number | null, ownCountyId: number): number[] {
  if (entityId === null) return [];
  let query;
  if (entityType === "user") {
    query = sql`select county_id from users where id = ${String(entityId).slice(0, 64)}`;
  } else {
    const id = typeof entityId === "number" ? entityId : /^\d{1,15}$/.test(entityId) ? Number(entityId) : null;
    if (id === null || !Number.isSafeInteger(id)) return [];
    query = holdersQuery(entityType, id);
  }
  if (!query) return [];
  const counties = tx.values<[number]>(query).map(([county]) => county);
  return [...new Set(counties)].filter((c) => c !== ownCountyId);
}
