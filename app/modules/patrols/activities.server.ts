/**
 * Joint activities (联合活动) under a pact: legal-education events with attendance, legal
 * consultations, legal-aid cases, public requests received and resolved. They belong to the pact,
 * not to one county: the member counties of a pact that covers patrols see them (roles that may
 * view patrols), in every list, total and page, with the membership inside the SQL; another
 * pact's activity answers 404 like a missing one. Recording one needs a pact in force.
 */
import { and, asc, desc, eq, inArray, like, sql, type SQL } from "drizzle-orm";
import { counties, jointActivities, pacts, regions, users } from "~db/schema";
import { assertCan } from "~/modules/access/policy.server";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, writeTransaction, type Tx } from "~/modules/db/connection.server";
import { invalid, type Refusal } from "~/modules/hazards/outcomes";
import { placesOf } from "~/modules/hazards/places.server";
import { pactChoicesFor, usablePactMembers } from "~/modules/records/create.server";
import { actorOf, recordDenial } from "~/modules/tenancy/users.server";
import type { ActivityFilters, ActivityInput } from "./activity-schemas";
import { parseRecordId } from "./detail.server";
import { ACTIVITY_KINDS, type ActivityKind } from "./vocabulary";

export const ACTIVITY_PAGE_SIZE = 20;

/** SQL: the activity's pact has the viewer's county as member and covers patrols. */
export function viewerSharesActivity(viewer: Viewer): SQL {
  return sql`(exists (select 1 from pact_members am where am.pact_id = ${jointActivities.pactId} and am.county_id = ${viewer.countyId})
    and exists (select 1 from pact_workflows aw where aw.pact_id = ${jointActivities.pactId} and aw.workflow = 'patrol'))`;
}

function conditionsOf(viewer: Viewer, f: ActivityFilters, withKind = true): SQL {
  return and(
    viewerSharesActivity(viewer),
    f.pact ? eq(jointActivities.pactId, f.pact) : undefined,
    f.kind && withKind ? eq(jointActivities.kind, f.kind) : undefined,
    f.year ? like(jointActivities.heldOn, `${f.year}-%`) : undefined,
  )!;
}

const columns = {
  activity: jointActivities,
  pactTitle: pacts.title,
  organiserName: counties.name,
  createdByName: users.displayName,
};

/** One page of the activities the viewer's county shares, newest first. */
export function listActivities(viewer: Viewer, filters: ActivityFilters) {
  assertCan(viewer, "patrol", "view");
  const db = getDb();
  const where = conditionsOf(viewer, filters);
  const total = db.select({ n: sql<number>`count(*)` }).from(jointActivities).where(where).get()!.n;
  const pageCount = Math.max(1, Math.ceil(total / ACTIVITY_PAGE_SIZE));
  const page = Math.min(filters.page ?? 1, pageCount);
  const items = db
    .select(columns)
    .from(jointActivities)
    .innerJoin(pacts, eq(pacts.id, jointActivities.pactId))
    .innerJoin(counties, eq(counties.id, jointActivities.organiserCountyId))
    .innerJoin(users, eq(users.id, jointActivities.createdBy))
    .where(where)
    .orderBy(desc(jointActivities.heldOn), desc(jointActivities.id))
    .limit(ACTIVITY_PAGE_SIZE)
    .offset((page - 1) * ACTIVITY_PAGE_SIZE)
    .all()
    .map(({ activity: { createdBy: _c, ...activity }, ...names }) => ({ ...activity, ...names }));
  return { items, total, page, pageCount };
}

export interface ActivityTotals {
  byKind: Record<ActivityKind, number>;
  events: number;
  attendance: number;
  consultations: number;
  legalAidCases: number;
  requestsReceived: number;
  requestsResolved: number;
}

/** The totals of the activities under the filters (kind aside for the per-kind counts). */
export function activityTotals(viewer: Viewer, filters: ActivityFilters): ActivityTotals {
  const rows = getDb()
    .select({
      kind: jointActivities.kind,
      n: sql<number>`count(*)`,
      attendance: sql<number>`coalesce(sum(${jointActivities.attendance}), 0)`,
      consultations: sql<number>`coalesce(sum(${jointActivities.consultations}), 0)`,
      legalAidCases: sql<number>`coalesce(sum(${jointActivities.legalAidCases}), 0)`,
      requestsReceived: sql<number>`coalesce(sum(${jointActivities.requestsReceived}), 0)`,
      requestsResolved: sql<number>`coalesce(sum(${jointActivities.requestsResolved}), 0)`,
    })
    .from(jointActivities)
    .where(conditionsOf(viewer, filters, false))
    .groupBy(jointActivities.kind)
    .all();
  const counted = rows.filter((r) => !filters.kind || r.kind === filters.kind);
  const sum = (k: "attendance" | "consultations" | "legalAidCases" | "requestsReceived" | "requestsResolved") =>
    counted.reduce((s, r) => s + r[k], 0);
  return {
    byKind: Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, rows.find((r) => r.kind === k)?.n ?? 0])) as Record<ActivityKind, number>,
    events: counted.reduce((s, r) => s + r.n, 0),
    attendance: sum("attendance"),
    consultations: sum("consultations"),
    legalAidCases: sum("legalAidCases"),
    requestsReceived: sum("requestsReceived"),
    requestsResolved: sum("requestsResolved"),
  };
}

