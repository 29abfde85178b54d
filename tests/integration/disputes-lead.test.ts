/**
 * The lead county (以发生地为主): set from the place of occurrence when a dispute is reported;
 * changed only by mediators and political-legal staff of the current lead county, to the owner
 * or an addressee, with a reason that lands in the thread and the audit log.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, jointBodies, records, regions } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import { changeLeadCounty } from "~/modules/disputes/lead.server";
import { reportDispute } from "~/modules/disputes/report.server";
import type { DisputeReportInput } from "~/modules/disputes/schemas";
import * as detail from "~/routes/disputes.$disputeId";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { disputeDetailsRow, disputeRecord, disputeState, disputeThread, partiesOf, reportDisputeAs } from "./helpers/dispute-fixtures";
import { callRoute, pactPost as post } from "./helpers/pact-requests";

useDemoData();

const regionId = (name: string) => getDb().select({ id: regions.id }).from(regions).where(eq(regions.name, name)).get()!.id;
const bodyId = (name: string) => getDb().select({ id: jointBodies.id }).from(jointBodies).where(eq(jointBodies.name, name)).get()!.id;
const recordCount = () => getDb().select({ id: records.id }).from(records).all().length;
const xhTz = () => pactIdBetween("XH", "TZ");
const base = (): DisputeReportInput => ({
  title: "山林纠纷", type: "land_forest", escalationRisk: "medium", pactId: xhTz(), regionId: null, committeeId: null,
  placeText: "", peopleInvolved: 12, amountInvolved: 30000, description: "两村山林界线争议", parties: partiesOf(),
});

describe("the lead county is set from the place of occurrence", () => {
  it("a TZ place makes TZ lead an XH report; an XH place, XH; no place, the owner", () => {
    expect(disputeDetailsRow(reportDisputeAs("xh.grid", { pactId: xhTz(), regionId: regionId("阳寨村"), parties: partiesOf() })).leadCountyId).toBe(countyIdOf("TZ"));
    expect(disputeDetailsRow(reportDisputeAs("tz.grid", { pactId: xhTz(), regionId: regionId("花园村"), parties: partiesOf() })).leadCountyId).toBe(countyIdOf("XH"));
    expect(disputeDetailsRow(reportDisputeAs("tz.mediator", { pactId: xhTz(), parties: partiesOf() })).leadCountyId).toBe(countyIdOf("TZ"));
  });

  it("stores details and parties; the record's text and audit carry no phone or ID number", () => {
    const id = reportDisputeAs("xh.mediator", base());
    expect(disputeDetailsRow(id)).toMatchObject({ type: "land_forest", escalationRisk: "medium", peopleInvolved: 12, amountInvolved: 30000 });
    const record = disputeRecord(id);
    expect(record.refNo).toMatch(/^XH-TJ-\d{4}-\d{4}$/);
    const audit = getDb().select().from(auditLog).where(and(eq(auditLog.action, "dispute.details"), eq(auditLog.entityId, String(id)))).get()!;
    for (const p of partiesOf()) {
      expect(JSON.stringify(record)).not.toContain(p.phone);
      expect(audit.after).not.toContain(p.phone);
    }
    expect(audit.after).toContain("138****");
  });

  it("refuses, storing nothing: a region outside the pact, another pact's committee, a patrol team, a committee without a pact, a party of a foreign county", () => {
    const before = recordCount();
    const refused = (input: Partial<DisputeReportInput>) => reportDispute(viewerOf("xh.mediator"), { ...base(), ...input });
    expect(refused({ regionId: regionId("皂角坪街道") })).toEqual({ ok: false, errors: { regionId: "records.error.region" } });
    expect(refused({ committeeId: bodyId("贡溪—皂角坪边界联合调解委员会") })).toEqual({ ok: false, errors: { committeeId: "disputes.error.committee" } });
    expect(refused({ committeeId: bodyId("湘黔边界联合巡防队") })).toEqual({ ok: false, errors: { committeeId: "disputes.error.committee" } });
    expect(refused({ pactId: null, committeeId: bodyId("凉伞—坪地边界联合调解委员会"), parties: partiesOf(["XH", "XH"]) })).toEqual({
      ok: false, errors: { committeeId: "disputes.error.committee" },
    });
    // An internal dispute's parties are the county's own.
    expect(refused({ pactId: null })).toEqual({ ok: false, errors: { "party-1-countyId": "disputes.error.partyCounty" } });
    expect(refused({ parties: partiesOf(["XH", "YP"]) })).toEqual({ ok: false, errors: { "party-1-countyId": "disputes.error.partyCounty" } });
    expect(recordCount()).toBe(before);
  });
});

describe("changing the lead county", () => {
  const reason = "纠纷主要发生在天柱县一侧，由天柱牵头更便于调解";

  it("a lead-county mediator hands it over with a reason: thread event and audit; then only the new lead's people may change it", () => {
    const id = reportDisputeAs("xh.mediator", { ...base(), regionId: regionId("花园村") });
    expect(changeLeadCounty(viewerOf("xh.mediator"), disputeRecord(id), { leadCountyId: countyIdOf("TZ"), reason })).toEqual({ ok: true, leadCountyId: countyIdOf("TZ") });
    expect(disputeDetailsRow(id).leadCountyId).toBe(countyIdOf("TZ"));
    const event = disputeThread(id).at(-1)!;
    expect(event).toMatchObject({ kind: "event", eventAction: "lead_change", body: reason });
    expect(JSON.parse(event.payload!)).toMatchObject({ fromCountyName: "新晃侗族自治县", toCountyName: "天柱县", reason });
    const audit = getDb().select().from(auditLog).where(and(eq(auditLog.action, "dispute.lead_change"), eq(auditLog.entityId, String(id)))).get()!;
    expect(JSON.parse(audit.before!)).toEqual({ leadCountyId: countyIdOf("XH") });
    expect(audit.countyId).toBe(countyIdOf("XH"));

    const before = disputeState(id);
    expect(changeLeadCounty(viewerOf("xh.pl"), disputeRecord(id), { leadCountyId: countyIdOf("XH"), reason })).toEqual({ ok: false, reason: "forbidden" });
    expect(disputeState(id)).toEqual(before);
    const denial = getDb().select().from(auditLog).where(eq(auditLog.action, "access.denied")).all().at(-1)!;
    expect(denial).toMatchObject({ entityType: "dispute", entityId: String(id), after: JSON.stringify({ attempted: "lead_change" }) });
    expect(changeLeadCounty(viewerOf("tz.pl"), disputeRecord(id), { leadCountyId: countyIdOf("XH"), reason: "改回" }).ok).toBe(true);
  });

  it.each(["xh.grid", "xh.leader", "tz.mediator", "tz.pl"])("%s may not change an XH-led dispute", (username) => {
    const id = reportDisputeAs("xh.mediator", base());
    const before = disputeState(id);
    expect(changeLeadCounty(viewerOf(username), disputeRecord(id), { leadCountyId: countyIdOf("TZ"), reason })).toEqual({ ok: false, reason: "forbidden" });
    expect(disputeState(id)).toEqual(before);
  });

  it("the new lead must be the owner or an addressee, and not the current lead", () => {
    const id = reportDisputeAs("xh.mediator", base());
    const before = disputeState(id);
    for (const code of ["YP", "XH"]) {
      expect(changeLeadCounty(viewerOf("xh.mediator"), disputeRecord(id), { leadCountyId: countyIdOf(code), reason })).toEqual({
        ok: false, reason: "invalid", errors: { leadCountyId: "disputes.error.leadCounty" },
      });
    }
    expect(disputeState(id)).toEqual(before);
  });

  it("through the page: a missing reason comes back next to the field; a refused role is 403; a good post redirects", async () => {
    const id = reportDisputeAs("xh.mediator", base());
    const at = { disputeId: String(id) };
    const missing = await callRoute(detail.action, await post("xh.mediator", `/disputes/${id}`, { intent: "lead", leadCountyId: String(countyIdOf("TZ")), reason: " " }), at);
    expect(missing.status).toBe(400);
    expect(missing.data.errors).toEqual({ reason: "请填写变更理由" });
    expect((await callRoute(detail.action, await post("tz.mediator", `/disputes/${id}`, { intent: "lead", leadCountyId: String(countyIdOf("TZ")), reason }), at)).status).toBe(403);
    const ok = await callRoute(detail.action, await post("xh.pl", `/disputes/${id}`, { intent: "lead", leadCountyId: String(countyIdOf("TZ")), reason }), at);
    expect(ok).toMatchObject({ status: 302, location: `/disputes/${id}?notice=lead` });
  });
});
