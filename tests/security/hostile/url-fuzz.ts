/**
 * Drives the URL catalogue: for one loader, fast-check picks the path parameter (a real id of XH
 * or of another county, or any hostile text), the query parameters (missing, hostile, duplicated,
 * plus a stray one) and who asks (the rightful user, one of another county, or nobody).
 */
import fc from "fast-check";
import { expect, it } from "vitest";
import { ORIGIN, sessionCookieFor } from "../../integration/helpers/requests";
import { dateText, hostileIdText, hostileText, numberText } from "./arbitraries";
import { ROUTE_MODULES, type RouteKey } from "../isolation-routes";
import type { UrlEntry } from "./catalogue-urls";
import { OUTSIDERS } from "./catalogue-actions";
import { renderPage } from "./render";
import { count, expectSafeAnswer, fcParams } from "./runner";

/** Tags the hostile strings carry; no page has them of its own. */
const INJECTED = /<script|<img src=x|<svg\/onload|<textarea><script/i;

/** Every route with a page component (the others answer files or redirects). */
const RENDERED = new Set(Object.keys(ROUTE_MODULES).filter((k) => "default" in ROUTE_MODULES[k as RouteKey]));
import { world } from "./world";

interface UrlCase {
  id: string;
  query: [string, string][];
  asker: string;
  locale: "zh-CN" | "en" | null;
}

const queryValue = fc.oneof(hostileText, hostileIdText, dateText, numberText, fc.constantFrom("1", "none", "reported", "csv", "xlsx", "month", "year", "custom", "actions", "open"));

function urlCase(entry: UrlEntry): fc.Arbitrary<UrlCase> {
  const ids = entry.param ? entry.param.ids(world).map(String) : [""];
  const names = entry.query.length ? fc.constantFrom(...entry.query) : hostileText;
  return fc.record({
    id: fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...(ids.length ? ids : ["1"])) }, { weight: 3, arbitrary: hostileIdText }, { weight: 1, arbitrary: hostileText }),
    query: fc.array(fc.tuple(fc.oneof({ weight: 5, arbitrary: names }, { weight: 1, arbitrary: hostileText }), queryValue), { maxLength: 8 }),
    asker: fc.oneof({ weight: 6, arbitrary: fc.constant(entry.username) }, { weight: 2, arbitrary: fc.constantFrom(...OUTSIDERS) }, { weight: 1, arbitrary: fc.constant("") }),
    locale: fc.constantFrom("zh-CN" as const, "en" as const, null),
  });
}

export async function getRequest(entry: UrlEntry, c: UrlCase): Promise<{ request: Request; params: Record<string, string> }> {
  const params: Record<string, string> = {};
  let path = entry.path;
  if (path.includes(":pact")) {
    path = path.replace(":pact", String(world.xhPacts[0]));
    params.pactId = String(world.xhPacts[0]);
  }
  if (entry.param) {
    // A browser sends a lone surrogate as U+FFFD; the router hands the loader the decoded segment.
    const id = c.id.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
    path = path.replace(":id", encodeURIComponent(id));
    params[entry.param.name] = id;
  }
  const url = new URL(path, ORIGIN);
  for (const [name, value] of c.query) url.searchParams.append(name, value);
  const cookies = [c.asker ? await sessionCookieFor(c.asker) : "", c.locale ? `lang=${c.locale}` : ""].filter(Boolean).join("; ");
  return { request: new Request(url, { headers: cookies ? { Cookie: cookies } : {} }), params };
}

export function fuzzLoaders(entries: UrlEntry[], runs: number) {
  for (const entry of entries) {
    it(`${entry.route}: hostile URLs answer data, a redirect or a 4xx, never a 500`, async () => {
      await fc.assert(
        fc.asyncProperty(urlCase(entry), async (c) => {
          const { request, params } = await getRequest(entry, c);
          const what = `${c.asker || "anonymous"} GET ${request.url.slice(0, 200)}`;
          const { answer } = await expectSafeAnswer(what, entry.route, "loader", request, params, c.locale ?? "zh-CN");
          if (answer.kind === "data" && RENDERED.has(entry.route)) {
            // The page renders (a render error would be a 500 too) and holds no tag of the URL's making.
            const html = await renderPage(entry.route, request.url, answer.data);
            expect(html, `${what}: rendered a tag from the URL`).not.toMatch(INJECTED);
            count("pages rendered");
          }
        }),
        fcParams(runs),
      );
    });
  }
}
