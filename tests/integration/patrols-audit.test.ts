/**
 * Every kind of write of the patrol workflow leaves an audit entry with who, which county, what,
 * and before/after: planning (the record and its details), each step, a finding, a record opened
 * from a finding (the link and the finding's entry), a joint activity, and a refused link.
 */
import { and, desc, eq, gt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "~db/schema";
import { todayInChina } from "~/i18n";
import { findVisibleRecord } from "~/modules/access/policy.server";
import { getDb } from "~/modules/db/connection.server";
import { reportHazard } from "~/modules/hazards/report.server";
import { recordActivity } from "~/modules/patrols/activities.server";
import { logFinding } from "~/modules/patrols/findings.server";
import { planPatrol } from "~/modules/patrols/plan.server";
import { takePatrolStep } from "~/modules/patrols/steps.server";
import { useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { planInput, STEP_FIELDS } from "./helpers/patrol-fixtures";

useDemoData();

interface Row {
  action: string;
  write: () => unknown;
  actor: string;
  hasBefore?: boolean;
  hasAfter?: boolean;
  entityType?: string;
}

const state: Record<string, number> = {};
const patrol = (username: string) => findVisibleRecord(viewerOf(username), state.patrol)!;

const ROWS: Row[] = [
  {
    action: "record.create", actor: "xh.police", hasAfter: true, entityType: "patrol",
    write: () => {
      const result = planPatrol(viewerOf("xh.police"), planInput());
      if (result.ok) state.patrol = result.id;
    },
  },
  { action: "patrol.details", actor: "xh.police", hasAfter: true, entityType: "patrol", write: () => planPatrol(viewerOf("xh.police"), planInput()) },
  { action: "record.start", actor: "tz.police", hasBefore: true, hasAfter: true, write: () => takePatrolStep(viewerOf("tz.police"), patrol("tz.police"), "start", STEP_FIELDS.start()) },
  {
    action: "patrol.finding", actor: "tz.police", hasAfter: true, entityType: "patrol",
    write: () => {
      const result = logFinding(viewerOf("tz.police"), patrol("tz.police"), { foundAt: Date.now() - 60_000, description: "山林火堆未熄灭", regionId: null });
      if (result.ok) state.finding = result.findingId;
    },
  },
  {
    action: "record.link", actor: "tz.police", hasAfter: true, entityType: "patrol",
    write: () => reportHazard(viewerOf("tz.police"), {
      title: "山林火堆", category: "fire", severity: "general", source: "patrol", pactId: pactIdBetween("XH", "TZ"), regionId: null, placeText: "",
      description: "山林火堆未熄灭", sweepId: null,
    }, { patrolId: state.patrol, findingId: state.finding }),
  },
  {
    action: "patrol.finding_opened", actor: "xh.police", hasAfter: true, entityType: "patrol",
    write: () => {
      const found = logFinding(viewerOf("xh.police"), patrol("xh.police"), { foundAt: Date.now() - 60_000, description: "路灯损坏", regionId: null });
      if (!found.ok) return;
      reportHazard(viewerOf("xh.police"), {
        title: "路灯损坏", category: "road_traffic", severity: "general", source: "patrol", pactId: pactIdBetween("XH", "TZ"), regionId: null, placeText: "",
        description: "路灯损坏", sweepId: null,
      }, { patrolId: state.patrol, findingId: found.findingId });
    },
  },
  { action: "record.complete", actor: "xh.pl", hasBefore: true, hasAfter: true, write: () => takePatrolStep(viewerOf("xh.pl"), patrol("xh.pl"), "complete", STEP_FIELDS.complete()) },
  {
    action: "record.cancel", actor: "tz.pl", hasBefore: true, hasAfter: true,
    write: () => {
      const result = planPatrol(viewerOf("xh.police"), planInput());
      if (result.ok) takePatrolStep(viewerOf("tz.pl"), findVisibleRecord(viewerOf("tz.pl"), result.id)!, "cancel", STEP_FIELDS.cancel());
    },
  },
  {
    action: "joint_activity.create", actor: "yp.pl", hasAfter: true, entityType: "joint_activity",
    write: () => recordActivity(viewerOf("yp.pl"), {
      pactId: pactIdBetween("XH", "YP"), kind: "legal_education", title: "联合普法", heldOn: todayInChina(), regionId: null, placeText: "",
      attendance: 80, consultations: 0, legalAidCases: 0, requestsReceived: 0, requestsResolved: 0, notes: "",
    }),
  },
  {
    action: "access.denied", actor: "yp.police", hasAfter: true,
    write: () => reportHazard(viewerOf("yp.police"), {
      title: "越界立案", category: "other", severity: "general", source: "patrol", pactId: null, regionId: null, placeText: "", description: "越界", sweepId: null,
    }, { patrolId: state.patrol, findingId: state.finding }),
  },
];

describe("every kind of patrol write is audited", () => {
  it.each(ROWS.map((row) => [row.action, row] as const))("%s", async (_action, row) => {
    const lastId = getDb().select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()?.id ?? 0;
    await row.write();
    const entries = getDb().select().from(auditLog).where(gt(auditLog.id, lastId)).all();
    const entry = entries.find((e) => e.action === row.action && (!row.entityType || e.entityType === row.entityType));
    expect(entry, `no ${row.action} entry among ${entries.map((e) => `${e.action}/${e.entityType}`).join(", ")}`).toBeDefined();
    const viewer = viewerOf(row.actor);
    expect(entry).toMatchObject({ actorUserId: viewer.userId, countyId: viewer.countyId });
    expect(entry!.at).toBeGreaterThan(Date.now() - 60_000);
    if (row.hasBefore) expect(entry!.before).not.toBeNull();
    if (row.hasAfter) expect(entry!.after).not.toBeNull();
  });

  it("a refused link leaves only the denial: no hazard was made", () => {
    const denied = getDb().select().from(auditLog)
      .where(and(eq(auditLog.action, "record.create"), eq(auditLog.actorUserId, viewerOf("yp.police").userId))).all();
    expect(denied).toEqual([]);
  });
});
