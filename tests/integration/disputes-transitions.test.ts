/**
 * Every cell of the dispute state machine: each status × each action × each role, on real
 * records, through transitionDispute and the engine's applyTransition. The expected table is
 * written out here by hand, not read from machine.ts, so a change to the machine shows up.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "~db/schema";
import { ROLES, type Role } from "~/modules/access/capabilities";
import { getDb } from "~/modules/db/connection.server";
import { DISPUTE_ACTIONS, DISPUTE_MACHINE, DISPUTE_STATUSES, type DisputeAction, type DisputeStatus } from "~/modules/disputes/machine";
import { transitionDispute } from "~/modules/disputes/steps.server";
import { applyTransition } from "~/modules/records/transitions.server";
import { useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import {
  disputeDetailsRow, disputeRecord, disputeState, disputeThread, moveDisputeTo, reportDisputeAs, validDisputeFields,
} from "./helpers/dispute-fixtures";

useDemoData();

/** The steps of the dispute workflow, as the domain describes them. */
const STEPS: Record<DisputeStatus, Partial<Record<DisputeAction, DisputeStatus>>> = {
  reported: { register: "registered" },
  registered: { assess: "assessing" },
  assessing: { mediate: "mediating", stabilise: "stabilised", fail: "failed" },
  mediating: { resolve: "resolved", stabilise: "stabilised", fail: "failed" },
  resolved: { follow_up: "followed_up" },
  stabilised: { fail: "failed", reopen: "mediating" },
  failed: {},
  followed_up: { follow_up: "followed_up" },
};
/** Who handles disputes: mediators and political-legal staff. Grid workers report, leaders read. */
const HANDLERS: Role[] = ["mediator", "pl_staff"];
const SUFFIX: Record<Role, string> = {
  county_admin: "admin", pl_staff: "pl", police_liaison: "police", mediator: "mediator", grid_worker: "grid", leader: "leader",
};

type Expected = { ok: true; to: DisputeStatus } | { ok: false; reason: "forbidden" | "conflict" };

function expected(status: DisputeStatus, action: DisputeAction, role: Role): Expected {
  const to = STEPS[status][action];
  if (!to) return { ok: false, reason: "conflict" };
  return HANDLERS.includes(role) ? { ok: true, to } : { ok: false, reason: "forbidden" };
}

const cells = DISPUTE_STATUSES.flatMap((status) =>
  DISPUTE_ACTIONS.flatMap((action) => ROLES.map((role) => ({ status, action, role, expect: expected(status, action, role) }))),
);

describe("every cell: status × action × role", () => {
  const ids = new Map<string, number>();
  beforeAll(() => {
    for (const cell of cells) {
      const id = reportDisputeAs("xh.grid");
      moveDisputeTo(id, cell.status, "xh.mediator");
      ids.set(`${cell.status}.${cell.action}.${cell.role}`, id);
    }
  });

  it("the machine has exactly the steps the domain names", () => {
    const table = Object.fromEntries(
      DISPUTE_STATUSES.map((s) => [s, Object.fromEntries(DISPUTE_MACHINE.transitions.filter((t) => t.from.includes(s)).map((t) => [t.action, t.to]))]),
    );
    expect(table).toEqual(STEPS);
  });

  it.each(cells.map((c) => [`${c.status} · ${c.action} · ${c.role} → ${c.expect.ok ? c.expect.to : c.expect.reason}`, c] as const))("%s", (_name, cell) => {
    const id = ids.get(`${cell.status}.${cell.action}.${cell.role}`)!;
    const viewer = viewerOf(`xh.${SUFFIX[cell.role]}`);
    const record = disputeRecord(id);
    expect(record.status).toBe(cell.status);
    const before = disputeState(id);
    const result = transitionDispute(viewer, record, cell.action, validDisputeFields(cell.action));
    if (cell.expect.ok) {
      expect(result).toEqual({ ok: true, status: cell.expect.to });
      expect(disputeRecord(id).status).toBe(cell.expect.to);
      const event = disputeThread(id).at(-1)!;
      expect(event).toMatchObject({ kind: "event", eventAction: cell.action, fromStatus: cell.status, toStatus: cell.expect.to, authorUserId: viewer.userId });
      const audit = getDb().select().from(auditLog).where(and(eq(auditLog.action, `record.${cell.action}`), eq(auditLog.entityId, String(id)))).all();
      expect(audit).toHaveLength(cell.action === "follow_up" && cell.status === "followed_up" ? 2 : 1);
    } else {
      expect(result).toEqual(cell.expect);
      expect(disputeState(id)).toEqual(before);
    }
  });
});

