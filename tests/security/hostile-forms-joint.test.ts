/**
 * Hostile posts to the forms of the workflows: patrols, meetings, projects (catalogue-actions.ts).
 */
import { describe } from "vitest";
import { ACTION_ENTRIES } from "./hostile/catalogue-actions";
import { fuzzActions } from "./hostile/form-fuzz";
import { printSummaryAfterAll } from "./hostile/runner";
import { useHostileWorld } from "./hostile/world";

useHostileWorld();
printSummaryAfterAll("forms: patrols, meetings, projects");

const ROUTES = ["patrols.new", "patrols.$patrolId", "patrols.activities.new", "meetings.new", "meetings.$meetingId", "meetings.actions.$actionId", "projects.new", "projects.$projectId"];

describe("hostile input: the forms of patrols, meetings, projects", () => {
  fuzzActions(ACTION_ENTRIES.filter((e) => ROUTES.includes(e.route)), 10);
});
