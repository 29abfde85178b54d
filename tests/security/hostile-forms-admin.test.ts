/**
 * Hostile posts to the sign-in, account, administration and pact forms (catalogue-actions.ts).
 */
import { describe } from "vitest";
import { ACTION_ENTRIES } from "./hostile/catalogue-actions";
import { fuzzActions } from "./hostile/form-fuzz";
import { printSummaryAfterAll } from "./hostile/runner";
import { useHostileWorld } from "./hostile/world";

useHostileWorld();
printSummaryAfterAll("forms: sign-in, account, administration, pacts");

const ROUTES = ["login", "lang", "logout", "account.password", "admin.users.new", "admin.users.$userId", "admin.regions._index", "admin.regions.$regionId", "pacts.new", "pacts.$pactId._index", "pacts.$pactId.bodies.new", "pacts.$pactId.bodies.$bodyId"];

describe("hostile input: sign-in, account, administration and pact forms", () => {
  fuzzActions(ACTION_ENTRIES.filter((e) => ROUTES.includes(e.route)), 15);
});
