/**
 * Parties' personal data, for every one of the 24 demo users, on the pages that show a dispute:
 * in full only to mediators and political-legal staff of the lead county and to members of the
 * committee handling it; masked (138****1234) for everyone else who sees it; 404 for whoever does
 * not. Checked on the JSON of the loader data, so nothing unmasked reaches a browser; and search
 * never finds a dispute by a party's phone or ID number.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { jointBodies, regions, threadEntries } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import { maskIdNumber, maskPhone } from "~/modules/disputes/personal-data.server";
import { logSession } from "~/modules/disputes/sessions.server";
import { transitionDispute } from "~/modules/disputes/steps.server";
import * as detail from "~/routes/disputes.$disputeId";
import * as list from "~/routes/disputes._index";
import * as search from "~/routes/search";
import { DEMO_USERS, type DemoUser } from "../security/isolation-world";
import { useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { disputeRecord, partiesOf, reportDisputeAs } from "./helpers/dispute-fixtures";
import { callRoute, pactGet as get } from "./helpers/pact-requests";

useDemoData();

const regionId = (name: string) => getDb().select({ id: regions.id }).from(regions).where(eq(regions.name, name)).get()!.id;
const bodyId = (name: string) => getDb().select({ id: jointBodies.id }).from(jointBodies).where(eq(jointBodies.name, name)).get()!.id;
const COMMITTEE = "凉伞—坪地边界联合调解委员会";
/** Members of the XH–TZ committee in the demo: both mediators and both grid workers. */
const COMMITTEE_MEMBERS = ["xh.mediator", "tz.mediator", "xh.grid", "tz.grid"];

interface Case {
  label: string;
  lead: "XH" | "TZ";
  id: number;
  phones: string[];
  ids: string[];
}
const cases: Case[] = [];

function makeCase(label: string, by: string, lead: "XH" | "TZ", seed: number) {
  const parties = partiesOf(["XH", "TZ"], seed);
  const id = reportDisputeAs(by, {
    title: `${label}（屏蔽测试）`,
    pactId: pactIdBetween("XH", "TZ"),
    regionId: regionId(lead === "XH" ? "花园村" : "阳寨村"),
    committeeId: bodyId(COMMITTEE),
    parties,
  });
  cases.push({ label, lead, id, phones: parties.map((p) => p.phone), ids: parties.map((p) => p.idNumber).filter(Boolean) });
  // Fill the thread the way real work would: a step and a session.
  const mediator = viewerOf(`${lead.toLowerCase()}.mediator`);
  expect(transitionDispute(mediator, disputeRecord(id), "assess", { note: "研判", escalationRisk: undefined, committeeId: null }).ok).toBe(true);
  const session = logSession(mediator, disputeRecord(id), {
    heldOn: "2026-01-05", place: "花园村村部", mediatorIds: [mediator.userId], partiesPresent: "杨某甲、吴某乙", notes: "双方陈述",
  });
  expect(session.ok).toBe(true);
}

beforeAll(() => {
  makeCase("XH-led dispute", "xh.mediator", "XH", 901);
  makeCase("TZ-led dispute", "tz.mediator", "TZ", 902);
});

type Sight = "full" | "masked" | "none";

function sightOf(u: DemoUser, c: Case): Sight {
  if (!["pl", "mediator", "grid", "leader"].includes(u.suffix) || !["XH", "TZ"].includes(u.county)) return "none";
  if (u.county === c.lead && (u.suffix === "mediator" || u.suffix === "pl")) return "full";
  return COMMITTEE_MEMBERS.includes(u.username) ? "full" : "masked";
}

describe.each([0, 1])("dispute %i", (index) => {
  it.each(DEMO_USERS.map((u) => [u.username, u] as const))("%s: detail page and list", async (_name, user) => {
    const c = cases[index];
    const sight = sightOf(user, c);
    const page = await callRoute(detail.loader, await get(user.username, `/disputes/${c.id}`), { disputeId: String(c.id) });
    const listed = await callRoute(list.loader, await get(user.username, "/disputes"));
    const pageText = JSON.stringify(page.data);
    const listText = JSON.stringify(listed.data);
    for (const secret of [...c.phones, ...c.ids]) expect(listText).not.toContain(secret);
    if (sight === "none") {
      expect(page.status).toBe(404);
      expect(listed.status === 403 || !listText.includes(`"id":${c.id},`)).toBe(true);
      return;
    }
    expect(page.status).toBe(200);
    expect(listed.data.items.some((i: { id: number }) => i.id === c.id)).toBe(true);
    expect(page.data.dispute.personalDataInFull).toBe(sight === "full");
    for (const secret of [...c.phones, ...c.ids]) {
      if (sight === "full") expect(pageText).toContain(secret);
      else expect(pageText).not.toContain(secret);
    }
    if (sight === "masked") {
      expect(page.data.dispute.parties.map((p: { phone: string }) => p.phone)).toEqual(c.phones.map(maskPhone));
      expect(pageText).toContain(maskIdNumber(c.ids[0]));
    }
  });
});

describe("phones and ID numbers stay out of the thread and search", () => {
  it("no thread entry of either dispute holds a phone or ID number", () => {
    for (const c of cases) {
      const text = JSON.stringify(getDb().select().from(threadEntries).where(eq(threadEntries.recordId, c.id)).all());
      for (const secret of [...c.phones, ...c.ids]) expect(text).not.toContain(secret);
    }
  });

  it.each(["xh.mediator", "tz.pl", "xh.leader", "tz.grid"])("%s searching a phone or ID number finds nothing", async (username) => {
    for (const c of cases) {
      for (const secret of [...c.phones, ...c.ids, c.phones[0].slice(-4)]) {
        const answer = await callRoute(search.loader, await get(username, `/search?q=${secret}`));
        expect(answer.status).toBe(200);
        expect(answer.data.results?.hits.some((h: { id: number }) => h.id === c.id) ?? false).toBe(false);
        for (const full of [...c.phones, ...c.ids]) if (full !== secret) expect(JSON.stringify(answer.data)).not.toContain(full);
      }
    }
  });
});
