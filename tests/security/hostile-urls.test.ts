/**
 * Hostile URLs to every loader: path parameters and query parameters (catalogue-urls.ts),
 * including /stats and /stats/export.
 */
import { describe } from "vitest";
import { URL_ENTRIES } from "./hostile/catalogue-urls";
import { printSummaryAfterAll } from "./hostile/runner";
import { fuzzLoaders } from "./hostile/url-fuzz";
import { useHostileWorld } from "./hostile/world";

useHostileWorld();
printSummaryAfterAll("URL parameters of every loader");

describe("hostile input: URL parameters", () => {
  fuzzLoaders(URL_ENTRIES, 12);
});
