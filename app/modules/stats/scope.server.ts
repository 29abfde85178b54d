/**
 * What a statistics view counts: one pact (both counties side by side), or the viewer's county
 * across all its pacts and its internal records. Each scope gives the SQL conditions that every
 * figure, trend and breakdown runs under, always inside the access policy: records through
 * visibleRecordsOf, joint activities through the pact membership rule.
 */
import { and, asc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { counties, jointActivities, pactMembers, pacts, pactWorkflows, records } from "~db/schema";
import { can, WORKFLOWS, type Workflow } from "~/modules/access/capabilities";
import { visibleRecordsOf } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { viewerSharesActivity } from "~/modules/patrols/activities.server";
import type { FigureCounty } from "./figures";

export type StatsScope = { kind: "pact"; pactId: number } | { kind: "county" };

/** The records of the scope the viewer may see, in `workflow`. */
export function visibleInScope(viewer: Viewer, scope: StatsScope, workflow: Workflow): SQL {
  return and(scope.kind === "pact" ? eq(records.pactId, scope.pactId) : undefined, visibleRecordsOf(viewer, workflow))!;
}

/** The joint activities of the scope the viewer may see (false for roles that do not see patrols). */
export function activitiesInScope(viewer: Viewer, scope: StatsScope): SQL {
  if (!can(viewer.roles, "patrol", "view")) return sql`0`;
  return and(viewerSharesActivity(viewer), scope.kind === "pact" ? eq(jointActivities.pactId, scope.pactId) : undefined)!;
}

/** The pact with the viewer's county as a member, or undefined. */
export function memberPact(viewer: Viewer, pactId: number): { id: number; title: string } | undefined {
  return getDb()
    .select({ id: pacts.id, title: pacts.title })
    .from(pacts)
    .where(and(eq(pacts.id, pactId), sql`exists (select 1 from pact_members m where m.pact_id = ${pacts.id} and m.county_id = ${viewer.countyId})`))
    .get();
}

/**
 * The columns of the view: the pact's members, or the viewer's county followed by every county it
 * shares a pact with that was ever in force (a declined or still proposed pact shares nothing).
 */
export function countiesOfScope(viewer: Viewer, scope: StatsScope): FigureCounty[] {
  const db = getDb();
  const columns = { id: counties.id, name: counties.name, shortCode: counties.shortCode };
  if (scope.kind === "pact") {
    return db.select(columns).from(pactMembers).innerJoin(counties, eq(counties.id, pactMembers.countyId))
      .where(eq(pactMembers.pactId, scope.pactId)).orderBy(asc(counties.code)).all();
  }
  const partnerPacts = db.select({ id: pactMembers.pactId }).from(pactMembers).innerJoin(pacts, eq(pacts.id, pactMembers.pactId))
    .where(and(eq(pactMembers.countyId, viewer.countyId), inArray(pacts.status, ["active", "suspended", "terminated"])));
  const rows = db.selectDistinct(columns).from(counties)
    .where(or(eq(counties.id, viewer.countyId), sql`${counties.id} in (select county_id from pact_members where pact_id in ${partnerPacts})`))
    .orderBy(asc(counties.code)).all();
  return [...rows.filter((c) => c.id === viewer.countyId), ...rows.filter((c) => c.id !== viewer.countyId)];
}

/** The workflows the view shows: those the pact covers (every one for the county view) that the viewer's roles may view. */
export function workflowsOfScope(viewer: Viewer, scope: StatsScope): Workflow[] {
  const covered = scope.kind === "pact"
    ? new Set(getDb().select({ w: pactWorkflows.workflow }).from(pactWorkflows).where(eq(pactWorkflows.pactId, scope.pactId)).all().map((r) => r.w))
    : new Set(WORKFLOWS);
  return WORKFLOWS.filter((w) => covered.has(w) && can(viewer.roles, w, "view"));
}
