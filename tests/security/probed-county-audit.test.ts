/**
 * A refused attempt on a county's record, attachment, user, region or pact is in the audit log of
 * the county that holds it (who, from which county, what, when), not only in the prober's. The
 * prober learns nothing from it: the answer is the same 404, and the prober's own log holds the
 * same single entry whether the id exists in another county or nowhere. Failed sign-ins under a
 * county's username prefix are that county's to see.
 */
import { eq, gt } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "~db/schema";
import { signIn } from "~/modules/auth/sign-in.server";
import { verifyAuditChain } from "~/modules/audit/log.server";
import { getDb } from "~/modules/db/connection.server";
import { changeMarksOf } from "~/modules/records/county-changes.server";
import { loader as auditLoader } from "~/routes/admin.audit";
import { loader as regionLoader } from "~/routes/admin.regions.$regionId";
import { loader as userLoader } from "~/routes/admin.users.$userId";
import { loader as fileLoader } from "~/routes/files.$attachmentId";
import { loader as hazardLoader } from "~/routes/hazards.$hazardId";
import { loader as pactLoader } from "~/routes/pacts.$pactId._index";
import { fixtureFile, openHazard, postFiles } from "../fixtures/threads";
import { expectData, getAs, routeArgs, settle } from "../integration/helpers/requests";
import { countyIdOf, useDemoData } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { findUserByUsername } from "~/modules/tenancy/users.server";

useDemoData();

const MISSING = "987654";
const ids = { hazard: 0, attachment: 0, region: 0 };

beforeAll(async () => {
  ids.hazard = openHazard({ by: "xh.pl", pact: null, title: "新晃内部隐患" });
  ids.attachment = (await postFiles("xh.grid", ids.hazard, [fixtureFile("photo.jpg")])).attachmentIds[0];
  ids.region = getDb().$client.prepare("select id from regions where county_id = ? order by id limit 1").pluck().get(countyIdOf("XH")) as number;
});

const lastAuditId = () => (getDb().$client.prepare("select max(id) from audit_log").pluck().get() as number) ?? 0;
const auditOf = async (admin: string, query = "") => expectData(auditLoader(routeArgs(await getAs(admin, `/admin/audit${query}`))));

/** Runs a probe and says how it answered and how many audit entries it wrote. */
async function probe(run: () => Promise<unknown>) {
  const before = lastAuditId();
  const answer = await settle(run());
  const written = getDb().select().from(auditLog).where(gt(auditLog.id, before)).all();
  return { status: answer instanceof Response ? answer.status : 200, written };
}

const probes = {
  hazard: async (id: string) => hazardLoader(routeArgs(await getAs("yp.pl", `/hazards/${id}`), { hazardId: id })),
  attachment: async (id: string) => fileLoader(routeArgs(await getAs("yp.pl", `/files/${id}`), { attachmentId: id })),
  user: async (id: string) => userLoader(routeArgs(await getAs("zj.admin", `/admin/users/${id}`), { userId: id })),
  region: async (id: string) => regionLoader(routeArgs(await getAs("zj.admin", `/admin/regions/${id}`), { regionId: id })),
  pact: async (id: string) => pactLoader(routeArgs(await getAs("yp.pl", `/pacts/${id}`), { pactId: id })),
};

