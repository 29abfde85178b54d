/**
 * Every cell of the hazard state machine: each status × each action × each role, on real
 * records, through transitionHazard and the engine's applyTransition. The expected table is
 * written out here by hand, not read from machine.ts, so a change to the machine shows up.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "~db/schema";
import { ROLES, type Role } from "~/modules/access/capabilities";
import { getDb } from "~/modules/db/connection.server";
import { HAZARD_ACTIONS, HAZARD_MACHINE, HAZARD_STATUSES, type HazardAction, type HazardStatus } from "~/modules/hazards/machine";
import { transitionHazard } from "~/modules/hazards/steps.server";
import { applyTransition } from "~/modules/records/transitions.server";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { detailsRow, moveTo, recordRow, reportAs, storedState, threadOf, validFields } from "./helpers/hazard-fixtures";
import { loadHazard } from "~/modules/hazards/detail.server";

useDemoData();

/** The steps of the hazard workflow, as the domain describes them. */
const STEPS: Record<HazardStatus, Partial<Record<HazardAction, HazardStatus>>> = {
  reported: { verify: "verifying", dismiss: "dismissed" },
  verifying: { rectify: "rectifying", dismiss: "dismissed" },
  rectifying: { adjust: "rectifying", eliminate: "eliminated" },
  eliminated: {},
  dismissed: {},
};
/** Who handles hazards: political-legal staff and police liaisons. Grid workers report, leaders read. */
const HANDLERS: Role[] = ["pl_staff", "police_liaison"];
const SUFFIX: Record<Role, string> = {
  county_admin: "admin", pl_staff: "pl", police_liaison: "police", mediator: "mediator", grid_worker: "grid", leader: "leader",
};

type Expected = { ok: true; to: HazardStatus } | { ok: false; reason: "forbidden" | "conflict" };

function expected(status: HazardStatus, action: HazardAction, role: Role): Expected {
  const to = STEPS[status][action];
  if (!to) return { ok: false, reason: "conflict" };
  return HANDLERS.includes(role) ? { ok: true, to } : { ok: false, reason: "forbidden" };
}

const cells = HAZARD_STATUSES.flatMap((status) =>
  HAZARD_ACTIONS.flatMap((action) => ROLES.map((role) => ({ status, action, role, expect: expected(status, action, role) }))),
);

describe("every cell: status × action × role", () => {
  const records = new Map<string, number>();
  beforeAll(() => {
    for (const cell of cells) {
      const id = reportAs("xh.grid");
      moveTo(id, cell.status, "xh.pl");
      records.set(`${cell.status}.${cell.action}.${cell.role}`, id);
    }
  });

  it("the machine has exactly the steps the domain names", () => {
    const table = Object.fromEntries(
      HAZARD_STATUSES.map((s) => [s, Object.fromEntries(HAZARD_MACHINE.transitions.filter((t) => t.from.includes(s)).map((t) => [t.action, t.to]))]),
    );
    expect(table).toEqual(STEPS);
  });

  it.each(cells.map((c) => [`${c.status} · ${c.action} · ${c.role} → ${c.expect.ok ? c.expect.to : c.expect.reason}`, c] as const))(
    "%s",
    (_name, cell) => {
      const id = records.get(`${cell.status}.${cell.action}.${cell.role}`)!;
      const viewer = viewerOf(`xh.${SUFFIX[cell.role]}`);
      const record = recordRow(id);
      expect(record.status).toBe(cell.status);
      const before = storedState(id);
      const result = transitionHazard(viewer, record, cell.action, validFields(cell.action, record.ownerCountyId));
      if (cell.expect.ok) {
        expect(result).toEqual({ ok: true, status: cell.expect.to });
        expect(recordRow(id).status).toBe(cell.expect.to);
        const event = threadOf(id).at(-1)!;
        expect(event).toMatchObject({ kind: "event", eventAction: cell.action, fromStatus: cell.status, toStatus: cell.expect.to, authorUserId: viewer.userId });
        const audit = getDb().select().from(auditLog).where(and(eq(auditLog.action, `record.${cell.action}`), eq(auditLog.entityId, String(id)))).all();
        expect(audit).toHaveLength(1);
      } else {
        expect(result).toEqual(cell.expect);
        expect(storedState(id)).toEqual(before);
      }
    },
  );
});

