import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, pacts, records } from "~db/schema";
import { ROLES, WORKFLOWS, can } from "~/modules/access/capabilities";
import {
  assertCan,
  findVisibleRecord,
  requireVisibleRecord,
  visibleRecordsFilter,
} from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { useDemoData, viewerOf } from "../setup/demo";
import { insertRecord, pactIdBetween, setPactStatus } from "../setup/records";

useDemoData();

function visibleIds(viewer: Viewer): number[] {
  return getDb()
    .select({ id: records.id })
    .from(records)
    .where(visibleRecordsFilter(viewer))
    .all()
    .map((r) => r.id);
}

function visibleCount(viewer: Viewer): number {
  return getDb().select({ n: sql<number>`count(*)` }).from(records).where(visibleRecordsFilter(viewer)).get()!.n;
}

const COUNTIES = ["xh", "tz", "yp", "zj"];
const SUFFIX: Record<string, string> = {
  county_admin: "admin", pl_staff: "pl", police_liaison: "police", mediator: "mediator", grid_worker: "grid", leader: "leader",
};

describe("own county's records: visible exactly where the role may view the workflow", () => {
  const own: Record<string, number> = {};
  beforeAll(() => {
    for (const workflow of WORKFLOWS) own[workflow] = insertRecord({ owner: "ZJ", workflow });
  });
  for (const role of ROLES) {
    for (const workflow of WORKFLOWS) {
      it(`${role} · ${workflow}`, () => {
        const viewer = viewerOf(`zj.${SUFFIX[role]}`);
        expect(findVisibleRecord(viewer, own[workflow]) !== null).toBe(can([role], workflow, "view"));
        expect(visibleIds(viewer).includes(own[workflow])).toBe(can([role], workflow, "view"));
      });
    }
  }
});

