/**
 * Tens of thousands of refused probes must not make a county's audit page walk the whole log:
 * every listing and count is answered from the county's index (audit_county_action_idx) and the
 * index of entries concerning it (audit_concerns), never by scanning audit_log or by walking
 * every refusal of the province through the action index.
 */
import { describe, expect, it } from "vitest";
import { listCountyAudit } from "~/modules/audit/county-log.server";
import { REFUSAL_FILTERS } from "~/modules/audit/refusal-filters";
import { getDb } from "~/modules/db/connection.server";

/** The audit_log statements `run` prepares, with SQLite's plan for each. */
function plansOf(run: () => void): { sql: string; plan: string[] }[] {
  const client = getDb().$client;
  const prepare = client.prepare.bind(client);
  const statements: string[] = [];
  const spy = ((source: string) => {
    if (/from "?audit_log"?/.test(source)) statements.push(source);
    return prepare(source);
  }) as typeof client.prepare;
  client.prepare = spy;
  try {
    run();
  } finally {
    client.prepare = prepare;
  }
  return statements.map((source) => {
    const params = (source.match(/\?/g) ?? []).map(() => 1);
    const plan = (prepare(`explain query plan ${source}`).all(...params) as { detail: string }[]).map((r) => r.detail);
    return { sql: source, plan };
  });
}

describe("a county's audit page at volume", () => {
  it.each([undefined, ...REFUSAL_FILTERS])("refusals=%s: listed and counted through the county's indexes only", (refusals) => {
    const plans = plansOf(() => listCountyAudit(1, { refusals, action: "access", page: 3 }));
    expect(plans).toHaveLength(2);
    for (const { sql, plan } of plans) {
      expect(plan.some((step) => /^SCAN audit_log/.test(step)), `${sql}\n${plan.join("\n")}`).toBe(false);
      expect(plan.some((step) => step.includes("audit_action_idx")), `${sql}\n${plan.join("\n")}`).toBe(false);
    }
  });
});
