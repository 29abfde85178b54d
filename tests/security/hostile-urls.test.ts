/**
 * Hostile URLs to every loader: path parameters and query parameters (catalogue-urls.ts),
 * including /stats and /stats/export.
 */
import { beforeAll, describe } from "vitest";
import { useDemoData } from "../setup/demo";
import { URL_ENTRIES } from "./hostile/catalogue-urls";
import { printSummaryAfterAll } from "./hostile/runner";
import { fuzzLoaders } from "./hostile/url-fuzz";
import { prepareWorld } from "./hostile/world";

useDemoData();
beforeAll(prepareWorld);
printSummaryAfterAll("URL parameters of every loader");

describe("hostile input: URL parameters", () => {
  fuzzLoaders(URL_ENTRIES, 12);
});
