/** Patrols and joint activities for tests, made through the real services. */
import { and, eq } from "drizzle-orm";
import { jointBodies, records, regions } from "~db/schema";
import { todayInChina } from "~/i18n";
import { requireVisibleRecord } from "~/modules/access/policy.server";
import { getDb } from "~/modules/db/connection.server";
import { logFinding } from "~/modules/patrols/findings.server";
import type { PatrolStatus } from "~/modules/patrols/machine";
import { planPatrol } from "~/modules/patrols/plan.server";
import type { PlanInput } from "~/modules/patrols/schemas";
import { takePatrolStep } from "~/modules/patrols/steps.server";
import { findUserByUsername } from "~/modules/tenancy/users.server";
import { viewerOf } from "../../setup/demo";
import { pactIdBetween } from "../../setup/records";

/** The patrol team of the demo pact between these counties. */
export function teamOf(a: string, b: string): number {
  return getDb()
    .select({ id: jointBodies.id })
    .from(jointBodies)
    .where(and(eq(jointBodies.pactId, pactIdBetween(a, b)), eq(jointBodies.kind, "patrol_team")))
    .get()!.id;
}

export const regionId = (name: string) => getDb().select({ id: regions.id }).from(regions).where(eq(regions.name, name)).get()!.id;
export const userId = (username: string) => findUserByUsername(username)!.id;

/** A valid plan under the XH–TZ pact (or XH–YP), with both police liaisons. */
export function planInput(pact: "XH-TZ" | "XH-YP" = "XH-TZ", overrides: Partial<PlanInput> = {}): PlanInput {
  const [a, b] = pact.split("-");
  return {
    teamId: teamOf(a, b),
    kind: "routine",
    patrolOn: todayInChina(),
    plannedStart: "09:00",
    plannedEnd: "12:00",
    route: "凉伞镇街上村—坪地镇阳寨村通村公路",
    regionIds: pact === "XH-TZ" ? [regionId("街上村"), regionId("阳寨村")] : [regionId("贡溪镇"), regionId("皂角坪街道")],
    participantIds: [userId(`${a.toLowerCase()}.police`), userId(`${b.toLowerCase()}.police`)],
    ...overrides,
  };
}

export function planAs(username: string, pact: "XH-TZ" | "XH-YP" = "XH-TZ", overrides: Partial<PlanInput> = {}): number {
  const result = planPatrol(viewerOf(username), planInput(pact, overrides));
  if (!result.ok) throw new Error(`plan refused: ${JSON.stringify(result)}`);
  return result.id;
}

export function recordOf(id: number) {
  return getDb().select().from(records).where(eq(records.id, id)).get()!;
}

export const STEP_FIELDS = {
  start: () => ({ startedAt: Date.now() - 3 * 3_600_000 }),
  complete: () => ({ endedAt: Date.now() - 60_000, peopleChecked: 12, vehiclesChecked: 4, summary: "巡防完成，秩序良好。" }),
  cancel: () => ({ note: "暴雨预警，巡防改期。" }),
};

/** Moves a patrol to `status` as `username` (a police liaison who sees it). */
export function movePatrolTo(id: number, status: PatrolStatus, username = "xh.police"): void {
  const path: Record<PatrolStatus, ("start" | "complete" | "cancel")[]> = {
    planned: [], in_progress: ["start"], completed: ["start", "complete"], cancelled: ["cancel"],
  };
  for (const action of path[status]) {
    const viewer = viewerOf(username);
    const result = takePatrolStep(viewer, requireVisibleRecord(viewer, id), action, STEP_FIELDS[action]());
    if (!result.ok) throw new Error(`${action} refused: ${JSON.stringify(result)}`);
  }
}

/** Logs a finding on an under-way or completed patrol; returns its id. */
export function findingOn(id: number, username = "xh.police", description = "交界河段有村民电鱼，已当场制止。"): number {
  const viewer = viewerOf(username);
  const result = logFinding(viewer, requireVisibleRecord(viewer, id), { foundAt: Date.now() - 3_600_000, description, regionId: null });
  if (!result.ok) throw new Error(`finding refused: ${JSON.stringify(result)}`);
  return result.findingId;
}