describe("what the steps write", () => {
  it("rectify stores measures, deadline (also as due_at) and the responsible county; eliminate clears due_at", () => {
    const id = reportAs("xh.grid", { pactId: pactIdBetween("XH", "TZ") });
    moveTo(id, "verifying", "tz.police");
    const fields = { ...validFields("rectify", countyIdOf("XH")), responsibleCountyId: countyIdOf("TZ") } as const;
    expect(transitionHazard(viewerOf("xh.police"), recordRow(id), "rectify", fields)).toEqual({ ok: true, status: "rectifying" });
    expect(detailsRow(id)).toMatchObject({ measures: fields.measures, deadline: fields.deadline, responsibleCountyId: countyIdOf("TZ") });
    expect(recordRow(id).dueAt).toBe(fields.deadline);
    expect(JSON.parse(threadOf(id).at(-1)!.payload!)).toMatchObject({ measures: fields.measures, responsibleCountyName: "天柱县" });

    const adjusted = validFields("adjust", countyIdOf("XH"));
    expect(transitionHazard(viewerOf("tz.pl"), recordRow(id), "adjust", adjusted)).toEqual({ ok: true, status: "rectifying" });
    expect(detailsRow(id)).toMatchObject({ measures: "调整后的措施", responsibleCountyId: countyIdOf("TZ") });

    expect(transitionHazard(viewerOf("xh.pl"), recordRow(id), "eliminate", { note: "已整改" })).toEqual({ ok: true, status: "eliminated" });
    expect(recordRow(id).dueAt).toBeNull();
    expect(detailsRow(id).deadline).toBe(adjusted.deadline);
  });

  it("the responsible county must be the owner or an addressee: nothing is written otherwise", () => {
    const id = reportAs("xh.grid", { pactId: pactIdBetween("XH", "TZ") });
    moveTo(id, "verifying", "xh.pl");
    const before = storedState(id);
    const fields = { ...validFields("rectify", countyIdOf("XH")), responsibleCountyId: countyIdOf("YP") } as const;
    expect(transitionHazard(viewerOf("xh.pl"), recordRow(id), "rectify", fields)).toEqual({
      ok: false, reason: "invalid", errors: { responsibleCountyId: "hazards.form.responsibleInvalid" },
    });
    expect(storedState(id)).toEqual(before);
  });

  it("a partner county's handlers may take steps on a hazard shared with them", () => {
    const id = reportAs("xh.grid", { pactId: pactIdBetween("XH", "TZ") });
    expect(transitionHazard(viewerOf("tz.police"), recordRow(id), "verify", { note: "同意联合核查" })).toEqual({ ok: true, status: "verifying" });
    expect(threadOf(id).at(-1)!.authorCountyId).toBe(countyIdOf("TZ"));
  });

  it("a stale record (another step landed first) is a conflict and writes nothing", () => {
    const id = reportAs("xh.grid");
    const stale = recordRow(id);
    expect(transitionHazard(viewerOf("xh.police"), stale, "verify", { note: "" }).ok).toBe(true);
    const before = storedState(id);
    expect(transitionHazard(viewerOf("xh.pl"), stale, "dismiss", { note: "不属实" })).toEqual({ ok: false, reason: "conflict" });
    expect(applyTransition(viewerOf("xh.pl"), stale, HAZARD_MACHINE, "verify")).toEqual({ ok: false, reason: "conflict" });
    expect(storedState(id)).toEqual(before);
  });

  it("a refused role is recorded as an access denial", () => {
    const id = reportAs("xh.grid");
    transitionHazard(viewerOf("xh.grid"), loadHazard(viewerOf("xh.grid"), id), "verify", { note: "" });
    const denial = getDb().select().from(auditLog).where(eq(auditLog.action, "access.denied")).all().at(-1)!;
    expect(denial).toMatchObject({ entityType: "hazard", entityId: String(id), after: JSON.stringify({ attempted: "transition:verify" }) });
  });
});
