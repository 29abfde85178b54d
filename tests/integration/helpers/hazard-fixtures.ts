/**
 * Hazards for tests, made through the real services: report one as a demo user, move it to any
 * status as its county's political-legal staff, and read back what was stored.
 */
import { count, eq } from "drizzle-orm";
import { auditLog, hazardDetails, records, threadEntries } from "~db/schema";
import { todayInChina } from "~/i18n";
import { getDb } from "~/modules/db/connection.server";
import { DAY_MS, endOfChinaDay } from "~/modules/hazards/deadlines";
import { loadHazard } from "~/modules/hazards/detail.server";
import type { HazardAction, HazardStatus } from "~/modules/hazards/machine";
import { reportHazard } from "~/modules/hazards/report.server";
import type { HazardReportInput, StepFields } from "~/modules/hazards/schemas";
import { transitionHazard } from "~/modules/hazards/steps.server";
import { viewerOf } from "../../setup/demo";

let serial = 0;

/** Reports a hazard as `username`; the title is unique unless given. */
export function reportAs(username: string, input: Partial<HazardReportInput> = {}): number {
  const result = reportHazard(viewerOf(username), {
    title: `测试隐患 ${++serial}`,
    category: "fire",
    severity: "general",
    source: "grid_sweep",
    pactId: null,
    regionId: null,
    placeText: "",
    description: "测试用的隐患描述",
    sweepId: null,
    ...input,
  });
  if (!result.ok) throw new Error(`report refused: ${JSON.stringify(result.errors)}`);
  return result.id;
}

/** A calendar day `days` from today (Beijing), as YYYY-MM-DD. */
export function dayFromToday(days: number): string {
  return todayInChina(Date.now() + days * DAY_MS);
}

/** Valid fields for each step, the responsible county being the owner. */
export function validFields<A extends HazardAction>(action: A, ownerCountyId: number): StepFields<A> {
  const deadline = endOfChinaDay(dayFromToday(7));
  const fields: { [K in HazardAction]: StepFields<K> } = {
    verify: { note: "" },
    rectify: { measures: "清理、设置警示标志", deadline, responsibleCountyId: ownerCountyId },
    adjust: { measures: "调整后的措施", deadline, note: "延期说明" },
    eliminate: { note: "处置说明" },
    dismiss: { note: "处置说明" },
  };
  return fields[action];
}

const PATH: Record<HazardStatus, HazardAction[]> = {
  reported: [],
  verifying: ["verify"],
  rectifying: ["verify", "rectify"],
  eliminated: ["verify", "rectify", "eliminate"],
  dismissed: ["dismiss"],
};

/** Moves a hazard to `status` through the machine, as `username` (a handler of a county that sees it). */
export function moveTo(id: number, status: HazardStatus, username: string): void {
  const viewer = viewerOf(username);
  for (const action of PATH[status]) {
    const record = loadHazard(viewer, id);
    const result = transitionHazard(viewer, record, action, validFields(action, record.ownerCountyId));
    if (!result.ok) throw new Error(`${action} refused: ${JSON.stringify(result)}`);
  }
}

export function recordRow(id: number) {
  return getDb().select().from(records).where(eq(records.id, id)).get()!;
}

export function detailsRow(id: number) {
  return getDb().select().from(hazardDetails).where(eq(hazardDetails.recordId, id)).get()!;
}

export function threadOf(id: number) {
  return getDb().select().from(threadEntries).where(eq(threadEntries.recordId, id)).orderBy(threadEntries.id).all();
}

/** What a refused step must leave as it was: the record, its details and its thread. */
export function storedState(id: number) {
  return { record: recordRow(id), details: detailsRow(id), thread: threadOf(id).length };
}

export function auditCount(): number {
  return getDb().select({ n: count() }).from(auditLog).get()!.n;
}

export function lastAudit() {
  return getDb().select().from(auditLog).orderBy(auditLog.id).all().at(-1)!;
}
