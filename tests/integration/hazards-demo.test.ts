/**
 * The demo hazards and sweeps are present and consistent: the fireworks store story as DOMAIN.md
 * tells it, reference numbers without gaps, threads in time order, overdue hazards, two sweeps.
 */
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { hazardDetails, jointSweeps, records, referenceSequences, regions, threadEntries, users } from "~db/schema";
import { seedHazardDemo } from "~db/seed/hazards-demo";
import { FIREWORKS_TITLE } from "~db/seed/hazards-demo-data";
import { getDb } from "~/modules/db/connection.server";
import { isOverdue } from "~/modules/hazards/deadlines";
import { listThread } from "~/modules/records/thread.server";
import { yearInChina } from "~/modules/records/references.server";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";

useDemoData();

const DAY = 86_400_000;
const hazards = () => getDb().select().from(records).where(eq(records.workflow, "hazard")).orderBy(records.id).all();
const usernameOf = (userId: string | null) => getDb().select({ u: users.username }).from(users).where(eq(users.id, userId!)).get()!.u;

describe("the demo hazards", () => {
  it("thirty-two hazards over the last twelve months, in every status, for XH, TZ and YP", () => {
    const rows = hazards();
    expect(rows).toHaveLength(32);
    const byStatus = Object.fromEntries(["reported", "verifying", "rectifying", "eliminated", "dismissed"].map((s) => [s, rows.filter((r) => r.status === s).length]));
    expect(byStatus).toEqual({ reported: 6, verifying: 5, rectifying: 7, eliminated: 11, dismissed: 3 });
    expect(new Set(rows.map((r) => r.ownerCountyId))).toEqual(new Set(["XH", "TZ", "YP"].map(countyIdOf)));
    expect(new Set(rows.map((r) => r.pactId))).toEqual(new Set([null, pactIdBetween("XH", "TZ"), pactIdBetween("XH", "YP")]));
    const now = Date.now();
    expect(rows.every((r) => r.createdAt > now - 366 * DAY && r.createdAt <= now)).toBe(true);
    const details = getDb().select().from(hazardDetails).all();
    expect(new Set(details.map((d) => d.category)).size).toBe(8);
    expect(new Set(details.map((d) => d.severity)).size).toBe(3);
  });

  it("reference numbers follow the engine's sequence: no gaps per county, workflow and year, in date order", () => {
    const rows = hazards();
    const groups = new Map<string, typeof rows>();
    for (const r of rows) {
      const [code, workflow, year] = r.refNo.split("-");
      expect(workflow).toBe("YH");
      expect(Number(year)).toBe(yearInChina(r.createdAt));
      groups.set(`${code}-${year}`, [...(groups.get(`${code}-${year}`) ?? []), r]);
    }
    for (const [key, group] of groups) {
      const inDateOrder = [...group].sort((a, b) => a.createdAt - b.createdAt);
      expect(inDateOrder.map((r) => Number(r.refNo.split("-")[3])), key).toEqual(group.map((_, i) => i + 1));
      const [code, year] = key.split("-");
      const seq = getDb().select().from(referenceSequences)
        .where(and(eq(referenceSequences.countyId, countyIdOf(code)), eq(referenceSequences.workflow, "hazard"), eq(referenceSequences.year, Number(year))))
        .get()!;
      expect(seq.lastValue).toBeGreaterThanOrEqual(group.length);
    }
  });

  it("threads run in time order between the report and now; deadlines are where the status says", () => {
    const now = Date.now();
    for (const r of hazards()) {
      const entries = getDb().select().from(threadEntries).where(eq(threadEntries.recordId, r.id)).orderBy(threadEntries.id).all();
      expect(entries[0]).toMatchObject({ kind: "event", eventAction: "create", createdAt: r.createdAt });
      const times = entries.map((e) => e.createdAt);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(times.at(-1)).toBeLessThanOrEqual(now);
      expect(r.updatedAt).toBe(times.at(-1));
      expect(entries.at(-1)!.toStatus ?? r.status).toBeDefined();
      const lastStep = entries.filter((e) => e.kind === "event").at(-1)!;
      expect(lastStep.toStatus).toBe(r.status);
      const d = getDb().select().from(hazardDetails).where(eq(hazardDetails.recordId, r.id)).get()!;
      if (r.status === "rectifying") expect(r.dueAt).toBe(d.deadline);
      else expect(r.dueAt).toBeNull();
    }
    const overdue = hazards().filter((r) => isOverdue(r, now));
    expect(overdue).toHaveLength(3);
  });

  it("the fireworks store: reported by xh.grid at 花园村 under XH–TZ, verified jointly, rectified by XH, eliminated", () => {
    const story = hazards().find((r) => r.title === FIREWORKS_TITLE)!;
    expect(story).toMatchObject({ ownerCountyId: countyIdOf("XH"), pactId: pactIdBetween("XH", "TZ"), status: "eliminated" });
    expect(usernameOf(story.createdBy)).toBe("xh.grid");
    expect(getDb().select({ name: regions.name }).from(regions).where(eq(regions.id, story.regionId!)).get()!.name).toBe("花园村");
    expect(getDb().select().from(hazardDetails).where(eq(hazardDetails.recordId, story.id)).get()).toMatchObject({
      category: "fireworks", measures: "联合清理、没收、立案调查", responsibleCountyId: countyIdOf("XH"),
    });

    const entries = getDb().select().from(threadEntries).where(eq(threadEntries.recordId, story.id)).orderBy(threadEntries.id).all();
    const steps = entries.filter((e) => e.kind === "event").map((e) => [e.eventAction, usernameOf(e.authorUserId)]);
    expect(steps).toEqual([["create", "xh.grid"], ["verify", "tz.police"], ["rectify", "xh.police"], ["eliminate", "xh.police"]]);
    const messages = entries.filter((e) => e.kind === "message");
    expect(new Set(messages.map((m) => m.authorCountyId))).toEqual(new Set([countyIdOf("XH"), countyIdOf("TZ")]));
    expect(messages.some((m) => usernameOf(m.authorUserId) === "tz.grid" && m.body.includes("阳寨村这边也有群众反映"))).toBe(true);
    const notes = entries.filter((e) => e.kind === "internal");
    expect(notes.map((n) => usernameOf(n.authorUserId))).toEqual(["xh.pl"]);

    // TZ reads the story without XH's internal note; XH with it.
    const record = getDb().select().from(records).where(eq(records.id, story.id)).get()!;
    expect(listThread(viewerOf("tz.police"), record).some((e) => e.kind === "internal")).toBe(false);
    expect(listThread(viewerOf("xh.leader"), record).filter((e) => e.kind === "internal")).toHaveLength(1);
  });
});

