/**
 * The demo projects are present and consistent: the 2020 safe-border plan completed with every
 * milestone done and its plan document attached; the joint touring theatre active with milestones
 * done, one overdue and one upcoming; others across fields and states (one suspended, one
 * proposed); all under the XH–TZ pact, so YP and ZJ see none. Writing them is fast.
 */
import fs from "node:fs";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { attachments, projectDetails, records, threadEntries } from "~db/schema";
import { seedProjectDemo } from "~db/seed/projects-demo";
import { SAFE_BORDER_2020, TOURING_THEATRE } from "~db/seed/projects-demo-data";
import { visibleRecordsFilter } from "~/modules/access/policy.server";
import { getDb } from "~/modules/db/connection.server";
import { describeProject } from "~/modules/projects/detail.server";
import { inboxFor } from "~/modules/records/inbox.server";
import { storedFilePath } from "~/modules/records/attachments.server";
import { checkFileType } from "~/modules/records/file-types";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { milestonesOf } from "./helpers/project-fixtures";

useDemoData();

const projects = () => getDb().select().from(records).where(eq(records.workflow, "project")).orderBy(records.id).all();
const byTitle = (title: string) => projects().find((r) => r.title === title)!;

describe("the demo projects", () => {
  it("the 2020 safe-border plan is completed, every milestone done, its plan a valid stored PDF", () => {
    const r = byTitle(SAFE_BORDER_2020.title);
    expect(r).toMatchObject({ status: "completed", dueAt: null, ownerCountyId: countyIdOf("XH"), pactId: pactIdBetween("XH", "TZ") });
    expect(r.refNo).toMatch(/^XH-MS-2020-\d{4}$/);
    expect(milestonesOf(r.id).every((m) => m.doneOn !== null)).toBe(true);
    expect(getDb().select().from(projectDetails).where(eq(projectDetails.recordId, r.id)).get()!.completedAt).not.toBeNull();
    const detail = describeProject(viewerOf("tz.pl"), r);
    expect(detail.plan?.fileName).toBe(SAFE_BORDER_2020.plan.fileName);
    const file = getDb().select().from(attachments).where(eq(attachments.id, detail.plan!.id)).get()!;
    const bytes = new Uint8Array(fs.readFileSync(storedFilePath(file.sha256)));
    expect(checkFileType(file.fileName, bytes)).toMatchObject({ ok: true, mime: "application/pdf" });
    const first = getDb().select().from(threadEntries).where(and(eq(threadEntries.recordId, r.id), eq(threadEntries.kind, "message"))).orderBy(threadEntries.id).get()!;
    expect(first.id).toBe(file.entryId);
  });

  it("the touring theatre is active: milestones done, one overdue (TZ's), one upcoming; due_at is the overdue one's day", () => {
    const r = byTitle(TOURING_THEATRE.title);
    expect(r.status).toBe("active");
    const detail = describeProject(viewerOf("xh.pl"), r);
    expect(detail.field).toBe("culture");
    const states = detail.milestones.map((m) => m.state);
    expect(states.filter((s) => s === "done" || s === "done_late").length).toBeGreaterThanOrEqual(2);
    expect(states.filter((s) => s === "overdue")).toHaveLength(1);
    expect(states).toContain("upcoming");
    const overdue = detail.milestones.find((m) => m.state === "overdue")!;
    expect(overdue.responsibleCountyId).toBe(countyIdOf("TZ"));
    expect(r.dueAt).toBe(Date.parse(`${overdue.dueOn}T00:00:00+08:00`) + 86_400_000 - 1);
    expect(detail.overdue).toBe(true);
    for (const u of ["xh.pl", "tz.pl"]) expect(inboxFor(viewerOf(u)).find((i) => i.recordId === r.id)?.overdue, u).toBe(true);
  });

  it("covers other fields and states, all under the XH–TZ pact", () => {
    const all = projects();
    const statuses = all.map((r) => r.status);
    expect(statuses.filter((s) => s === "suspended")).toHaveLength(1);
    expect(statuses.filter((s) => s === "proposed")).toHaveLength(1);
    expect(new Set(all.map((r) => r.pactId))).toEqual(new Set([pactIdBetween("XH", "TZ")]));
    const fields = getDb().select({ field: projectDetails.field }).from(projectDetails).all().map((d) => d.field);
    expect(new Set(fields).size).toBeGreaterThanOrEqual(5);
    for (const r of all.filter((x) => x.status !== "active")) expect(r.dueAt).toBeNull();
    for (const r of all) expect(describeProject(viewerOf("xh.pl"), r).plan).not.toBeNull();
  });

  it("YP and ZJ see no projects; XH and TZ see all of them", () => {
    const visible = (u: string) => getDb().select({ id: records.id }).from(records).where(and(eq(records.workflow, "project"), visibleRecordsFilter(viewerOf(u)))).all().length;
    for (const u of ["yp.pl", "yp.leader", "zj.pl"]) expect(visible(u), u).toBe(0);
    for (const u of ["xh.pl", "tz.pl", "tz.leader"]) expect(visible(u), u).toBe(projects().length);
  });

  it("writes the whole demo in one transaction: rolled back, nothing of it stays", () => {
    const db = getDb();
    const before = projects().length;
    let inside = 0;
    expect(() =>
      db.transaction((tx) => {
        seedProjectDemo(tx, Date.now());
        inside = tx.select({ id: records.id }).from(records).where(eq(records.workflow, "project")).all().length;
        throw new Error("roll back");
      }),
    ).toThrow("roll back");
    expect(inside).toBe(before * 2);
    expect(projects().length).toBe(before);
  });
});
