/**
 * Isolation rows for the agreement page (/disputes/:id/agreement) and the figures page
 * (/disputes/figures), spread into GET_ROWS and WRITE_ROWS. The target is the demo land dispute
 * (TZ's, under XH–TZ): XH and TZ see it, YP and ZJ must get the same 404 as for a missing id, and
 * never the parties' phone or ID numbers. Writes by those who see it but may not write are 403.
 */
import { eq } from "drizzle-orm";
import { records } from "~db/schema";
import { LAND_STORY, LAND_STORY_TITLE } from "~db/seed/disputes-demo-data";
import { getDb } from "~/modules/db/connection.server";
import type { FormFields } from "../integration/helpers/requests";
import type { Address, Expectation, GetRow } from "./isolation-table";
import { MISSING_ID, type Targets } from "./isolation-targets";
import type { DemoUser } from "./isolation-world";
import type { WriteRow } from "./isolation-writes";

const seesDisputes = (u: DemoUser) => ["pl", "mediator", "grid", "leader"].includes(u.suffix);
const show = (...mustSee: string[]): Expectation => ({ outcome: "data", mustSee });
const refuse = (outcome: 403 | 404): Expectation => ({ outcome });
let landId: number | null = null;

/** The land dispute's agreement page; its parties' personal data is forbidden to YP and ZJ. */
const landAgreement = (t: Targets): Address => {
  if (landId === null) {
    landId = getDb().select({ id: records.id }).from(records).where(eq(records.title, LAND_STORY_TITLE)).get()!.id;
    for (const code of ["YP", "ZJ"] as const) t.forbidden[code].push(...LAND_STORY.parties.flatMap((p) => [p.phone, p.idNumber]));
  }
  return { path: `/disputes/${landId}/agreement`, params: { disputeId: String(landId) } };
};

export const AGREEMENT_ROWS: GetRow[] = [
  {
    route: "disputes.$disputeId_.agreement",
    name: "/disputes/:disputeId/agreement — the land dispute (TZ's, XH–TZ)",
    at: landAgreement,
    expect: (u) => (seesDisputes(u) && (u.county === "XH" || u.county === "TZ") ? show("龙再华", "调解委员会") : refuse(404)),
  },
  {
    route: "disputes.$disputeId_.agreement",
    name: "/disputes/:disputeId/agreement — an id that does not exist",
    at: () => ({ path: `/disputes/${MISSING_ID}/agreement`, params: { disputeId: MISSING_ID } }),
    expect: () => refuse(404),
  },
  {
    route: "disputes.figures",
    name: "/disputes/figures",
    at: () => ({ path: "/disputes/figures" }),
    expect: (u) => (seesDisputes(u) ? show() : refuse(403)),
  },
];

const agreementFields = (): FormFields => ({
  intent: "agreement", facts: "越权", issues: "越权", terms: "越权", performance: "越权", signedOn: "2026-01-05",
});
const judicialFields = (): FormFields => ({ intent: "judicial_answer", outcome: "rejected", answeredOn: "2026-01-05", answer: "越权" });

export const AGREEMENT_WRITES: WriteRow[] = [
  { route: "disputes.$disputeId_.agreement", name: "yp.mediator rewrites the XH–TZ land agreement", username: "yp.mediator", at: landAgreement, fields: agreementFields, outcome: 404 },
  { route: "disputes.$disputeId_.agreement", name: "zj.pl records a court answer on the XH–TZ land agreement", username: "zj.pl", at: landAgreement, fields: judicialFields, outcome: 404 },
  { route: "disputes.$disputeId_.agreement", name: "tz.grid (sits on the committee, does not mediate) rewrites the land agreement", username: "tz.grid", at: landAgreement, fields: agreementFields, outcome: 403 },
  { route: "disputes.$disputeId_.agreement", name: "xh.leader (reads only) records a court answer", username: "xh.leader", at: landAgreement, fields: judicialFields, outcome: 403 },
];
