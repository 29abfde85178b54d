/** Reporting a hazard through the service: one transaction, pact and region rules, roles, sweeps. */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, recordAddressees, regions } from "~db/schema";
import { findVisibleRecord } from "~/modules/access/policy.server";
import { getDb } from "~/modules/db/connection.server";
import { reportChoicesFor } from "~/modules/hazards/places.server";
import { reportHazard } from "~/modules/hazards/report.server";
import { planSweep, cancelSweep } from "~/modules/hazards/sweeps.server";
import { lastSequence, yearInChina } from "~/modules/records/references.server";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { auditCount, dayFromToday, detailsRow, recordRow, reportAs, threadOf } from "./helpers/hazard-fixtures";

useDemoData();

const regionId = (name: string) => getDb().select({ id: regions.id }).from(regions).where(eq(regions.name, name)).get()!.id;
const userIdOf = (username: string) => viewerOf(username).userId;

const base = {
  title: "界河边废弃油库",
  category: "fireworks",
  severity: "major",
  source: "resident",
  pactId: null,
  regionId: null,
  placeText: "界河东岸",
  description: "油库无人看管。",
  sweepId: null,
} as const;

describe("reportHazard", () => {
  it("writes the record, its details, the opening event and the audit entries together", () => {
    const viewer = viewerOf("xh.grid");
    const year = yearInChina(Date.now());
    const before = lastSequence(getDb(), viewer.countyId, "hazard", year);
    const audits = auditCount();
    const result = reportHazard(viewer, { ...base, pactId: pactIdBetween("XH", "TZ"), regionId: regionId("花园村") });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.refNo).toBe(`XH-YH-${year}-${String(before + 1).padStart(4, "0")}`);
    expect(recordRow(result.id)).toMatchObject({ workflow: "hazard", status: "reported", title: base.title, ownerCountyId: viewer.countyId });
    expect(detailsRow(result.id)).toMatchObject({ category: "fireworks", severity: "major", source: "resident", sweepId: null, responsibleCountyId: null });
    expect(threadOf(result.id)).toHaveLength(1);
    expect(getDb().select().from(recordAddressees).where(eq(recordAddressees.recordId, result.id)).all().map((a) => a.countyId)).toEqual([countyIdOf("TZ")]);
    expect(auditCount()).toBe(audits + 2);
    expect(findVisibleRecord(viewerOf("tz.grid"), result.id)).not.toBeNull();
    expect(findVisibleRecord(viewerOf("yp.pl"), result.id)).toBeNull();
  });

  it("a region of the partner county is accepted only under a pact with that county", () => {
    const ok = reportHazard(viewerOf("xh.grid"), { ...base, pactId: pactIdBetween("XH", "TZ"), regionId: regionId("阳寨村") });
    expect(ok.ok).toBe(true);
    const internal = reportHazard(viewerOf("xh.grid"), { ...base, regionId: regionId("阳寨村") });
    expect(internal).toEqual({ ok: false, errors: { regionId: "records.error.region" } });
    const otherPact = reportHazard(viewerOf("xh.grid"), { ...base, pactId: pactIdBetween("XH", "YP"), regionId: regionId("阳寨村") });
    expect(otherPact).toEqual({ ok: false, errors: { regionId: "records.error.region" } });
  });

  it("a pact the county is not in (or that does not cover hazards) is refused, and nothing is written", () => {
    const audits = auditCount();
    expect(reportHazard(viewerOf("zj.grid"), { ...base, pactId: pactIdBetween("XH", "TZ") })).toEqual({
      ok: false, errors: { pactId: "records.error.pactNotUsable" },
    });
    expect(auditCount()).toBe(audits);
  });

  it("roles that may not report are refused with 403 (and the denial is audited)", () => {
    for (const username of ["xh.leader", "xh.admin", "xh.mediator"]) {
      let thrown: unknown;
      try {
        reportHazard(viewerOf(username), base);
      } catch (e) {
        thrown = e;
      }
      expect((thrown as Response).status).toBe(403);
    }
    expect(reportAs("xh.police")).toBeGreaterThan(0);
    expect(reportAs("xh.pl")).toBeGreaterThan(0);
  });

  it("from a joint sweep: shared under the sweep's pact, source joint_sweep, linked to the sweep", () => {
    const planned = planSweep(viewerOf("xh.police"), {
      pactId: pactIdBetween("XH", "TZ"), kind: "focused", title: "测试排查", scope: "交界区域", plannedOn: dayFromToday(3), participantIds: [userIdOf("xh.grid")],
    });
    if (!planned.ok) throw new Error("plan refused");
    const result = reportHazard(viewerOf("tz.grid"), { ...base, source: "resident", pactId: null, sweepId: planned.sweepId });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(recordRow(result.id).pactId).toBe(pactIdBetween("XH", "TZ"));
    expect(detailsRow(result.id)).toMatchObject({ source: "joint_sweep", sweepId: planned.sweepId });
    expect(findVisibleRecord(viewerOf("xh.pl"), result.id)).not.toBeNull();

    // YP is no member of that pact; a cancelled sweep takes no more findings.
    expect(reportHazard(viewerOf("yp.grid"), { ...base, sweepId: planned.sweepId })).toEqual({ ok: false, errors: { sweepId: "hazards.error.sweep" } });
    cancelSweep(viewerOf("tz.police"), planned.sweepId, "天气原因取消");
    expect(reportHazard(viewerOf("tz.grid"), { ...base, sweepId: planned.sweepId })).toEqual({ ok: false, errors: { sweepId: "hazards.error.sweep" } });
  });

  it("the record.create and hazard.details audit entries name the reporter and the details", () => {
    const id = reportAs("tz.grid", { category: "water", severity: "serious" });
    const entries = getDb().select().from(auditLog).where(and(eq(auditLog.entityId, String(id)), eq(auditLog.entityType, "hazard"))).all();
    expect(entries.map((e) => e.action)).toEqual(["record.create", "hazard.details"]);
    expect(entries.every((e) => e.actorUserId === userIdOf("tz.grid") && e.countyId === countyIdOf("TZ"))).toBe(true);
    expect(JSON.parse(entries[1].after!)).toMatchObject({ category: "water", severity: "serious" });
  });
});

describe("the form's choices", () => {
  it("offer the own county's regions and those of hazard partners, grouped by county, own first", () => {
    const xh = reportChoicesFor(viewerOf("xh.grid"));
    expect(xh.places.map((p) => p.countyName)).toEqual(["新晃侗族自治县", "天柱县", "玉屏侗族自治县"]);
    expect(xh.places[0].regions.slice(0, 3)).toEqual([
      expect.objectContaining({ name: "凉伞镇", depth: 0 }),
      expect.objectContaining({ name: "街上村", depth: 1 }),
      expect.objectContaining({ name: "街上村第一微网格", depth: 2 }),
    ]);
    expect(xh.pacts.map((p) => p.id).sort()).toEqual([pactIdBetween("XH", "TZ"), pactIdBetween("XH", "YP")].sort());

    const tz = reportChoicesFor(viewerOf("tz.grid"));
    expect(tz.places.map((p) => p.countyName)).toEqual(["天柱县", "新晃侗族自治县"]);
    expect(JSON.stringify(tz)).not.toContain("皂角坪街道");

    const zj = reportChoicesFor(viewerOf("zj.grid"));
    expect(zj).toEqual({ pacts: [], places: [{ countyId: countyIdOf("ZJ"), countyName: "芷江侗族自治县", isOwn: true, regions: [] }] });
  });
});
