/**
 * A suspension is lifted by the county that suspended the pact. The other members may ask for it
 * to be lifted (once per suspension); the request and the resumption are both in the pact's
 * history and in the audit log. While suspended, nothing is shared under the pact.
 */
import { describe, expect, it } from "vitest";
import { findVisibleRecord } from "~/modules/access/policy.server";
import { requestResumption, resumePact, suspendPact } from "~/modules/pacts/lifecycle.server";
import * as pactPage from "~/routes/pacts.$pactId._index";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { insertRecord } from "../setup/records";
import { activePactOf, auditOf, denialsOf, eventsOf, statusOf, userIdOf } from "./helpers/pact-fixtures";
import { callRoute, pactGet, pactPost } from "./helpers/pact-requests";

useDemoData();

describe("lifting a suspension", () => {
  it("YP suspends the XH–YP pact: XH cannot resume it alone and does not see YP's records again", () => {
    const pactId = activePactOf("yp.pl", ["XH"], { workflows: ["hazard", "dispute"] });
    const ypHazard = insertRecord({ owner: "YP", workflow: "hazard", pactId, addressees: ["XH"] });
    expect(findVisibleRecord(viewerOf("xh.pl"), ypHazard)).not.toBeNull();

    expect(suspendPact(viewerOf("yp.pl"), pactId, { reason: "核查信息泄露情况" })).toEqual({ ok: true, status: "suspended" });
    expect(findVisibleRecord(viewerOf("xh.pl"), ypHazard)).toBeNull();

    for (const username of ["xh.pl", "xh.admin"]) {
      expect(resumePact(viewerOf(username), pactId), username).toEqual({ ok: false, reason: "forbidden" });
      expect(denialsOf(username, "pact", pactId), username).toHaveLength(1);
    }
    expect(statusOf(pactId)).toBe("suspended");
    expect(findVisibleRecord(viewerOf("xh.pl"), ypHazard)).toBeNull();

    // XH asks YP to lift it: a step in the history, nothing more.
    expect(requestResumption(viewerOf("xh.pl"), pactId, { reason: "核查已完成，请恢复" })).toEqual({ ok: true, status: "suspended" });
    expect(requestResumption(viewerOf("xh.admin"), pactId, {})).toEqual({ ok: false, reason: "conflict" });
    // The suspending county has nothing to ask of itself.
    expect(requestResumption(viewerOf("yp.pl"), pactId, {})).toEqual({ ok: false, reason: "forbidden" });
    expect(statusOf(pactId)).toBe("suspended");
    expect(findVisibleRecord(viewerOf("xh.pl"), ypHazard)).toBeNull();

    // Only YP's managers lift it; their other roles may not.
    expect(resumePact(viewerOf("yp.grid"), pactId)).toEqual({ ok: false, reason: "forbidden" });
    expect(resumePact(viewerOf("yp.admin"), pactId)).toEqual({ ok: true, status: "active" });
    expect(findVisibleRecord(viewerOf("xh.pl"), ypHazard)).not.toBeNull();

    expect(eventsOf(pactId).slice(-3).map((e) => [e.action, e.countyId, e.reason])).toEqual([
      ["suspend", countyIdOf("YP"), "核查信息泄露情况"],
      ["request_resume", countyIdOf("XH"), "核查已完成，请恢复"],
      ["resume", countyIdOf("YP"), null],
    ]);
    const steps = auditOf("pact", pactId).filter((a) => a.action !== "access.denied").slice(-3);
    expect(steps.map((a) => [a.action, a.countyId])).toEqual([
      ["pact.suspend", countyIdOf("YP")],
      ["pact.request_resume", countyIdOf("XH")],
      ["pact.resume", countyIdOf("YP")],
    ]);
    expect(JSON.parse(steps[1].after!)).toMatchObject({ status: "suspended", reason: "核查已完成，请恢复" });
  });

  it("a new suspension by the other side is theirs to lift; a request counts for one suspension only", () => {
    const pactId = activePactOf("yp.pl", ["XH"]);
    expect(suspendPact(viewerOf("yp.pl"), pactId, { reason: "第一次" }).ok).toBe(true);
    expect(requestResumption(viewerOf("xh.pl"), pactId, {}).ok).toBe(true);
    expect(resumePact(viewerOf("yp.pl"), pactId).ok).toBe(true);

    expect(suspendPact(viewerOf("xh.pl"), pactId, { reason: "第二次" }).ok).toBe(true);
    expect(resumePact(viewerOf("yp.admin"), pactId)).toEqual({ ok: false, reason: "forbidden" });
    expect(requestResumption(viewerOf("yp.admin"), pactId, {}).ok).toBe(true);
    expect(resumePact(viewerOf("xh.admin"), pactId)).toEqual({ ok: true, status: "active" });
  });

  it("the page offers the suspending county “resume” and the other side “ask to resume”", async () => {
    const pactId = activePactOf("yp.pl", ["XH"]);
    const path = `/pacts/${pactId}`;
    const params = { pactId: String(pactId) };
    expect(suspendPact(viewerOf("yp.pl"), pactId, { reason: "汛期" }).ok).toBe(true);
    const labels = async (username: string) =>
      (await callRoute(pactPage.loader, await pactGet(username, path), params)).data.choices.map((c: { label: string }) => c.label);
    expect(await labels("yp.pl")).toEqual(["resume", "terminate"]);
    expect(await labels("xh.pl")).toEqual(["request_resume", "terminate"]);

    const refused = await callRoute(pactPage.action, await pactPost("xh.pl", path, { intent: "resume" }), params);
    expect(refused.status).toBe(403);
    expect(statusOf(pactId)).toBe("suspended");
    const asked = await callRoute(pactPage.action, await pactPost("xh.pl", path, { intent: "request_resume", reason: "" }), params);
    expect(asked).toMatchObject({ status: 302, location: `${path}?notice=resumeRequested` });
    expect(await labels("xh.pl")).toEqual(["terminate"]);
    const detail = (await callRoute(pactPage.loader, await pactGet("yp.admin", path), params)).data;
    expect(detail.pact.history.at(-1)).toMatchObject({ action: "request_resume", countyName: "新晃侗族自治县" });
    expect(await callRoute(pactPage.action, await pactPost("yp.admin", path, { intent: "resume" }), params)).toMatchObject({
      status: 302,
      location: `${path}?notice=resumed`,
    });
    expect(userIdOf("yp.admin")).toBe(eventsOf(pactId).at(-1)!.userId);
  });
});
