/**
 * The hostile-input catalogues cover the portal: every route module with an action has its
 * intents and fields in catalogue-actions.ts, every loader its parameters in catalogue-urls.ts,
 * so a new route cannot arrive without being fuzzed.
 */
import { describe, expect, it } from "vitest";
import { ACTION_ENTRIES } from "./hostile/catalogue-actions";
import { URL_ENTRIES } from "./hostile/catalogue-urls";
import { useHostileWorld, world } from "./hostile/world";
import { ROUTE_MODULES, type RouteKey, type RouteModule } from "./isolation-routes";

useHostileWorld();

const keys = Object.keys(ROUTE_MODULES) as RouteKey[];

describe("the hostile-input catalogues cover the portal", () => {
  it("every route with an action has exactly one entry of intents and fields", () => {
    const withAction = keys.filter((k) => (ROUTE_MODULES[k] as RouteModule).action).sort();
    expect(ACTION_ENTRIES.map((e) => e.route).sort()).toEqual(withAction);
  });

  it("every route with a loader has exactly one entry of URL parameters", () => {
    const withLoader = keys.filter((k) => (ROUTE_MODULES[k] as RouteModule).loader).sort();
    expect(URL_ENTRIES.map((e) => e.route).sort()).toEqual(withLoader);
  });

  it("every intent names its fields, and every address list holds real ids of the demo world", () => {
    for (const entry of ACTION_ENTRIES) {
      const addresses = entry.at(world);
      expect(addresses.length, entry.route).toBeGreaterThan(0);
      for (const a of addresses) expect(a.path.startsWith("/"), a.path).toBe(true);
      for (const [intent, fields] of Object.entries(entry.intents)) {
        const names = fields().map(([name]) => name);
        expect(new Set(names).size, `${entry.route} ${intent}: duplicate field names`).toBe(names.length);
      }
    }
    for (const entry of URL_ENTRIES.filter((e) => e.param)) {
      expect(entry.param!.ids(world).length, `${entry.route}: no real ids to aim at`).toBeGreaterThan(0);
    }
  });

  it("the forms with the most fields are fuzzed field by field", () => {
    const fieldsOf = (route: RouteKey, intent: string) => ACTION_ENTRIES.find((e) => e.route === route)!.intents[intent]().map(([n]) => n);
    expect(fieldsOf("disputes.new", "")).toEqual(expect.arrayContaining(["title", "type", "description", "party-0-name", "party-1-idNumber"]));
    expect(fieldsOf("notices.new", "")).toEqual(expect.arrayContaining(["kind", "urgency", "pactId", "addresseeCountyIds", "vehicle-0-plate"]));
    expect(fieldsOf("meetings.$meetingId", "hold")).toEqual(expect.arrayContaining(["minutes", "decision-0-owner", "decision-1-deadline"]));
    expect(fieldsOf("projects.new", "")).toEqual(expect.arrayContaining(["title", "budget", "milestone-0-dueOn", "contribution-1"]));
  });
});
