/**
 * Probing ids must teach a county nothing: a hidden pact and a missing one answer the same 404
 * and leave the same denial in the prober's own audit log.
 */
import { describe, expect, it } from "vitest";
import { loader as auditLoader } from "~/routes/admin.audit";
import { loader as pactLoader } from "~/routes/pacts.$pactId._index";
import { getAs, routeArgs, settle } from "../integration/helpers/requests";
import { useDemoData } from "../setup/demo";
import { pactIdBetween } from "../setup/records";

useDemoData();

describe("probing ids of other counties' pacts", () => {
  it("probing a hidden pact and a missing one leaves the same trace in the prober's audit log", async () => {
    const hidden = String(pactIdBetween("XH", "YP"));
    const missing = "999999";
    for (const id of [hidden, missing]) {
      const response = await settle(pactLoader(routeArgs(await getAs("tz.pl", `/pacts/${id}`), { pactId: id })));
      expect((response as Response).status).toBe(404);
    }
    const audit = await auditLoader(routeArgs(await getAs("tz.admin", "/admin/audit")));
    const probed = audit.entries.filter((e) => e.action === "access.denied" && e.entityType === "pact").map((e) => e.entityId);
    expect(probed.includes(hidden)).toBe(probed.includes(missing));
  });
});