/** The years in which the viewer's county's pacts held activities, latest first. */
export function activityYears(viewer: Viewer): number[] {
  return getDb()
    .selectDistinct({ year: sql<string>`substr(${jointActivities.heldOn}, 1, 4)` })
    .from(jointActivities)
    .where(viewerSharesActivity(viewer))
    .all()
    .map((r) => Number(r.year))
    .sort((a, b) => b - a);
}

/** The pacts the viewer's county shares activities under (for the filter), oldest first. */
export function activityPactChoices(viewer: Viewer) {
  return getDb()
    .select({ id: pacts.id, title: pacts.title })
    .from(pacts)
    .where(
      and(
        sql`exists (select 1 from pact_members m where m.pact_id = ${pacts.id} and m.county_id = ${viewer.countyId})`,
        sql`exists (select 1 from pact_workflows w where w.pact_id = ${pacts.id} and w.workflow = 'patrol')`,
        inArray(pacts.status, ["active", "suspended", "terminated"]),
      ),
    )
    .orderBy(asc(pacts.id))
    .all();
}

/** One activity for its page: 403 for roles without patrols, 404 for missing and hidden alike. */
export function requireActivity(viewer: Viewer, raw: string | undefined) {
  assertCan(viewer, "patrol", "view");
  const id = parseRecordId(raw);
  const row =
    id === null
      ? undefined
      : getDb()
          .select({ ...columns, regionName: regions.name })
          .from(jointActivities)
          .innerJoin(pacts, eq(pacts.id, jointActivities.pactId))
          .innerJoin(counties, eq(counties.id, jointActivities.organiserCountyId))
          .innerJoin(users, eq(users.id, jointActivities.createdBy))
          .leftJoin(regions, eq(regions.id, jointActivities.regionId))
          .where(and(eq(jointActivities.id, id), viewerSharesActivity(viewer)))
          .get();
  if (row) {
    const { activity, ...names } = row;
    return { ...activity, ...names };
  }
  if (id !== null) recordDenial(viewer, "joint_activity", id);
  throw new Response("Not Found", { status: 404 });
}

/** What the activity form offers: the pacts in force covering patrols, and their counties' places. */
export function activityChoicesFor(viewer: Viewer) {
  const pactChoices = pactChoicesFor(viewer, "patrol");
  const countyIds = [viewer.countyId, ...new Set(pactChoices.flatMap((p) => p.partners.map((c) => c.countyId)))];
  const db = getDb();
  const names = db.select({ id: counties.id, name: counties.name }).from(counties).where(inArray(counties.id, countyIds)).all();
  const byCounty = placesOf(countyIds, db);
  return {
    pacts: pactChoices.map((p) => ({ id: p.id, title: p.title })),
    places: pactChoices.length === 0 ? [] : countyIds.map((countyId) => ({
      countyId,
      countyName: names.find((n) => n.id === countyId)?.name ?? "",
      isOwn: countyId === viewer.countyId,
      regions: byCounty.get(countyId) ?? [],
    })),
  };
}

function regionAllowed(tx: Tx, regionId: number, members: number[]): boolean {
  const region = tx.select({ countyId: regions.countyId }).from(regions).where(eq(regions.id, regionId)).get();
  return !!region && members.includes(region.countyId);
}

/** Records an activity under a pact in force that covers patrols; nothing is written on a refusal. */
export function recordActivity(viewer: Viewer, input: ActivityInput): { ok: true; id: number } | Refusal {
  assertCan(viewer, "patrol", "create");
  return writeTransaction((tx): { ok: true; id: number } | Refusal => {
    const members = usablePactMembers(tx, viewer, input.pactId, "patrol");
    if (!members) return invalid({ pactId: "patrols.activity.error.pactNotUsable" });
    if (input.regionId !== null && !regionAllowed(tx, input.regionId, members)) return invalid({ regionId: "form.invalidChoice" });
    const values = { ...input, organiserCountyId: viewer.countyId, createdBy: viewer.userId, createdAt: Date.now() };
    const { id } = tx.insert(jointActivities).values(values).returning({ id: jointActivities.id }).get();
    appendAudit(tx, actorOf(viewer), { action: "joint_activity.create", entityType: "joint_activity", entityId: id, after: input });
    return { ok: true, id };
  });
}
