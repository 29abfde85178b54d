/**
 * Hostile posts to the forms of the workflows: hazards, disputes, notices (catalogue-actions.ts).
 */
import { beforeAll, describe } from "vitest";
import { useDemoData } from "../setup/demo";
import { ACTION_ENTRIES } from "./hostile/catalogue-actions";
import { fuzzActions } from "./hostile/form-fuzz";
import { printSummaryAfterAll } from "./hostile/runner";
import { prepareWorld } from "./hostile/world";

useDemoData();
beforeAll(prepareWorld);
printSummaryAfterAll("forms: hazards, disputes, notices");

const ROUTES = ["hazards.new", "hazards.$hazardId", "hazards.sweeps.new", "hazards.sweeps.$sweepId", "disputes.new", "disputes.$disputeId", "disputes.$disputeId_.agreement", "notices.new", "notices.$noticeId"];

describe("hostile input: the forms of hazards, disputes, notices", () => {
  fuzzActions(ACTION_ENTRIES.filter((e) => ROUTES.includes(e.route)), 10);
});