describe("a probe of another county's ids", () => {
  it("shows in the probed county's audit log: who, from which county, what, when", async () => {
    const started = Date.now();
    expect((await probe(() => probes.hazard(String(ids.hazard)))).status).toBe(404);
    const xh = await auditOf("xh.admin", "?refusals=others");
    const entry = xh.entries.find((e) => e.entityType === "record" && e.entityId === String(ids.hazard));
    expect(entry).toMatchObject({ action: "access.denied", actorName: "黄晓燕", fromCountyName: "玉屏侗族自治县" });
    expect(entry!.at).toBeGreaterThanOrEqual(started);
    expect(JSON.parse(entry!.after!)).toEqual({ attempted: "view" });
    // The prober's address and account stay with the prober's county.
    expect(entry).toMatchObject({ ip: null, actorUserId: null });
  });

  it("for attachments, users, regions and pacts too; a pact's probe reaches every member", async () => {
    const targets: [keyof typeof probes, string, string[]][] = [
      ["attachment", String(ids.attachment), ["XH"]],
      ["user", findUserByUsername("xh.leader")!.id, ["XH"]],
      ["region", String(ids.region), ["XH"]],
      ["pact", String(pactIdBetween("XH", "TZ")), ["XH", "TZ"]],
    ];
    for (const [kind, id, owners] of targets) {
      expect((await probe(() => probes[kind](id))).status, kind).toBe(404);
      for (const code of ["XH", "TZ"]) {
        const seen = (await auditOf(`${code.toLowerCase()}.admin`, "?refusals=others")).entries.some((e) => e.entityId === id);
        expect(seen, `${kind} in ${code}`).toBe(owners.includes(code));
      }
    }
  });

  it("teaches the prober nothing: one entry in the prober's county either way, alike but for the id", async () => {
    for (const kind of Object.keys(probes) as (keyof typeof probes)[]) {
      const existing = { hazard: String(ids.hazard), attachment: String(ids.attachment), user: findUserByUsername("xh.grid")!.id, region: String(ids.region), pact: String(pactIdBetween("XH", "TZ")) }[kind];
      const hidden = await probe(() => probes[kind](existing));
      const missing = await probe(() => probes[kind](MISSING));
      expect([hidden.status, missing.status], kind).toEqual([404, 404]);
      expect([hidden.written.length, missing.written.length], kind).toEqual([1, 1]);
      const strip = ({ id: _i, at: _a, entityId: _e, prevHash: _p, hash: _h, concerns: _c, ...rest }: (typeof hidden.written)[number]) => rest;
      expect(strip(hidden.written[0]), kind).toEqual(strip(missing.written[0]));
    }
    // What the prober's administrator sees of the two is alike too.
    const yp = await auditOf("yp.admin", "?refusals=own");
    const view = (entityId: string) => {
      const { id: _i, at: _a, entityId: _e, ...rest } = yp.entries.find((e) => e.entityType === "record" && e.entityId === entityId)!;
      return rest;
    };
    expect(view(String(ids.hazard))).toEqual(view(MISSING));
    expect(JSON.stringify(yp)).not.toContain("新晃");
  });

  it("the refusals filter tells the county's own users' refusals from other counties' attempts", async () => {
    await probe(() => probes.hazard(String(ids.hazard)));
    const others = (await auditOf("xh.admin", "?refusals=others")).entries;
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((e) => e.action === "access.denied" && e.fromCountyName !== null)).toBe(true);
    const own = (await auditOf("xh.admin", "?refusals=own")).entries;
    expect(own.every((e) => e.action === "access.denied" && e.fromCountyName === null)).toBe(true);
    const all = await auditOf("xh.admin", "?refusals=all");
    expect(all.total).toBe((await auditOf("xh.admin", "?refusals=own")).total + (await auditOf("xh.admin", "?refusals=others")).total);
    expect(all.refusals).toBe("all");
  });
});

describe("failed sign-ins under a county's username prefix", () => {
  it("belong to that county even when no such user exists", async () => {
    await signIn("xh.nobody", "guess-1", "10.9.0.1");
    await signIn("zz.nobody", "guess-2", "10.9.0.1");
    const failed = (await auditOf("xh.admin", "?action=auth.sign_in_failed")).entries.map((e) => e.actorName);
    expect(failed).toContain("xh.nobody");
    expect(failed).not.toContain("zz.nobody");
    expect((await auditOf("tz.admin", "?action=auth.sign_in_failed")).entries.map((e) => e.actorName)).not.toContain("xh.nobody");
  });
});

describe("a flood of probes", () => {
  it("changes nothing, so the figures each county remembers are not thrown away by it", async () => {
    const before = changeMarksOf(countyIdOf("XH"));
    for (let i = 0; i < 20; i++) await probe(() => probes.hazard(String(ids.hazard)));
    expect(changeMarksOf(countyIdOf("XH"))).toEqual(before);
  });
});

describe("the hash chain", () => {
  it("holds with the probed counties' attributions, and notices one added behind its back (last: it breaks the chain)", () => {
    expect(verifyAuditChain()).toMatchObject({ ok: true });
    const entry = getDb().select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, "system.seed_demo")).get()!;
    getDb().$client.prepare("insert into audit_concerns (county_id, audit_id) values (?, ?)").run(countyIdOf("ZJ"), entry.id);
    expect(verifyAuditChain()).toMatchObject({ ok: false, brokenAt: entry.id });
    expect(() => getDb().$client.prepare("delete from audit_concerns").run()).toThrow(/append-only/);
  });
});
