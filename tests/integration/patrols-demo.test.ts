/**
 * The patrol demo: three years of joint patrols and activities whose totals for XH resemble
 * DOMAIN.md §1, spread over XH–TZ and XH–YP so YP sees only its part; threads replayed through the
 * machine; the demo hazards reported from a patrol linked back to it consistently; and fast.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { hazardDetails, jointActivities, patrolDetails, patrolFindings, recordLinks, records, referenceSequences, threadEntries } from "~db/schema";
import { seedPatrolDemo } from "~db/seed/patrols-demo";
import { todayInChina } from "~/i18n";
import { findVisibleRecord } from "~/modules/access/policy.server";
import { getDb } from "~/modules/db/connection.server";
import { activityTotals, listActivities } from "~/modules/patrols/activities.server";
import { listPatrols } from "~/modules/patrols/list.server";
import { inboxFor } from "~/modules/records/inbox.server";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";

useDemoData();

const patrols = () => getDb().select().from(records).where(eq(records.workflow, "patrol")).all();

describe("the patrol demo", () => {
  it("has 500+ joint patrols over three years, XH in all of them, both pacts", () => {
    const all = patrols();
    expect(all.length).toBeGreaterThanOrEqual(500);
    const byPact = (a: string, b: string) => all.filter((r) => r.pactId === pactIdBetween(a, b)).length;
    expect(byPact("XH", "TZ")).toBeGreaterThan(300);
    expect(byPact("XH", "YP")).toBeGreaterThan(150);
    const xh = viewerOf("xh.police");
    expect(listPatrols(xh, {}).total).toBe(all.length);
    const years = new Set(getDb().select({ on: patrolDetails.patrolOn }).from(patrolDetails).all().map((d) => d.on.slice(0, 4)));
    expect([...years].sort()).toEqual(expect.arrayContaining(["2024", "2025", "2026"]));
  });

  it("has a few patrols planned ahead, one under way, some cancelled, the rest completed", () => {
    const today = todayInChina();
    const rows = getDb().select({ status: records.status, on: patrolDetails.patrolOn }).from(records)
      .innerJoin(patrolDetails, eq(patrolDetails.recordId, records.id)).all();
    const ahead = rows.filter((r) => r.status === "planned");
    expect(ahead.length).toBeGreaterThanOrEqual(3);
    expect(ahead.every((r) => r.on > today)).toBe(true);
    expect(rows.filter((r) => r.status === "in_progress")).toHaveLength(1);
    expect(rows.filter((r) => r.status === "cancelled").length).toBeGreaterThan(5);
    expect(rows.filter((r) => r.status === "completed").length).toBeGreaterThan(480);
  });

  it("numbers patrols per county and year without gaps, and the sequences know it", () => {
    const groups = new Map<string, number[]>();
    for (const r of patrols()) {
      const [code, , year, seq] = r.refNo.split("-");
      groups.set(`${code}-${year}`, [...(groups.get(`${code}-${year}`) ?? []), Number(seq)]);
    }
    for (const [key, seqs] of groups) {
      const [code, year] = key.split("-");
      expect(seqs.sort((a, b) => a - b)).toEqual(seqs.map((_, i) => i + 1));
      const seq = getDb().select().from(referenceSequences).where(and(eq(referenceSequences.countyId, countyIdOf(code)),
        eq(referenceSequences.workflow, "patrol"), eq(referenceSequences.year, Number(year)))).get()!;
      expect(seq.lastValue).toBe(seqs.length);
    }
  });

  it("threads run in time order from the plan, and their last step names the status", () => {
    const now = Date.now();
    const entries = getDb().select().from(threadEntries)
      .where(inArray(threadEntries.recordId, patrols().map((r) => r.id))).orderBy(threadEntries.id).all();
    for (const r of patrols()) {
      const mine = entries.filter((e) => e.recordId === r.id);
      expect(mine[0]).toMatchObject({ eventAction: "create", createdAt: r.createdAt, toStatus: "planned" });
      const times = mine.map((e) => e.createdAt);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(times.at(-1)!).toBeLessThanOrEqual(now);
      expect(r.updatedAt).toBe(times.at(-1));
      expect(mine.filter((e) => e.toStatus !== null).at(-1)!.toStatus).toBe(r.status);
    }
  });

  it("links each demo hazard reported from a patrol to that patrol, both ways consistent", () => {
    const fromPatrol = getDb().select({ id: records.id, pactId: records.pactId }).from(records)
      .innerJoin(hazardDetails, eq(hazardDetails.recordId, records.id))
      .where(and(eq(hazardDetails.source, "patrol"), sql`${records.pactId} is not null`)).all();
    expect(fromPatrol.length).toBeGreaterThanOrEqual(5);
    for (const h of fromPatrol) {
      const finding = getDb().select().from(patrolFindings).where(eq(patrolFindings.openedRecordId, h.id)).get()!;
      expect(finding).toBeTruthy();
      const patrol = getDb().select().from(records).where(eq(records.id, finding.recordId)).get()!;
      expect(patrol.pactId).toBe(h.pactId);
      const link = getDb().select().from(recordLinks).where(and(eq(recordLinks.fromRecordId, patrol.id), eq(recordLinks.toRecordId, h.id))).get();
      expect(link).toBeTruthy();
      expect(finding.foundAt).toBeLessThan(link!.createdAt);
    }
    const opened = getDb().select().from(patrolFindings).where(sql`${patrolFindings.openedRecordId} is not null`).all();
    expect(opened).toHaveLength(fromPatrol.length);
  });

  it("joint activities for XH resemble the reported figures", () => {
    const totals = activityTotals(viewerOf("xh.pl"), {});
    expect(totals.byKind.legal_education).toBeGreaterThanOrEqual(260);
    expect(totals.consultations).toBeGreaterThanOrEqual(12_000);
    expect(totals.legalAidCases).toBeGreaterThanOrEqual(50);
    expect(totals.requestsResolved).toBeGreaterThanOrEqual(200);
    expect(totals.requestsResolved).toBeLessThanOrEqual(totals.requestsReceived);
    const all = getDb().select().from(jointActivities).all();
    expect(all.every((a) => a.requestsResolved <= a.requestsReceived && a.heldOn < todayInChina())).toBe(true);
  });

  it("YP sees the XH–YP patrols and activities and nothing of XH–TZ; TZ nothing of XH–YP", () => {
    const xhYp = pactIdBetween("XH", "YP");
    const xhTz = pactIdBetween("XH", "TZ");
    const yp = viewerOf("yp.police");
    const seenByYp = patrols().filter((r) => findVisibleRecord(yp, r.id));
    expect(seenByYp.length).toBe(patrols().filter((r) => r.pactId === xhYp).length);
    expect(listPatrols(yp, {}).total).toBe(seenByYp.length);
    expect(listActivities(yp, {}).total).toBe(getDb().select().from(jointActivities).where(eq(jointActivities.pactId, xhYp)).all().length);
    const tz = viewerOf("tz.pl");
    expect(patrols().filter((r) => findVisibleRecord(tz, r.id)).every((r) => r.pactId === xhTz)).toBe(true);
    expect(listActivities(tz, { pact: xhYp }).total).toBe(0);
  });

  it("puts only the patrol under way in the inbox of the patrol roles (nothing planned ahead)", () => {
    const items = inboxFor(viewerOf("tz.police")).filter((i) => i.workflow === "patrol");
    expect(items.map((i) => i.status)).toEqual(["in_progress"]);
    expect(items[0].actions).toEqual(["complete", "cancel"]);
    expect(inboxFor(viewerOf("yp.police")).filter((i) => i.workflow === "patrol")).toEqual([]);
  });

  it("writes its part of the seed again inside a transaction that rolls back", () => {
    let written = 0;
    // Written a second time and rolled back: the database stays as the other tests expect.
    expect(() =>
      getDb().transaction((tx) => {
        written = seedPatrolDemo(tx, Date.now()).patrols;
        tx.rollback();
      }, { behavior: "immediate" }),
    ).toThrow("Rollback");
    expect(written).toBeGreaterThanOrEqual(500);
  });
});
