import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, recordAddressees, records, regions, threadEntries } from "~db/schema";
import { findVisibleRecord } from "~/modules/access/policy.server";
import { getDb, writeTransaction } from "~/modules/db/connection.server";
import { createRecord, pactChoicesFor, type NewRecordInput } from "~/modules/records/create.server";
import type { StateMachine } from "~/modules/records/state-machine";
import { applyTransition, transitionsForViewer } from "~/modules/records/transitions.server";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween, setPactStatus } from "../setup/records";

useDemoData();

const base = (over: Partial<NewRecordInput> = {}): NewRecordInput => ({
  workflow: "hazard",
  pactId: null,
  title: "引擎测试",
  description: "说明",
  regionId: null,
  placeText: "",
  status: "reported",
  ...over,
});

function create(username: string, over: Partial<NewRecordInput> = {}) {
  return writeTransaction((tx) => createRecord(tx, viewerOf(username), base(over)));
}

function regionId(county: string, name: string) {
  return getDb().select().from(regions).where(eq(regions.name, name)).all().find((r) => r.countyId === countyIdOf(county))!.id;
}

const MACHINE: StateMachine = {
  initial: "reported",
  final: ["closed"],
  transitions: [
    { from: ["reported"], action: "start", to: "working", roles: ["pl_staff", "police_liaison"], requires: [] },
    { from: ["working"], action: "close", to: "closed", roles: ["pl_staff"], requires: [] },
  ],
};

describe("opening a record", () => {
  it("addresses every other pact member by default and writes the opening event and audit entry", () => {
    const result = create("xh.pl", { pactId: pactIdBetween("XH", "TZ"), regionId: regionId("TZ", "阳寨村") });
    expect(result.ok).toBe(true);
    const id = (result as { id: number }).id;
    const addressed = getDb().select().from(recordAddressees).where(eq(recordAddressees.recordId, id)).all();
    expect(addressed.map((a) => a.countyId)).toEqual([countyIdOf("TZ")]);
    const [event] = getDb().select().from(threadEntries).where(eq(threadEntries.recordId, id)).all();
    expect(event).toMatchObject({ kind: "event", eventAction: "create", toStatus: "reported" });
    const audit = getDb().select().from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()!;
    expect(audit).toMatchObject({ action: "record.create", entityType: "hazard", entityId: String(id) });
  });

  it("refuses a pact the county is not in, one that does not cover the workflow, or one suspended; nothing is written", () => {
    const count = getDb().select().from(records).all().length;
    expect(create("tz.pl", { pactId: pactIdBetween("XH", "YP") })).toEqual({ ok: false, errors: { pactId: "records.error.pactNotUsable" } });
    expect(create("yp.police", { workflow: "notice", pactId: pactIdBetween("XH", "YP") })).toMatchObject({ ok: false });
    const xhTz = pactIdBetween("XH", "TZ");
    setPactStatus(xhTz, "suspended");
    try {
      expect(create("xh.pl", { pactId: xhTz })).toMatchObject({ ok: false, errors: { pactId: "records.error.pactNotUsable" } });
    } finally {
      setPactStatus(xhTz, "active");
    }
    expect(getDb().select().from(records).all().length).toBe(count);
  });

  it("refuses addressees outside the pact and places outside its counties", () => {
    const xhTz = pactIdBetween("XH", "TZ");
    expect(create("xh.pl", { pactId: xhTz, addresseeCountyIds: [countyIdOf("YP")] })).toMatchObject({ errors: { addresseeCountyIds: "records.error.addressees" } });
    expect(create("xh.pl", { pactId: xhTz, regionId: regionId("YP", "皂角坪街道") })).toMatchObject({ errors: { regionId: "records.error.region" } });
    expect(create("tz.pl", { regionId: regionId("XH", "花园村") })).toMatchObject({ errors: { regionId: "records.error.region" } });
  });

  it("offers only pacts in force that cover the workflow", () => {
    expect(pactChoicesFor(viewerOf("yp.pl"), "hazard").map((p) => p.partners.map((c) => c.name))).toEqual([["新晃侗族自治县"]]);
    expect(pactChoicesFor(viewerOf("yp.pl"), "notice")).toEqual([]);
    expect(pactChoicesFor(viewerOf("zj.pl"), "hazard")).toEqual([]);
  });
});

describe("moving a record through its machine", () => {
  it("offers the steps the roles allow, applies them with an event, and refuses a stale step", () => {
    const { id } = create("xh.pl", { pactId: pactIdBetween("XH", "TZ") }) as { id: number };
    const record = findVisibleRecord(viewerOf("tz.police"), id)!;
    expect(transitionsForViewer(viewerOf("tz.police"), record, MACHINE).map((t) => t.action)).toEqual(["start"]);
    expect(transitionsForViewer(viewerOf("tz.grid"), record, MACHINE)).toEqual([]);
    expect(transitionsForViewer(viewerOf("tz.leader"), record, MACHINE)).toEqual([]);

    expect(applyTransition(viewerOf("tz.grid"), record, MACHINE, "start")).toEqual({ ok: false, reason: "forbidden" });
    expect(applyTransition(viewerOf("tz.police"), record, MACHINE, "start", { payload: { note: "到场" } })).toEqual({ ok: true, status: "working" });
    // The same page pressed again: the record has moved on.
    expect(applyTransition(viewerOf("xh.pl"), record, MACHINE, "start")).toEqual({ ok: false, reason: "conflict" });

    const working = findVisibleRecord(viewerOf("xh.pl"), id)!;
    expect(applyTransition(viewerOf("xh.police"), working, MACHINE, "close")).toEqual({ ok: false, reason: "forbidden" });
    const events = getDb().select().from(threadEntries).where(eq(threadEntries.recordId, id)).all();
    expect(events.at(-1)).toMatchObject({ kind: "event", eventAction: "start", fromStatus: "reported", toStatus: "working", payload: '{"note":"到场"}' });
  });

  it("a final state clears the deadline", () => {
    const { id } = create("xh.pl", { dueAt: Date.now() + 86_400_000 }) as { id: number };
    let record = findVisibleRecord(viewerOf("xh.pl"), id)!;
    applyTransition(viewerOf("xh.pl"), record, MACHINE, "start");
    record = findVisibleRecord(viewerOf("xh.pl"), id)!;
    expect(record.dueAt).not.toBeNull();
    applyTransition(viewerOf("xh.pl"), record, MACHINE, "close");
    expect(findVisibleRecord(viewerOf("xh.pl"), id)!.dueAt).toBeNull();
  });
});
