/** Projects for tests, made through the real services (proposeProject, the steps, milestones). */
import fs from "node:fs";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { projectMilestones, records } from "~db/schema";
import { todayInChina } from "~/i18n";
import { requireVisibleRecord } from "~/modules/access/policy.server";
import { getDb } from "~/modules/db/connection.server";
import type { ProjectStatus } from "~/modules/projects/machine";
import { markMilestoneDone } from "~/modules/projects/milestones.server";
import { proposeProject } from "~/modules/projects/propose.server";
import type { ProposalInput } from "~/modules/projects/schemas";
import { takeProjectStep } from "~/modules/projects/steps.server";
import { stageAcceptedFile, type AcceptedFile } from "~/modules/records/attachments.server";
import { countyIdOf, viewerOf } from "../../setup/demo";
import { pactIdBetween } from "../../setup/records";

const DAY = 86_400_000;
let serial = 0;

/** A calendar day `days` from today (Beijing). */
export function dayFromToday(days: number, now = Date.now()): string {
  return todayInChina(now + days * DAY);
}

export function fixtureBytes(name: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(fs.readFileSync(path.resolve("tests/fixtures/files", name)));
}

/** The fixture PDF as the attachment checks would accept it. */
export function planFile(fileName = "项目方案.pdf"): AcceptedFile {
  return stageAcceptedFile(fileName, "application/pdf", fixtureBytes("report.pdf"));
}

/** A valid XH–TZ proposal from `username`'s county to the other: two milestones, one per side. */
export function proposalInput(username: string, overrides: Partial<ProposalInput> = {}): ProposalInput {
  const code = username.split(".")[0].toUpperCase();
  const other = code === "XH" ? "TZ" : "XH";
  return {
    pactId: pactIdBetween("XH", "TZ"),
    field: "culture",
    title: `测试联建项目${++serial}`,
    description: "联合送戏下乡测试",
    startsOn: dayFromToday(-30),
    endsOn: dayFromToday(365),
    budget: 50_000,
    addresseeCountyIds: [countyIdOf(other)],
    contributions: { [String(countyIdOf(code))]: "出演员", [String(countyIdOf(other))]: "出场地" },
    milestones: [
      { row: 0, title: "首场演出", dueOn: dayFromToday(10), responsibleCountyId: countyIdOf(code) },
      { row: 1, title: "对方专场", dueOn: dayFromToday(20), responsibleCountyId: countyIdOf(other) },
    ],
    ...overrides,
  };
}

export function proposeAs(username: string, overrides: Partial<ProposalInput> = {}): number {
  const result = proposeProject(viewerOf(username), proposalInput(username, overrides), [planFile()], "项目方案");
  if (!result.ok) throw new Error(`proposal refused: ${JSON.stringify(result.errors)}`);
  return result.id;
}

export function recordOf(id: number) {
  return getDb().select().from(records).where(eq(records.id, id)).get()!;
}

export function milestonesOf(id: number) {
  return getDb().select().from(projectMilestones).where(eq(projectMilestones.recordId, id)).orderBy(asc(projectMilestones.position)).all();
}

function step(id: number, action: "activate" | "complete" | "suspend" | "resume", lead: string) {
  const r = takeProjectStep(viewerOf(lead), requireVisibleRecord(viewerOf(lead), id), action, { note: "测试" });
  if (!r.ok) throw new Error(`${action} refused ${JSON.stringify(r)}`);
}

/** Moves a project proposed by `lead` (xh.pl by default) to `status` through the services. */
export function moveProjectTo(id: number, status: ProjectStatus, lead = "xh.pl"): void {
  if (status === "proposed") return;
  step(id, "activate", lead);
  if (status === "suspended") step(id, "suspend", lead);
  if (status === "completed") {
    for (const m of milestonesOf(id)) {
      const r = markMilestoneDone(viewerOf(lead), requireVisibleRecord(viewerOf(lead), id), { milestoneId: m.id, note: "" });
      if (!r.ok) throw new Error(`milestone refused ${JSON.stringify(r)}`);
    }
    step(id, "complete", lead);
  }
}