describe("the demo sweeps", () => {
  it("a completed periodic XH–TZ sweep that found two hazards; a planned focused XH–YP sweep ahead", () => {
    const sweeps = getDb().select().from(jointSweeps).orderBy(jointSweeps.id).all();
    expect(sweeps.map((s) => [s.pactId, s.kind, s.status])).toEqual([
      [pactIdBetween("XH", "TZ"), "periodic", "completed"],
      [pactIdBetween("XH", "YP"), "focused", "planned"],
    ]);
    const found = getDb().select().from(hazardDetails).where(eq(hazardDetails.sweepId, sweeps[0].id)).all();
    expect(found).toHaveLength(2);
    expect(found.every((d) => d.source === "joint_sweep")).toBe(true);
    expect(sweeps[1].plannedOn > sweeps[0].plannedOn).toBe(true);
    expect(sweeps[0].outcome).not.toBe("");
  });

  it("is the same every time it is written", () => {
    const db = getDb();
    const titles = (tx: typeof db) => tx.all<{ t: string }>(sql`select title as t from records where workflow = 'hazard' order by id`).map((r) => r.t);
    const seeded = titles(db);
    let again: string[] = [];
    expect(() =>
      db.transaction((tx) => {
        seedHazardDemo(tx, Date.now());
        again = titles(tx as unknown as typeof db).slice(seeded.length);
        throw new Error("roll back");
      }),
    ).toThrow("roll back");
    expect(again).toEqual(seeded);
  });
});
