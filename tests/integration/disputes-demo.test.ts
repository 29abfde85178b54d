/**
 * The demo disputes are present and consistent: the land dispute story as DOMAIN.md tells it (two
 * levels of committee, sessions at both, the agreement, judicial confirmation, a return visit),
 * three years of history whose figures read like the real ones, reference numbers without gaps,
 * two agreements whose judicial window closes within the week — and seeding stays fast.
 */
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  disputeDetails, disputeParties, jointBodies, mediationAgreements, mediationSessionMediators, mediationSessions, records,
  referenceSequences, returnVisits, threadEntries,
} from "~db/schema";
import { LAND_STORY_TITLE, VILLAGE_COMMITTEE } from "~db/seed/disputes-demo-data";
import { seedDemoData } from "~db/seed/seed.server";
import { todayInChina } from "~/i18n";
import { getDb } from "~/modules/db/connection.server";
import { agreementDocument } from "~/modules/disputes/agreement.server";
import { judicialWindowClosingSoon } from "~/modules/disputes/judicial";
import { yearInChina } from "~/modules/records/references.server";
import { countyIdOf, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";

const db = () => getDb();
const disputes = () => db().select().from(records).where(eq(records.workflow, "dispute")).orderBy(records.id).all();

describe("the demo disputes", () => {
  it("seeds with everything else in one go, and never twice", async () => {
    expect(await seedDemoData(getDb())).toBe(true);
    expect(await seedDemoData(getDb())).toBe(false);
    expect(disputes().length).toBe(217);
  }, 60_000);

  it("figures like the real ones: 181 resolved or followed up, 28 stabilised, a few failed, some open", () => {
    const count = (statuses: string[]) => disputes().filter((r) => statuses.includes(r.status)).length;
    expect(count(["resolved", "followed_up"])).toBe(181);
    expect(count(["stabilised"])).toBe(28);
    expect(count(["failed"])).toBe(3);
    expect(count(["reported", "registered", "assessing", "mediating"])).toBe(5);
    const rows = disputes();
    expect(new Set(rows.map((r) => r.ownerCountyId))).toEqual(new Set(["XH", "TZ", "YP"].map(countyIdOf)));
    expect(new Set(rows.map((r) => r.pactId))).toEqual(new Set([pactIdBetween("XH", "TZ"), pactIdBetween("XH", "YP")]));
    const years = new Set(rows.map((r) => yearInChina(r.createdAt)));
    for (const y of [2024, 2025, yearInChina(Date.now())]) expect(years.has(y), String(y)).toBe(true);
    const xhYp = pactIdBetween("XH", "YP");
    expect(rows.filter((r) => r.pactId === xhYp).every((r) => r.createdAt >= Date.parse("2025-03-01T00:00:00+08:00"))).toBe(true);
    const details = db().select().from(disputeDetails).all();
    expect(details).toHaveLength(217);
    const outcome = new Map(details.map((d) => [d.recordId, d.outcomeAt]));
    for (const r of rows) expect(outcome.get(r.id) !== null, r.refNo).toBe(["resolved", "followed_up", "stabilised", "failed"].includes(r.status));
  });

  it("reference numbers follow the engine's sequence: no gaps per county and year, in date order", () => {
    const groups = new Map<string, ReturnType<typeof disputes>>();
    for (const r of disputes()) {
      const [code, workflow, year] = r.refNo.split("-");
      expect(workflow).toBe("TJ");
      expect(Number(year)).toBe(yearInChina(r.createdAt));
      groups.set(`${code}-${year}`, [...(groups.get(`${code}-${year}`) ?? []), r]);
    }
    for (const [key, group] of groups) {
      const inOrder = [...group].sort((a, b) => a.createdAt - b.createdAt);
      expect(inOrder.map((r) => Number(r.refNo.split("-")[3])), key).toEqual(group.map((_, i) => i + 1));
      const [code, year] = key.split("-");
      const seq = db().select().from(referenceSequences)
        .where(and(eq(referenceSequences.countyId, countyIdOf(code)), eq(referenceSequences.workflow, "dispute"), eq(referenceSequences.year, Number(year))))
        .get();
      expect(seq?.lastValue).toBe(group.length);
    }
  });

  it("every dispute has a thread that opens with its creation, in time order, none in the future", () => {
    const now = Date.now();
    for (const r of disputes()) {
      const entries = db().select().from(threadEntries).where(eq(threadEntries.recordId, r.id)).orderBy(threadEntries.id).all();
      expect(entries[0]).toMatchObject({ kind: "event", eventAction: "create", createdAt: r.createdAt });
      expect(entries.map((e) => e.createdAt)).toEqual([...entries.map((e) => e.createdAt)].sort((a, b) => a - b));
      expect(entries.at(-1)!.createdAt).toBeLessThanOrEqual(now);
      expect(r.updatedAt).toBe(entries.at(-1)!.createdAt);
    }
  });

  it("the land dispute story: TZ leads, two levels of committee, sessions at both, agreement confirmed by the court, a return visit", () => {
    const story = disputes().find((r) => r.title === LAND_STORY_TITLE)!;
    expect(story).toMatchObject({ status: "followed_up", ownerCountyId: countyIdOf("TZ"), pactId: pactIdBetween("XH", "TZ") });
    const village = db().select().from(jointBodies).where(eq(jointBodies.name, VILLAGE_COMMITTEE.name)).get()!;
    expect(village).toMatchObject({ level: "village", pactId: pactIdBetween("XH", "TZ"), kind: "mediation_committee" });
    const doc = agreementDocument(viewerOf("tz.mediator"), story);
    expect(doc.committees.map((c) => c.name)).toEqual([VILLAGE_COMMITTEE.name, "凉伞—坪地边界联合调解委员会"]);
    expect(doc.parties.map((p) => [p.name, p.masked])).toEqual([["龙再华", false], ["杨通文", false]]);
    expect(doc.agreement).toMatchObject({ judicialStatus: "confirmed", judicialCourt: "天柱县人民法院" });
    expect(doc.agreement!.terms).toContain("恢复原状");
    expect(doc.agreement!.terms).toContain("优先雇用街上村和阳寨村两村村民");
    const sessions = db().select().from(mediationSessions).where(eq(mediationSessions.recordId, story.id)).all();
    expect(sessions).toHaveLength(3);
    const mediatorCounts = sessions.map((s) => db().select().from(mediationSessionMediators).where(eq(mediationSessionMediators.sessionId, s.id)).all().length);
    expect(mediatorCounts).toEqual([1, 2, 2]);
    expect(db().select().from(returnVisits).where(eq(returnVisits.recordId, story.id)).all()).toHaveLength(1);
    const parties = db().select().from(disputeParties).where(eq(disputeParties.recordId, story.id)).all();
    expect(new Set(parties.map((p) => p.countyId))).toEqual(new Set([countyIdOf("TZ"), countyIdOf("XH")]));
    expect(parties.every((p) => /^1\d{10}$/.test(p.phone) && /^\d{17}[\dX]$/.test(p.idNumber))).toBe(true);
  });

  it("two agreements wait for judicial confirmation with their window closing within the week", () => {
    const today = todayInChina();
    const agreements = db().select().from(mediationAgreements).all();
    const closing = agreements.filter((a) => judicialWindowClosingSoon(a, today));
    expect(closing).toHaveLength(2);
    expect(agreements.length).toBe(181);
    const n = db().select({ n: sql<number>`count(*)` }).from(mediationAgreements).where(eq(mediationAgreements.judicialStatus, "confirmed")).get()!.n;
    expect(n).toBeGreaterThan(10);
  });
});
