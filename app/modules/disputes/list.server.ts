/**
 * The dispute list and its counts. Both put the access policy's filter (visibleRecordsOf)
 * inside the same SQL conditions, so the count shown on a status tab is exactly the number of
 * disputes the list shows under that tab. The list names the parties, never their phone or ID
 * numbers, and its keyword search never looks at them.
 */
import { tallyByStatus } from "~/modules/records/status-tally";
import { and, asc, desc, eq, gte, inArray, isNull, lte, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { counties, disputeDetails, disputeParties, jointBodies, pacts, records, regions } from "~db/schema";
import { visibleRecordsOf } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { endOfChinaDay, startOfChinaDay } from "~/modules/hazards/deadlines";
import { pactChoicesFor } from "~/modules/records/create.server";
import { DISPUTE_STATUSES, type DisputeStatus } from "./machine";
import type { DisputeFilters } from "./schemas";
import type { DisputeType, EscalationRisk } from "./vocabulary";

export const PAGE_SIZE = 20;

function contains(column: AnyColumn, text: string): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`${column} like ${pattern} escape '\\'`;
}

/** The WHERE conditions of a filter, optionally without the status part. */
function conditionsOf(viewer: Viewer, f: DisputeFilters, withoutStatus = false): SQL {
  const parts: (SQL | undefined)[] = [visibleRecordsOf(viewer, "dispute")];
  if (f.status && !withoutStatus) parts.push(eq(records.status, f.status));
  if (f.type) parts.push(eq(disputeDetails.type, f.type));
  if (f.risk) parts.push(eq(disputeDetails.escalationRisk, f.risk));
  if (f.lead) parts.push(eq(disputeDetails.leadCountyId, f.lead));
  if (f.pact === "none") parts.push(isNull(records.pactId));
  else if (f.pact) parts.push(eq(records.pactId, f.pact));
  if (f.mine) parts.push(eq(records.createdBy, viewer.userId));
  if (f.from) parts.push(gte(records.createdAt, startOfChinaDay(f.from)));
  if (f.to) parts.push(lte(records.createdAt, endOfChinaDay(f.to)));
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(
      sql`(${contains(records.refNo, f.q)} or ${contains(records.title, f.q)} or ${contains(records.placeText, f.q)} or ${contains(records.description, f.q)}
        or exists (select 1 from dispute_parties dp where dp.record_id = ${records.id} and dp.name like ${pattern} escape '\\'))`,
    );
  }
  return and(...parts)!;
}

export interface DisputeListItem {
  id: number;
  refNo: string;
  title: string;
  status: DisputeStatus;
  createdAt: number;
  updatedAt: number;
  ownerCountyId: number;
  ownerCountyName: string;
  leadCountyId: number;
  leadCountyName: string;
  pactId: number | null;
  pactTitle: string | null;
  committeeName: string | null;
  regionName: string | null;
  placeText: string;
  type: DisputeType;
  escalationRisk: EscalationRisk;
  peopleInvolved: number;
  amountInvolved: number;
  /** The parties' names only. */
  partyNames: string[];
}

const leadCounties = alias(counties, "lead_county");

/** One page of the disputes the viewer may see that match the filters, newest first. */
export function listDisputes(viewer: Viewer, filters: DisputeFilters) {
  const db = getDb();
  const where = conditionsOf(viewer, filters);
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(records)
    .innerJoin(disputeDetails, eq(disputeDetails.recordId, records.id))
    .where(where)
    .get()!.n;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filters.page ?? 1, pageCount);
  const rows = db
    .select({
      id: records.id,
      refNo: records.refNo,
      title: records.title,
      status: records.status,
      createdAt: records.createdAt,
      updatedAt: records.updatedAt,
      ownerCountyId: records.ownerCountyId,
      ownerCountyName: counties.name,
      leadCountyId: disputeDetails.leadCountyId,
      leadCountyName: leadCounties.name,
      pactId: records.pactId,
      pactTitle: pacts.title,
      committeeName: jointBodies.name,
      regionName: regions.name,
      placeText: records.placeText,
      type: disputeDetails.type,
      escalationRisk: disputeDetails.escalationRisk,
      peopleInvolved: disputeDetails.peopleInvolved,
      amountInvolved: disputeDetails.amountInvolved,
    })
    .from(records)
    .innerJoin(disputeDetails, eq(disputeDetails.recordId, records.id))
    .innerJoin(counties, eq(counties.id, records.ownerCountyId))
    .innerJoin(leadCounties, eq(leadCounties.id, disputeDetails.leadCountyId))
    .leftJoin(pacts, eq(pacts.id, records.pactId))
    .leftJoin(jointBodies, eq(jointBodies.id, disputeDetails.committeeId))
    .leftJoin(regions, eq(regions.id, records.regionId))
    .where(where)
    .orderBy(desc(records.createdAt), desc(records.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .all();
  const names = rows.length
    ? db
        .select({ recordId: disputeParties.recordId, name: disputeParties.name })
        .from(disputeParties)
        .where(inArray(disputeParties.recordId, rows.map((r) => r.id)))
        .orderBy(asc(disputeParties.position))
        .all()
    : [];
  const items: DisputeListItem[] = rows.map((r) => ({
    ...r,
    status: r.status as DisputeStatus,
    partyNames: names.filter((n) => n.recordId === r.id).map((n) => n.name),
  }));
  return { items, total, page, pageCount };
}

export interface DisputeCounts {
  /** Disputes per status under every filter but the status. */
  byStatus: Record<DisputeStatus, number>;
  /** All statuses together (the "全部" tab). */
  all: number;
}

/** Counts by status for the tabs, with the same conditions as the list. */
export function disputeCounts(viewer: Viewer, filters: DisputeFilters): DisputeCounts {
  const rows = getDb()
    .select({ status: records.status, n: sql<number>`count(*)` })
    .from(records)
    .innerJoin(disputeDetails, eq(disputeDetails.recordId, records.id))
    .where(conditionsOf(viewer, filters, true))
    .groupBy(records.status)
    .all();
  const { byStatus, all } = tallyByStatus(DISPUTE_STATUSES, rows);
  return { byStatus, all };
}

/** The choices of the list's lead-county and pact filters: the viewer's county and its dispute partners. */
export function disputeFilterChoices(viewer: Viewer) {
  const pactChoices = pactChoicesFor(viewer, "dispute");
  const ids = [viewer.countyId, ...new Set(pactChoices.flatMap((p) => p.partners.map((c) => c.countyId)))];
  const countyRows = getDb().select({ id: counties.id, name: counties.name }).from(counties).where(inArray(counties.id, ids)).orderBy(asc(counties.code)).all();
  return { counties: countyRows, pacts: pactChoices.map((p) => ({ id: p.id, title: p.title })) };
}
