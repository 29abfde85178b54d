/**
 * Disputes for tests, made through the real services: report or register one as a demo user,
 * move it to any status as a mediator of a county that sees it, and read back what was stored.
 */
import { count, eq } from "drizzle-orm";
import { disputeDetails, disputeParties, mediationSessions, records, returnVisits, threadEntries } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import { loadDispute } from "~/modules/disputes/detail.server";
import type { DisputeAction, DisputeStatus } from "~/modules/disputes/machine";
import { reportDispute } from "~/modules/disputes/report.server";
import type { DisputeReportInput, PartyInput, StepFields } from "~/modules/disputes/schemas";
import { transitionDispute } from "~/modules/disputes/steps.server";
import { todayInChina } from "~/i18n";
import { countyIdOf, viewerOf } from "../../setup/demo";

let serial = 0;

/** Two parties, one from each of `codes` (default XH and TZ), with distinctive phone and ID numbers. */
export function partiesOf(codes: [string, string] = ["XH", "TZ"], seed = 0): PartyInput[] {
  return [
    { name: "杨某甲", countyId: countyIdOf(codes[0]), village: "街上村", phone: `1381234${String(5000 + seed).padStart(4, "0")}`, idNumber: "43122919800101123X" },
    { name: "吴某乙", countyId: countyIdOf(codes[1]), village: "阳寨村", phone: `1399876${String(5000 + seed).padStart(4, "0")}`, idNumber: "" },
  ];
}

/** Reports (grid worker) or registers (mediator, pl_staff) a dispute as `username`. */
export function reportDisputeAs(username: string, input: Partial<DisputeReportInput> = {}): number {
  const n = ++serial;
  const result = reportDispute(viewerOf(username), {
    title: `测试纠纷 ${n}`,
    type: "land_forest",
    escalationRisk: "low",
    pactId: null,
    regionId: null,
    committeeId: null,
    placeText: "",
    peopleInvolved: 2,
    amountInvolved: 0,
    description: "测试用的纠纷情况",
    parties: partiesOf([username.slice(0, 2).toUpperCase(), username.slice(0, 2).toUpperCase()], n),
    ...input,
  });
  if (!result.ok) throw new Error(`report refused: ${JSON.stringify(result.errors)}`);
  return result.id;
}

/** Valid fields for each step. */
export function validDisputeFields<A extends DisputeAction>(action: A): StepFields<A> {
  const fields: { [K in DisputeAction]: StepFields<K> } = {
    register: { note: "" },
    assess: { note: "研判意见", escalationRisk: undefined, committeeId: null },
    mediate: { note: "" },
    resolve: { note: "双方达成协议" },
    stabilise: { note: "已稳控" },
    fail: { referralKind: "court", referralTo: "天柱县人民法院", note: "调解不成" },
    reopen: { note: "重新调解" },
    follow_up: { visitedOn: todayInChina(), method: "phone", performance: "协议正在履行" },
  };
  return fields[action];
}

const PATH: Record<DisputeStatus, DisputeAction[]> = {
  reported: [],
  registered: ["register"],
  assessing: ["register", "assess"],
  mediating: ["register", "assess", "mediate"],
  resolved: ["register", "assess", "mediate", "resolve"],
  stabilised: ["register", "assess", "stabilise"],
  failed: ["register", "assess", "mediate", "fail"],
  followed_up: ["register", "assess", "mediate", "resolve", "follow_up"],
};

/** Moves a dispute to `status` through the machine, as `username` (a mediator of a county that sees it). */
export function moveDisputeTo(id: number, status: DisputeStatus, username: string): void {
  const viewer = viewerOf(username);
  for (const action of PATH[status]) {
    const record = loadDispute(viewer, id);
    if (action === "register" && record.status !== "reported") continue;
    const result = transitionDispute(viewer, record, action, validDisputeFields(action));
    if (!result.ok) throw new Error(`${action} refused: ${JSON.stringify(result)}`);
  }
}

export const disputeRecord = (id: number) => getDb().select().from(records).where(eq(records.id, id)).get()!;
export const disputeDetailsRow = (id: number) => getDb().select().from(disputeDetails).where(eq(disputeDetails.recordId, id)).get()!;
export const disputeThread = (id: number) => getDb().select().from(threadEntries).where(eq(threadEntries.recordId, id)).orderBy(threadEntries.id).all();
export const partyRows = (id: number) => getDb().select().from(disputeParties).where(eq(disputeParties.recordId, id)).all();

/** What a refused step must leave as it was. */
export function disputeState(id: number) {
  const db = getDb();
  return {
    record: disputeRecord(id),
    details: disputeDetailsRow(id),
    thread: disputeThread(id).length,
    visits: db.select({ n: count() }).from(returnVisits).where(eq(returnVisits.recordId, id)).get()!.n,
    sessions: db.select({ n: count() }).from(mediationSessions).where(eq(mediationSessions.recordId, id)).get()!.n,
  };
}
