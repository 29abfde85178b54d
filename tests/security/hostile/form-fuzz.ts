/**
 * Drives the catalogue: for one entry, fast-check picks an address (own, foreign or missing), an
 * intent (or a made-up one), a poster (the rightful user, sometimes one of another county), and
 * for each field nothing, a value, or several values, plausible or hostile, plus a stray field.
 * Every case goes through `expectSafeAnswer`.
 */
import fc from "fast-check";
import { expect, it } from "vitest";
import { ORIGIN, getAs, postAs, postMultipartAs, postWithCookie, type FormFields } from "../../integration/helpers/requests";
import { ROUTE_MODULES } from "../isolation-routes";
import { hostileText, postedField } from "./arbitraries";

/** The odd one out: missing, hostile, or a plausible value followed by a hostile duplicate. */
const oddValue = fc.oneof(
  fc.constant(undefined),
  hostileText.map((v) => [v]),
  fc.tuple(hostileText, hostileText).map(([a, b]) => [a, b]),
);
import { OUTSIDERS, type ActionEntry } from "./catalogue-actions";
import { renderPage } from "./render";
import { callRoute, count, expectSafeAnswer, fcParams } from "./runner";
import { world } from "./world";

interface FormCase {
  /** Render the page with the answer (one case in four: it costs a loader call and a render). */
  render: boolean;
  address: number;
  intent: string | string[] | undefined;
  poster: string;
  multipart: boolean;
  fields: FormFields;
}

function formCase(entry: ActionEntry): fc.Arbitrary<FormCase> {
  const intents = Object.keys(entry.intents);
  const addresses = entry.at(world);
  const intent = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...intents) },
    { weight: 1, arbitrary: hostileText },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...intents), fc.constantFrom(...intents)).map(([a, b]) => [a, b]) },
  );
  return fc
    .record({
      render: fc.nat(3).map((n) => n === 0),
      address: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat(addresses.length - 1) }),
      intent,
      poster: fc.oneof({ weight: 6, arbitrary: fc.constant(entry.username) }, { weight: 1, arbitrary: fc.constantFrom(...OUTSIDERS) }),
      multipart: entry.files ? fc.boolean() : fc.constant(false),
      stray: fc.tuple(fc.oneof(hostileText, fc.constantFrom("intent", "status", "__proto__", "constructor", "id", "countyId", "ownerCountyId")), hostileText),
    })
    .chain((c) => {
      const key = typeof c.intent === "string" && Object.hasOwn(entry.intents, c.intent) ? c.intent : intents[0];
      const spec = entry.intents[key]();
      // Wild: every field may be anything. One-off: all fields plausible but one, so the odd value gets deep.
      const wild = fc.record(Object.fromEntries(spec.map(([name, plausible]) => [name, postedField(plausible, name.endsWith("Ids"))])));
      const oneOff = fc
        .tuple(fc.record(Object.fromEntries(spec.map(([name, plausible]) => [name, plausible.map((v) => [v])]))), fc.nat(Math.max(0, spec.length - 1)), oddValue)
        .map(([fields, i, odd]) => (spec.length === 0 ? fields : { ...fields, [spec[i][0]]: odd }));
      return fc.oneof(wild, oneOff).map((fields: FormFields) => {
        const posted: FormFields = { ...(c.intent === undefined || key === "" ? {} : { intent: c.intent }), ...fields };
        if (c.stray[0] !== "") posted[c.stray[0]] ??= c.stray[1];
        return { render: c.render, address: c.address, intent: c.intent, poster: c.poster, multipart: c.multipart, fields: posted };
      });
    });
}

async function requestFor(entry: ActionEntry, c: FormCase, path: string): Promise<Request> {
  if (!entry.username) return postWithCookie("", path, c.fields);
  return c.multipart ? postMultipartAs(c.poster, path, c.fields) : postAs(c.poster, path, c.fields);
}

/** One `it` per catalogue entry: `runs` hostile posts to its action. */
export function fuzzActions(entries: ActionEntry[], runs: number) {
  for (const entry of entries) {
    it(`${entry.route}: hostile posts answer 2xx/3xx or a clear 4xx, and a refusal writes nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(formCase(entry), async (c) => {
          const address = entry.at(world)[c.address];
          const request = await requestFor(entry, c, address.path);
          const label = `${c.poster || "anonymous"} → ${entry.route} ${JSON.stringify(c.intent)?.slice(0, 40)}`;
          const { answer } = await expectSafeAnswer(label, entry.route, "action", request, address.params);
          if (c.render && entry.username && answer.kind === "data" && "default" in ROUTE_MODULES[entry.route]) {
            // The page shows the refusal (messages and the values sent back) without failing to render.
            const page = await callRoute(entry.route, "loader", await getAs(entry.username, address.path), address.params);
            if (page.kind === "data") {
              const html = await renderPage(entry.route, `${ORIGIN}${address.path}`, page.data, answer.data);
              expect(html, `${label}: rendered a tag from the form`).not.toMatch(/<script|<img src=x|<svg\/onload/i);
              count("pages rendered");
            }
          }
        }),
        fcParams(runs * Object.keys(entry.intents).length),
      );
    });
  }
}
