import { describe, expect, it } from "vitest";
import { listBodies } from "~/modules/pacts/bodies.server";
import { liaisonDirectoryOf } from "~/modules/pacts/liaisons.server";
import { suspendPact, terminatePact } from "~/modules/pacts/lifecycle.server";
import { homeOverviewOf } from "~/modules/pacts/overview.server";
import {
  activePactsOf, getPactFor, listPactsOf, pactsAwaitingOthers, pendingCountersignatures,
} from "~/modules/pacts/pacts.server";
import { DEMO_ROLES } from "~db/seed/demo-data";
import { useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { activePactOf, denialsOf, proposeAs } from "./helpers/pact-fixtures";

useDemoData();

const everyone = (code: string) => DEMO_ROLES.map((r) => `${code}.${r.suffix}`);

/** Every way a pact could show up for a viewer, as ids. */
function idsSeenBy(username: string): number[] {
  const viewer = viewerOf(username);
  const home = homeOverviewOf(viewer);
  return [
    ...listPactsOf(viewer),
    ...activePactsOf(viewer),
    ...pendingCountersignatures(viewer),
    ...pactsAwaitingOthers(viewer),
    ...home.activePacts,
    ...(home.awaitingOurSignature ?? []),
    ...(home.awaitingOthers ?? []),
  ]
    .map((p) => p.id)
    .concat(liaisonDirectoryOf(viewer).map((e) => e.pactId));
}

describe("only member counties see a pact", () => {
  it("TZ users never see an XH–ZJ pact: not in lists, home, directory; detail is null and the attempt is audited", () => {
    const proposed = proposeAs("xh.pl", ["ZJ"]);
    const active = activePactOf("xh.pl", ["ZJ"]);
    for (const username of everyone("tz")) {
      const seen = idsSeenBy(username);
      expect(seen).not.toContain(proposed);
      expect(seen).not.toContain(active);
      expect(getPactFor(viewerOf(username), active)).toBeNull();
      expect(getPactFor(viewerOf(username), proposed)).toBeNull();
      expect(listBodies(viewerOf(username), active)).toBeNull();
      expect(denialsOf(username, "pact", active)).toHaveLength(1);
    }
    // The members do see them.
    expect(idsSeenBy("zj.admin")).toEqual(expect.arrayContaining([proposed, active]));
    expect(idsSeenBy("xh.grid")).toEqual(expect.arrayContaining([proposed, active]));
    expect(getPactFor(viewerOf("zj.grid"), active)!.title).toMatch(/测试协议/);
  });

  it("YP never sees the XH–TZ pact, only its own XH–YP one", () => {
    const xhTz = pactIdBetween("XH", "TZ");
    const xhYp = pactIdBetween("XH", "YP");
    for (const username of everyone("yp")) {
      const viewer = viewerOf(username);
      expect(idsSeenBy(username)).not.toContain(xhTz);
      expect(listPactsOf(viewer).map((p) => p.id)).toContain(xhYp);
      expect(getPactFor(viewer, xhTz)).toBeNull();
      expect(liaisonDirectoryOf(viewer).map((e) => e.pactId)).toEqual([xhYp]);
      expect(homeOverviewOf(viewer).activePacts.map((p) => p.id)).toEqual([xhYp]);
    }
  });

  it("a missing pact is null too, and leaves the same denial as a hidden one", () => {
    expect(getPactFor(viewerOf("tz.pl"), 987654)).toBeNull();
    expect(denialsOf("tz.pl", "pact", 987654)).toHaveLength(1);
  });

  it("the partner list of a member shows the other side; the detail has members, signatures, liaisons, bodies", () => {
    const xhTz = pactIdBetween("XH", "TZ");
    const summary = listPactsOf(viewerOf("tz.pl")).find((p) => p.id === xhTz)!;
    expect(summary.members.filter((m) => !m.isOwn).map((m) => m.countyName)).toEqual(["新晃侗族自治县"]);
    expect(summary.workflows).toEqual(["hazard", "dispute", "notice", "patrol", "meeting", "project"]);
    expect(summary.phase).toBe("active");

    const detail = getPactFor(viewerOf("tz.pl"), xhTz)!;
    expect(detail.members.map((m) => [m.countyName, m.signature, m.signedByName])).toEqual([
      ["新晃侗族自治县", "signed", "杨志明"],
      ["天柱县", "signed", "潘永华"],
    ]);
    expect(detail.liaisons.map((l) => l.displayName).sort()).toEqual(["刘丽娟", "姚红梅", "杨光荣", "龙建军"].sort());
    expect(detail.articles).toContain("第七条");
    expect(detail.history.map((h) => h.action)).toEqual(["propose", "countersign", "countersign", "activate"]);
    expect(listBodies(viewerOf("tz.pl"), xhTz)!.map((b) => b.name)).toEqual(["凉伞—坪地边界联合调解委员会", "湘黔边界联合巡防队", "街上—阳寨村级联合调解委员会"]);
  });
});

describe("the liaison directory", () => {
  it("lists, per active pact in term, whom to call on each side, partners first, with phones", () => {
    const directory = liaisonDirectoryOf(viewerOf("xh.grid"));
    const xhTz = directory.find((e) => e.pactId === pactIdBetween("XH", "TZ"))!;
    expect(xhTz.sides.map((s) => [s.countyName, s.isOwn])).toEqual([["天柱县", false], ["新晃侗族自治县", true]]);
    expect(xhTz.sides[0].liaisons.map((l) => l.displayName).sort()).toEqual(["刘丽娟", "杨光荣"].sort());
    for (const person of xhTz.sides.flatMap((s) => s.liaisons)) expect(person.phone).toMatch(/^0745-6\d+$/);
    const xhYp = directory.find((e) => e.pactId === pactIdBetween("XH", "YP"))!;
    expect(xhYp.sides[0].liaisons.map((l) => l.displayName).sort()).toEqual(["李卫东", "黄晓燕"].sort());
  });

  it("leaves out proposed, suspended and terminated pacts", () => {
    const proposed = proposeAs("zj.pl", ["YP"]);
    const suspended = activePactOf("zj.pl", ["YP"]);
    const terminated = activePactOf("zj.pl", ["YP"]);
    const kept = activePactOf("zj.pl", ["YP"]);
    expect(suspendPact(viewerOf("yp.pl"), suspended, { reason: "调整" }).ok).toBe(true);
    expect(terminatePact(viewerOf("yp.pl"), terminated, { reason: "到此为止" }).ok).toBe(true);
    for (const username of ["zj.pl", "yp.grid"]) {
      const ids = liaisonDirectoryOf(viewerOf(username)).map((e) => e.pactId);
      expect(ids).toContain(kept);
      expect(ids).not.toContain(proposed);
      expect(ids).not.toContain(suspended);
      expect(ids).not.toContain(terminated);
    }
  });
});
