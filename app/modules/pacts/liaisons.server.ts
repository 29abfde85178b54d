/**
 * The liaison directory (联络名录): for every pact of the viewer's county that is active and in
 * term today, whom to call on each side. Pacts of other counties never appear.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { counties, pactLiaisons, pactMembers, pacts, pactWorkflows, users } from "~db/schema";
import { todayInChina } from "~/i18n";
import { WORKFLOWS, type Workflow } from "~/modules/access/capabilities";
import { pactInForce } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { viewerIsMember } from "./pacts.server";

export interface LiaisonPerson {
  userId: string;
  displayName: string;
  title: string;
  phone: string;
}

export interface LiaisonSide {
  countyId: number;
  countyName: string;
  isOwn: boolean;
  liaisons: LiaisonPerson[];
}

export interface DirectoryEntry {
  pactId: number;
  title: string;
  startsOn: string;
  endsOn: string | null;
  workflows: Workflow[];
  /** Partner counties first, the viewer's own county last. */
  sides: LiaisonSide[];
}

export function liaisonDirectoryOf(viewer: Viewer, today = todayInChina()): DirectoryEntry[] {
  const db = getDb();
  const rows = db
    .select({ id: pacts.id, title: pacts.title, startsOn: pacts.startsOn, endsOn: pacts.endsOn })
    .from(pacts)
    .where(and(viewerIsMember(viewer), pactInForce(sql`${pacts.id}`, today)))
    .orderBy(asc(pacts.startsOn), asc(pacts.id))
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const members = db
    .select({ pactId: pactMembers.pactId, countyId: counties.id, countyName: counties.name, code: counties.code })
    .from(pactMembers)
    .innerJoin(counties, eq(counties.id, pactMembers.countyId))
    .where(inArray(pactMembers.pactId, ids))
    .orderBy(asc(counties.code))
    .all();
  const people = db
    .select({
      pactId: pactLiaisons.pactId,
      countyId: pactLiaisons.countyId,
      userId: users.id,
      displayName: users.displayName,
      title: users.title,
      phone: users.phone,
    })
    .from(pactLiaisons)
    .innerJoin(users, eq(users.id, pactLiaisons.userId))
    .where(and(inArray(pactLiaisons.pactId, ids), eq(users.disabled, false)))
    .orderBy(asc(users.username))
    .all();
  const workflows = db.select().from(pactWorkflows).where(inArray(pactWorkflows.pactId, ids)).all();
  return rows.map((pact) => {
    const covered = new Set(workflows.filter((w) => w.pactId === pact.id).map((w) => w.workflow));
    const sides = members
      .filter((m) => m.pactId === pact.id)
      .map((m) => ({
        countyId: m.countyId,
        countyName: m.countyName,
        isOwn: m.countyId === viewer.countyId,
        liaisons: people
          .filter((p) => p.pactId === pact.id && p.countyId === m.countyId)
          .map(({ pactId: _p, countyId: _c, ...person }) => person),
      }))
      .sort((a, b) => Number(a.isOwn) - Number(b.isOwn));
    return {
      pactId: pact.id,
      title: pact.title,
      startsOn: pact.startsOn,
      endsOn: pact.endsOn,
      workflows: WORKFLOWS.filter((w) => covered.has(w)),
      sides,
    };
  });
}
