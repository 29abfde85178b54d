import { describe, expect, it } from "vitest";
import { liaisonDirectoryOf } from "~/modules/pacts/liaisons.server";
import { suspendPact, terminatePact } from "~/modules/pacts/lifecycle.server";
import { activePactsOf, getPactFor, listPactsOf } from "~/modules/pacts/pacts.server";
import { transitionsFor } from "~/modules/pacts/transitions";
import { useDemoData, viewerOf } from "../setup/demo";
import { activePactOf, daysFromToday, setTerm, statusOf } from "./helpers/pact-fixtures";

useDemoData();

describe("expiry is derived from the term, in Beijing time", () => {
  it("an active pact whose end date has passed shows as expired and counts as not active", () => {
    const pactId = activePactOf("xh.pl", ["ZJ"]);
    setTerm(pactId, daysFromToday(-400), daysFromToday(-1));
    const viewer = viewerOf("xh.pl");
    expect(statusOf(pactId)).toBe("active");
    expect(listPactsOf(viewer).find((p) => p.id === pactId)!.phase).toBe("expired");
    expect(activePactsOf(viewer).map((p) => p.id)).not.toContain(pactId);
    expect(liaisonDirectoryOf(viewer).map((e) => e.pactId)).not.toContain(pactId);

    const detail = getPactFor(viewer, pactId)!;
    expect(detail.phase).toBe("expired");
    // Nothing left to do with an expired pact: no buttons, and posts are refused as conflicts.
    expect(transitionsFor(detail.standing, viewer)).toEqual([]);
    expect(suspendPact(viewer, pactId, { reason: "测试" })).toEqual({ ok: false, reason: "conflict" });
    expect(terminatePact(viewerOf("zj.admin"), pactId, { reason: "测试" })).toEqual({ ok: false, reason: "conflict" });
  });

  it("the last day of the term still counts (ends_on = today is in term)", () => {
    const pactId = activePactOf("xh.pl", ["ZJ"]);
    setTerm(pactId, daysFromToday(-30), daysFromToday(0));
    const viewer = viewerOf("zj.pl");
    expect(activePactsOf(viewer).find((p) => p.id === pactId)!.phase).toBe("active");
    expect(liaisonDirectoryOf(viewer).map((e) => e.pactId)).toContain(pactId);
  });

  it("the same pact reads as expired when the day after is asked for", () => {
    const pactId = activePactOf("xh.pl", ["ZJ"]);
    setTerm(pactId, daysFromToday(-30), daysFromToday(0));
    const viewer = viewerOf("zj.pl");
    expect(listPactsOf(viewer, daysFromToday(1)).find((p) => p.id === pactId)!.phase).toBe("expired");
    expect(activePactsOf(viewer, daysFromToday(1)).map((p) => p.id)).not.toContain(pactId);
    expect(liaisonDirectoryOf(viewer, daysFromToday(1)).map((e) => e.pactId)).not.toContain(pactId);
  });

  it("a signed pact that starts later is upcoming: on the home list, not yet in the directory", () => {
    const pactId = activePactOf("xh.pl", ["ZJ"], { startsOn: daysFromToday(10), endsOn: daysFromToday(400) });
    const viewer = viewerOf("xh.pl");
    expect(activePactsOf(viewer).find((p) => p.id === pactId)!.phase).toBe("upcoming");
    expect(liaisonDirectoryOf(viewer).map((e) => e.pactId)).not.toContain(pactId);
    expect(liaisonDirectoryOf(viewer, daysFromToday(10)).map((e) => e.pactId)).toContain(pactId);
  });

  it("an open-ended pact never expires", () => {
    const pactId = activePactOf("xh.pl", ["ZJ"], { endsOn: null });
    expect(listPactsOf(viewerOf("xh.pl"), "2099-12-31").find((p) => p.id === pactId)!.phase).toBe("active");
  });
});
