/**
 * A patrol finding opens a hazard, dispute or case notice through that workflow's own form, linked
 * back to the patrol in the same transaction; when the patrol is not the viewer's to link, the
 * whole post is refused with a message and nothing is written.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { hazardDetails, patrolFindings, recordLinks, records } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import { reportDispute } from "~/modules/disputes/report.server";
import { sendNotice } from "~/modules/notices/send.server";
import * as newHazard from "~/routes/hazards.new";
import * as newDispute from "~/routes/disputes.new";
import * as newNotice from "~/routes/notices.new";
import * as patrolPage from "~/routes/patrols.$patrolId";
import * as hazardPage from "~/routes/hazards.$hazardId";
import { useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { snapshotDomainTables } from "../security/isolation-targets";
import { partiesOf } from "./helpers/dispute-fixtures";
import { noticeInput } from "./helpers/notice-fixtures";
import { callRoute, pactGet as get, pactPost as post } from "./helpers/pact-requests";
import { findingOn, movePatrolTo, planAs, regionId } from "./helpers/patrol-fixtures";

useDemoData();

const findingRow = (id: number) => getDb().select().from(patrolFindings).where(eq(patrolFindings.id, id)).get()!;

function underWayWithFinding(pact: "XH-TZ" | "XH-YP" = "XH-TZ") {
  const patrolId = planAs("xh.police", pact);
  movePatrolTo(patrolId, "in_progress");
  const findingId = findingOn(patrolId, "xh.police", "发现交界路口民房后院堆放大量烟花爆竹。无证储存。");
  return { patrolId, findingId };
}

function hazardFields(source: { patrolId: number; findingId: number }) {
  return {
    title: "交界路口民房违规储存烟花爆竹", category: "fireworks", severity: "major", description: "发现交界路口民房后院堆放大量烟花爆竹。",
    pactId: String(pactIdBetween("XH", "TZ")), regionId: String(regionId("街上村")), placeText: "街上村路口", source: "patrol",
    patrolId: String(source.patrolId), findingId: String(source.findingId),
  };
}

describe("a finding opens a hazard", () => {
  it("prefills the hazard form, opens the hazard linked to the patrol; both pages show the link, the finding points to it", async () => {
    const source = underWayWithFinding();
    const url = `/hazards/new?patrol=${source.patrolId}&finding=${source.findingId}`;
    const form = await callRoute(newHazard.loader, await get("tz.police", url));
    expect(form.data.finding).toMatchObject({ ...source, title: "发现交界路口民房后院堆放大量烟花爆竹", pactId: pactIdBetween("XH", "TZ") });
    const answer = await callRoute(newHazard.action, await post("tz.police", url, { ...hazardFields(source), source: "grid_sweep" }));
    expect(answer.status).toBe(302);
    const hazardId = Number(answer.location!.match(/^\/hazards\/(\d+)\?notice=reported$/)![1]);
    expect(getDb().select().from(hazardDetails).where(eq(hazardDetails.recordId, hazardId)).get()!.source).toBe("patrol");
    expect(findingRow(source.findingId).openedRecordId).toBe(hazardId);

    const patrol = await callRoute(patrolPage.loader, await get("xh.pl", `/patrols/${source.patrolId}`), { patrolId: String(source.patrolId) });
    expect(patrol.data.links.map((l: { id: number }) => l.id)).toEqual([hazardId]);
    expect(patrol.data.patrol.findings[0].opened).toMatchObject({ id: hazardId, workflow: "hazard", path: `/hazards/${hazardId}` });
    const hazard = await callRoute(hazardPage.loader, await get("xh.pl", `/hazards/${hazardId}`), { hazardId: String(hazardId) });
    expect(hazard.data.links).toMatchObject([{ id: source.patrolId, workflow: "patrol", direction: "from" }]);

    // The same finding cannot open a second record; nothing is written by the refused post.
    const again = await callRoute(newHazard.loader, await get("tz.police", url));
    expect(again.status).toBe(404);
    const before = snapshotDomainTables();
    const twice = await callRoute(newHazard.action, await post("tz.police", "/hazards/new", hazardFields(source)));
    expect(twice.status).toBe(400);
    expect(twice.data.errors.patrolId).toBe("该巡防记录不存在、您无权关联，或该发现已立案；本次未保存任何内容。");
    expect(snapshotDomainTables()).toEqual(before);
  });

  it("refuses, writing nothing, a finding of a patrol the viewer may not see", async () => {
    const source = underWayWithFinding();
    expect((await callRoute(newHazard.loader, await get("yp.police", `/hazards/new?patrol=${source.patrolId}&finding=${source.findingId}`))).status).toBe(404);
    const before = snapshotDomainTables();
    const answer = await callRoute(newHazard.action, await post("yp.police", "/hazards/new", { ...hazardFields(source), pactId: String(pactIdBetween("XH", "YP")), regionId: "" }));
    expect(answer.status).toBe(400);
    expect(answer.data.errors.patrolId).toContain("本次未保存任何内容");
    expect(snapshotDomainTables()).toEqual(before);
    const malformed = await callRoute(newHazard.action, await post("xh.police", "/hazards/new", { ...hazardFields(source), patrolId: "x" }));
    expect(malformed.status).toBe(400);
    expect(snapshotDomainTables()).toEqual(before);
  });
});

describe("a finding opens a dispute or a case notice", () => {
  it("a dispute registered from a finding is linked back; a finding id of another patrol is refused", () => {
    const source = underWayWithFinding("XH-YP");
    const other = underWayWithFinding("XH-YP");
    const input = {
      title: "占道纠纷", type: "neighbour" as const, escalationRisk: "low" as const, pactId: pactIdBetween("XH", "YP"), regionId: null, committeeId: null,
      placeText: "", peopleInvolved: 2, amountInvolved: 0, description: "巡防发现", parties: partiesOf(["XH", "YP"]),
    };
    const links = () => getDb().select().from(recordLinks).all().length;
    const recordCount = () => getDb().select().from(records).all().length;
    const [linksBefore, recordsBefore] = [links(), recordCount()];
    const mixed = reportDispute(viewerOf("yp.pl"), input, { patrolId: source.patrolId, findingId: other.findingId });
    expect(mixed).toEqual({ ok: false, errors: { patrolId: "patrols.error.findingLink" } });
    expect([links(), recordCount()]).toEqual([linksBefore, recordsBefore]);
    const opened = reportDispute(viewerOf("yp.pl"), input, source);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(findingRow(source.findingId).openedRecordId).toBe(opened.id);
    expect(getDb().select().from(recordLinks).where(eq(recordLinks.toRecordId, opened.id)).get()).toMatchObject({ fromRecordId: source.patrolId });
  });

  it("a case notice sent from a finding is linked back; the forms offer the finding to the right roles only", async () => {
    const source = underWayWithFinding();
    const url = `/notices/new?patrol=${source.patrolId}&finding=${source.findingId}`;
    expect((await callRoute(newNotice.loader, await get("tz.police", url))).data.finding).toMatchObject(source);
    expect((await callRoute(newDispute.loader, await get("tz.pl", `/disputes/new?patrol=${source.patrolId}&finding=${source.findingId}`))).data.finding)
      .toMatchObject(source);
    const page = await callRoute(patrolPage.loader, await get("tz.police", `/patrols/${source.patrolId}`), { patrolId: String(source.patrolId) });
    expect(page.data.patrol.openTargets).toEqual(["hazard", "notice"]);
    const pl = await callRoute(patrolPage.loader, await get("tz.pl", `/patrols/${source.patrolId}`), { patrolId: String(source.patrolId) });
    expect(pl.data.patrol.openTargets).toEqual(["hazard", "dispute"]);
    const sent = sendNotice(viewerOf("tz.police"), noticeInput("tz.police"), source);
    expect(sent.ok).toBe(true);
    if (sent.ok) expect(findingRow(source.findingId).openedRecordId).toBe(sent.id);
  });
});