describe("records shared under pacts", () => {
  let xhTzHazard: number;
  let xhInternal: number;
  let xhYpHazard: number;
  let xhYpNotice: number;
  let tzPoliceOnly: number;
  let xhTzNotAddressed: number;
  beforeAll(() => {
    const xhTz = pactIdBetween("XH", "TZ");
    const xhYp = pactIdBetween("XH", "YP");
    xhTzHazard = insertRecord({ owner: "XH", workflow: "hazard", pactId: xhTz, addressees: ["TZ"] });
    xhInternal = insertRecord({ owner: "XH", workflow: "hazard" });
    xhYpHazard = insertRecord({ owner: "XH", workflow: "hazard", pactId: xhYp, addressees: ["YP"] });
    // The XH–YP pact does not cover case notices: addressing YP is not enough.
    xhYpNotice = insertRecord({ owner: "XH", workflow: "notice", pactId: xhYp, addressees: ["YP"] });
    tzPoliceOnly = insertRecord({ owner: "TZ", workflow: "notice", pactId: xhTz, addressees: ["XH"], policeOnly: true });
    xhTzNotAddressed = insertRecord({ owner: "XH", workflow: "patrol", pactId: xhTz, addressees: [] });
  });

  it("the addressed partner under an active pact sees the record; others do not", () => {
    expect(findVisibleRecord(viewerOf("tz.police"), xhTzHazard)).not.toBeNull();
    expect(findVisibleRecord(viewerOf("tz.pl"), xhTzHazard)).not.toBeNull();
    expect(findVisibleRecord(viewerOf("yp.pl"), xhTzHazard)).toBeNull();
    expect(findVisibleRecord(viewerOf("zj.pl"), xhTzHazard)).toBeNull();
  });

  it("a record without a pact stays inside its county", () => {
    expect(findVisibleRecord(viewerOf("xh.pl"), xhInternal)).not.toBeNull();
    for (const c of ["tz", "yp", "zj"]) expect(findVisibleRecord(viewerOf(`${c}.pl`), xhInternal)).toBeNull();
  });

  it("YP never sees what XH shares with TZ, and TZ never sees what XH shares with YP", () => {
    expect(visibleIds(viewerOf("yp.pl"))).not.toContain(xhTzHazard);
    expect(visibleIds(viewerOf("tz.pl"))).not.toContain(xhYpHazard);
    expect(visibleIds(viewerOf("yp.pl"))).toContain(xhYpHazard);
  });

  it("a workflow the pact does not cover is not shared", () => {
    expect(findVisibleRecord(viewerOf("yp.police"), xhYpNotice)).toBeNull();
    expect(findVisibleRecord(viewerOf("xh.police"), xhYpNotice)).not.toBeNull();
  });

  it("a member county that is not addressed does not see the record", () => {
    expect(findVisibleRecord(viewerOf("tz.pl"), xhTzNotAddressed)).toBeNull();
  });

  it("police-only notices are seen by police liaisons alone", () => {
    expect(findVisibleRecord(viewerOf("xh.police"), tzPoliceOnly)).not.toBeNull();
    expect(findVisibleRecord(viewerOf("tz.police"), tzPoliceOnly)).not.toBeNull();
    expect(findVisibleRecord(viewerOf("xh.pl"), tzPoliceOnly)).toBeNull();
    expect(findVisibleRecord(viewerOf("tz.pl"), tzPoliceOnly)).toBeNull();
    expect(findVisibleRecord(viewerOf("tz.leader"), tzPoliceOnly)).toBeNull();
  });

  it("ZJ, with no pact at all, sees nothing of the others, in lists and in counts", () => {
    for (const role of Object.values(SUFFIX)) {
      const viewer = viewerOf(`zj.${role}`);
      const foreign = getDb()
        .select({ n: sql<number>`count(*)` })
        .from(records)
        .where(and(visibleRecordsFilter(viewer), sql`${records.ownerCountyId} <> ${viewer.countyId}`))
        .get()!.n;
      expect(foreign).toBe(0);
    }
  });

  it("counts agree with lists for every demo user", () => {
    for (const county of COUNTIES) {
      for (const suffix of Object.values(SUFFIX)) {
        const viewer = viewerOf(`${county}.${suffix}`);
        expect(visibleCount(viewer)).toBe(visibleIds(viewer).length);
      }
    }
  });

  it("suspending the pact hides shared records from the partner but not from the owner", () => {
    const xhTz = pactIdBetween("XH", "TZ");
    setPactStatus(xhTz, "suspended");
    try {
      expect(findVisibleRecord(viewerOf("tz.police"), xhTzHazard)).toBeNull();
      expect(findVisibleRecord(viewerOf("xh.police"), xhTzHazard)).not.toBeNull();
    } finally {
      setPactStatus(xhTz, "active");
    }
    expect(findVisibleRecord(viewerOf("tz.police"), xhTzHazard)).not.toBeNull();
  });

  it("a pact past its term shares nothing any more", () => {
    const xhTz = pactIdBetween("XH", "TZ");
    const endsOn = getDb().select().from(pacts).where(eq(pacts.id, xhTz)).get()!.endsOn!;
    setPactStatus(xhTz, "active", "2020-12-31");
    try {
      expect(findVisibleRecord(viewerOf("tz.police"), xhTzHazard)).toBeNull();
    } finally {
      setPactStatus(xhTz, "active", endsOn);
    }
  });

  it("a hidden record answers 404 like a missing one, and both attempts leave the same trace", () => {
    const viewer = viewerOf("yp.pl");
    const before = getDb().select({ n: sql<number>`count(*)` }).from(auditLog).where(eq(auditLog.action, "access.denied")).get()!.n;
    const hidden = catchResponse(() => requireVisibleRecord(viewer, xhTzHazard));
    const missing = catchResponse(() => requireVisibleRecord(viewer, 999_999));
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    const after = getDb().select().from(auditLog).where(eq(auditLog.action, "access.denied")).all();
    expect(after.length).toBe(before + 2);
    expect(after.at(-2)).toMatchObject({ entityType: "record", entityId: String(xhTzHazard), countyId: viewer.countyId });
    expect(after.at(-1)).toMatchObject({ entityType: "record", entityId: "999999", countyId: viewer.countyId });
  });

  it("assertCan refuses with 403 and audits the denial", () => {
    const viewer = viewerOf("xh.grid");
    expect(() => assertCan(viewer, "hazard", "create")).not.toThrow();
    const response = catchResponse(() => assertCan(viewer, "notice", "view"));
    expect(response.status).toBe(403);
    const last = getDb().select().from(auditLog).orderBy(sql`id desc`).limit(1).get()!;
    expect(last).toMatchObject({ action: "access.denied", entityType: "workflow:notice", actorUserId: viewer.userId });
  });
});

function catchResponse(fn: () => unknown): Response {
  try {
    fn();
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected a thrown Response");
}