describe("what the steps write", () => {
  it("a grid worker's report starts at reported, a mediator's registration at registered", () => {
    expect(disputeRecord(reportDisputeAs("xh.grid")).status).toBe("reported");
    expect(disputeRecord(reportDisputeAs("xh.mediator")).status).toBe("registered");
    expect(disputeRecord(reportDisputeAs("xh.pl")).status).toBe("registered");
  });

  it("resolve and stabilise set outcome_at; reopen clears it; fail records where it was referred", () => {
    const id = reportDisputeAs("xh.mediator", { pactId: pactIdBetween("XH", "TZ") });
    moveDisputeTo(id, "stabilised", "tz.mediator");
    expect(disputeDetailsRow(id).outcomeAt).toBeGreaterThan(0);
    expect(transitionDispute(viewerOf("xh.pl"), disputeRecord(id), "reopen", { note: "双方同意重新调解" }).ok).toBe(true);
    expect(disputeDetailsRow(id).outcomeAt).toBeNull();
    const fields = { referralKind: "arbitration", referralTo: "怀化仲裁委员会", note: "调解不成" } as const;
    expect(transitionDispute(viewerOf("tz.mediator"), disputeRecord(id), "fail", fields)).toEqual({ ok: true, status: "failed" });
    expect(disputeDetailsRow(id)).toMatchObject({ referralKind: "arbitration", referralTo: "怀化仲裁委员会" });
    expect(disputeDetailsRow(id).outcomeAt).toBeGreaterThan(0);
    expect(JSON.parse(disputeThread(id).at(-1)!.payload!)).toMatchObject(fields);
  });

  it("follow_up writes a return visit each time, by whoever logged it", () => {
    const id = reportDisputeAs("xh.mediator");
    moveDisputeTo(id, "resolved", "xh.mediator");
    expect(disputeDetailsRow(id).outcomeAt).toBeGreaterThan(0);
    expect(transitionDispute(viewerOf("xh.pl"), disputeRecord(id), "follow_up", validDisputeFields("follow_up")).ok).toBe(true);
    const again = validDisputeFields("follow_up");
    expect(transitionDispute(viewerOf("xh.mediator"), disputeRecord(id), "follow_up", { ...again, method: "in_person" }).ok).toBe(true);
    expect(disputeState(id).visits).toBe(2);
  });

  it("assessing may set the risk and a committee of the dispute's pact, never another pact's", () => {
    const id = reportDisputeAs("xh.mediator", { pactId: pactIdBetween("XH", "TZ") });
    const xhYpCommittee = getDb().$client.prepare("select id from joint_bodies where name = '贡溪—皂角坪边界联合调解委员会'").get() as { id: number };
    const before = disputeState(id);
    expect(transitionDispute(viewerOf("xh.mediator"), disputeRecord(id), "assess", { note: "研判", escalationRisk: "high", committeeId: xhYpCommittee.id })).toEqual({
      ok: false, reason: "invalid", errors: { committeeId: "disputes.error.committee" },
    });
    expect(disputeState(id)).toEqual(before);
    const own = getDb().$client.prepare("select id from joint_bodies where name = '凉伞—坪地边界联合调解委员会'").get() as { id: number };
    expect(transitionDispute(viewerOf("xh.mediator"), disputeRecord(id), "assess", { note: "研判", escalationRisk: "high", committeeId: own.id }).ok).toBe(true);
    expect(disputeDetailsRow(id)).toMatchObject({ escalationRisk: "high", committeeId: own.id });
  });

  it("a partner county's mediators may take steps on a dispute shared with them; a stale page is a conflict", () => {
    const id = reportDisputeAs("xh.grid", { pactId: pactIdBetween("XH", "TZ") });
    const stale = disputeRecord(id);
    expect(transitionDispute(viewerOf("tz.mediator"), stale, "register", { note: "" })).toEqual({ ok: true, status: "registered" });
    const before = disputeState(id);
    expect(transitionDispute(viewerOf("xh.mediator"), stale, "register", { note: "" })).toEqual({ ok: false, reason: "conflict" });
    expect(applyTransition(viewerOf("xh.pl"), stale, DISPUTE_MACHINE, "register")).toEqual({ ok: false, reason: "conflict" });
    expect(disputeState(id)).toEqual(before);
  });
});
