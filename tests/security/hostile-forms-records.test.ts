/**
 * Hostile posts to the forms of the workflows: hazards, disputes, notices (catalogue-actions.ts).
 */
import { describe } from "vitest";
import { ACTION_ENTRIES } from "./hostile/catalogue-actions";
import { fuzzActions } from "./hostile/form-fuzz";
import { printSummaryAfterAll } from "./hostile/runner";
import { useHostileWorld } from "./hostile/world";

useHostileWorld();
printSummaryAfterAll("forms: hazards, disputes, notices");

const ROUTES = ["hazards.new", "hazards.$hazardId", "hazards.sweeps.new", "hazards.sweeps.$sweepId", "disputes.new", "disputes.$disputeId", "disputes.$disputeId_.agreement", "notices.new", "notices.$noticeId"];

describe("hostile input: the forms of hazards, disputes, notices", () => {
  fuzzActions(ACTION_ENTRIES.filter((e) => ROUTES.includes(e.route)), 10);
});
