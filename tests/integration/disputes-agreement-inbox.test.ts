/**
 * The inbox warns "司法确认申请期限将至" for agreements nobody took to court whose 30-day window
 * closes within seven days (not after it closed, not once applied), to those who see the dispute
 * and whose roles handle disputes — never to YP for an XH–TZ dispute.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { disputeDetails, mediationAgreements, recordAddressees, records } from "~db/schema";
import { todayInChina } from "~/i18n";
import { getDb } from "~/modules/db/connection.server";
import { addDays, judicialDeadline } from "~/modules/disputes/judicial";
import { inboxCount, inboxFor } from "~/modules/records/inbox.server";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";

useDemoData();

const TODAY = todayInChina();
let serial = 0;

/** A followed-up XH dispute (nothing else waits on it) with an agreement signed `daysAgo` days ago. */
function agreementSigned(daysAgo: number, judicialStatus: "not_applied" | "applied" = "not_applied", pact: [string, string] = ["XH", "TZ"]): number {
  const db = getDb();
  const at = Date.now() - (daysAgo + 10) * 86_400_000;
  const { id } = db
    .insert(records)
    .values({
      ownerCountyId: countyIdOf("XH"), pactId: pactIdBetween(...pact), workflow: "dispute", status: "followed_up", refNo: `XH-TJ-INBOX-${++serial}`,
      title: `司法确认提醒测试 ${serial}`, createdBy: viewerOf("xh.mediator").userId, createdAt: at, updatedAt: at,
    })
    .returning({ id: records.id })
    .get();
  db.insert(recordAddressees).values({ recordId: id, countyId: countyIdOf(pact[1]) }).run();
  db.insert(disputeDetails).values({ recordId: id, type: "water", leadCountyId: countyIdOf("XH"), escalationRisk: "low", outcomeAt: at }).run();
  db.insert(mediationAgreements)
    .values({
      recordId: id, facts: "事实", issues: "争议", terms: "协议", performance: "履行", signedOn: addDays(TODAY, -daysAgo), judicialStatus,
      judicialAppliedOn: judicialStatus === "applied" ? TODAY : null, createdBy: viewerOf("xh.mediator").userId, createdAt: at, updatedAt: at,
    })
    .run();
  return id;
}

const r = { day24: 0, day30: 0, day31: 0, day20: 0, applied: 0, xhYp: 0 };
beforeAll(() => {
  r.day24 = agreementSigned(24);
  r.day30 = agreementSigned(30);
  r.day31 = agreementSigned(31);
  r.day20 = agreementSigned(20);
  r.applied = agreementSigned(27, "applied");
  r.xhYp = agreementSigned(26, "not_applied", ["XH", "YP"]);
});

const itemOf = (username: string, id: number) => inboxFor(viewerOf(username)).find((i) => i.recordId === id);

describe("the judicial-window warning", () => {
  it("appears when the last day is within seven days, with that day", () => {
    expect(itemOf("xh.mediator", r.day24)).toMatchObject({ judicialDeadline: judicialDeadline(addDays(TODAY, -24)), actions: [], overdue: false });
    expect(itemOf("xh.mediator", r.day30)?.judicialDeadline).toBe(TODAY);
    expect(itemOf("tz.mediator", r.day24)).toBeDefined();
    expect(itemOf("tz.pl", r.day30)).toBeDefined();
  });

  it("not before the week, not after the window closed, not once applied for", () => {
    for (const id of [r.day20, r.day31, r.applied]) expect(itemOf("xh.mediator", id), String(id)).toBeUndefined();
  });

  it("only for those who see the dispute and handle disputes: not YP on XH–TZ, not leaders or grid workers", () => {
    expect(itemOf("yp.mediator", r.day24)).toBeUndefined();
    expect(itemOf("yp.mediator", r.xhYp)).toBeDefined();
    expect(itemOf("tz.mediator", r.xhYp)).toBeUndefined();
    for (const username of ["xh.leader", "xh.grid", "tz.leader", "zj.mediator"]) expect(itemOf(username, r.day24), username).toBeUndefined();
  });

  it("the menu badge counts the same items", () => {
    for (const username of ["xh.mediator", "tz.pl", "yp.mediator", "xh.leader"]) {
      expect(inboxCount(viewerOf(username)), username).toBe(inboxFor(viewerOf(username)).length);
    }
  });

  it("the demo has two such agreements for XH and TZ mediators", () => {
    const warned = inboxFor(viewerOf("tz.mediator")).filter((i) => i.judicialDeadline && !i.title.startsWith("司法确认提醒测试"));
    expect(warned).toHaveLength(2);
  });
});
