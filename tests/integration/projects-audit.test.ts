/**
 * Every kind of write of the project workflow leaves an audit entry with who, which county, what,
 * and before/after: the proposal (record, details, the plan message), each step, marking a
 * milestone done, adding one, thread messages and links on a project, and refusals.
 */
import { desc, gt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "~db/schema";
import { findVisibleRecord } from "~/modules/access/policy.server";
import { getDb } from "~/modules/db/connection.server";
import { addMilestone, markMilestoneDone } from "~/modules/projects/milestones.server";
import { takeProjectStep } from "~/modules/projects/steps.server";
import { linkRecords } from "~/modules/records/links.server";
import { postThreadEntry } from "~/modules/records/thread.server";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { dayFromToday, milestonesOf, proposeAs } from "./helpers/project-fixtures";

useDemoData();

interface Row {
  action: string;
  write: () => unknown;
  actor: string;
  hasAfter?: boolean;
  hasBefore?: boolean;
  /** The entry's entity id must be the project's. */
  onProject?: boolean;
}

const state: { project?: number; other?: number } = {};
const record = (username: string, id = state.project!) => findVisibleRecord(viewerOf(username), id)!;
const step = (username: string, action: "activate" | "complete" | "suspend" | "resume") => () =>
  takeProjectStep(viewerOf(username), record(username), action, { note: `${action} 说明` });

const ROWS: Row[] = [
  { action: "record.create", actor: "xh.pl", hasAfter: true, write: () => { state.project = proposeAs("xh.pl"); state.other = proposeAs("xh.pl"); } },
  { action: "project.details", actor: "tz.pl", hasAfter: true, write: () => proposeAs("tz.pl") },
  { action: "thread.message", actor: "xh.pl", hasAfter: true, write: () => proposeAs("xh.pl") },
  { action: "record.activate", actor: "xh.pl", hasBefore: true, hasAfter: true, onProject: true, write: step("xh.pl", "activate") },
  { action: "record.suspend", actor: "xh.pl", hasBefore: true, hasAfter: true, onProject: true, write: step("xh.pl", "suspend") },
  { action: "record.resume", actor: "xh.pl", hasBefore: true, hasAfter: true, onProject: true, write: step("xh.pl", "resume") },
  {
    action: "project.milestone_add", actor: "xh.pl", hasAfter: true, onProject: true,
    write: () => addMilestone(viewerOf("xh.pl"), record("xh.pl"), { title: "审计节点", dueOn: dayFromToday(30), responsibleCountyId: countyIdOf("TZ") }),
  },
  {
    action: "project.milestone_done", actor: "tz.pl", hasBefore: true, hasAfter: true, onProject: true,
    write: () => {
      for (const m of milestonesOf(state.project!).filter((x) => x.responsibleCountyId === countyIdOf("TZ"))) {
        markMilestoneDone(viewerOf("tz.pl"), record("tz.pl"), { milestoneId: m.id, note: "完成" });
      }
      for (const m of milestonesOf(state.project!).filter((x) => !x.doneOn)) {
        markMilestoneDone(viewerOf("xh.pl"), record("xh.pl"), { milestoneId: m.id, note: "" });
      }
    },
  },
  { action: "thread.internal_note", actor: "tz.pl", hasAfter: true, onProject: true, write: () => postThreadEntry(viewerOf("tz.pl"), record("tz.pl"), { body: "内部", internal: true }) },
  { action: "record.link", actor: "xh.pl", onProject: true, write: () => linkRecords(viewerOf("xh.pl"), state.project!, state.other!) },
  { action: "record.complete", actor: "xh.pl", hasBefore: true, hasAfter: true, onProject: true, write: step("xh.pl", "complete") },
  { action: "access.denied", actor: "tz.pl", hasAfter: true, write: () => takeProjectStep(viewerOf("tz.pl"), record("tz.pl", state.other), "activate", { note: "越权" }) },
];

describe("every kind of project write is audited", () => {
  it.each(ROWS.map((row) => [row.action, row] as const))("%s", async (_action, row) => {
    const lastId = getDb().select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()?.id ?? 0;
    await row.write();
    const entries = getDb().select().from(auditLog).where(gt(auditLog.id, lastId)).all();
    const entry = entries.find((e) => e.action === row.action);
    expect(entry, `no ${row.action} entry among ${entries.map((e) => e.action).join(", ")}`).toBeDefined();
    const viewer = viewerOf(row.actor);
    expect(entry).toMatchObject({ actorUserId: viewer.userId, countyId: viewer.countyId });
    expect(entry!.at).toBeGreaterThan(Date.now() - 60_000);
    if (row.onProject) expect(entry).toMatchObject({ entityType: "project", entityId: String(state.project) });
    if (row.hasBefore) expect(entry!.before).not.toBeNull();
    if (row.hasAfter) expect(entry!.after).not.toBeNull();
  });
});
