/**
 * Writes with a foreign, missing or malformed Origin: every form action that signs its user in
 * through requireUser answers 403 and writes nothing at all, whatever the form holds; the
 * server-wide guard (isSameOriginWrite, which also covers sign-in, sign-out and the language
 * switch) refuses every origin whose host is not the portal's.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSameOriginWrite } from "~/modules/auth/origin.server";
import { sessionCookieFor } from "../integration/helpers/requests";
import { hostileText } from "./hostile/arbitraries";
import { ACTION_ENTRIES } from "./hostile/catalogue-actions";
import { BOOKKEEPING } from "./hostile/journal";
import { count, expectSafeAnswer, fcParams, printSummaryAfterAll } from "./hostile/runner";
import { useHostileWorld, world } from "./hostile/world";

useHostileWorld();
printSummaryAfterAll("foreign Origin");

const HOST = "localhost";

/** Origin headers of other sites, and no Origin at all (null). */
const foreignOrigin = fc.oneof(
  fc.constantFrom("http://evil.example", "null", "", "http://localhost.evil.example", "http://localhost:3000", "http://127.0.0.1", "file://", "http://[::1]", "localhost", "http://evil.example/localhost", "//localhost", "http://xn--lcalhost-g2a.example"),
  fc.webUrl().filter((u) => new URL(u).host !== HOST),
  hostileText.filter((s) => {
    try {
      return new URL(s).host !== HOST;
    } catch {
      return true;
    }
  }),
  fc.constant(null),
).filter((o) => o === null || /^[\x21-\x7e\x80-\xff]*(?:[\x20\t]*[\x21-\x7e\x80-\xff]+)*$/.test(o)); // what a header can carry

/** Routes whose action starts with requireUser (sign-in, sign-out and the language switch rely on the server guard). */
const GUARDED = ACTION_ENTRIES.filter((e) => !["login", "logout", "lang"].includes(e.route));

describe("hostile input: writes from another site", () => {
  it("every guarded action answers 403 to a foreign or missing Origin and writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(GUARDED.length - 1), foreignOrigin, fc.boolean(), async (index, origin, signedIn) => {
        const entry = GUARDED[index];
        const address = entry.at(world)[0];
        const intent = Object.keys(entry.intents)[0];
        const body = new URLSearchParams(intent ? { intent } : {});
        for (const [name] of entry.intents[intent]()) body.append(name, "跨站提交");
        const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
        if (origin !== null) headers.Origin = origin;
        if (signedIn) headers.Cookie = await sessionCookieFor(entry.username);
        const request = new Request(`http://${HOST}${address.path}`, { method: "POST", headers, body });
        const { answer, writes } = await expectSafeAnswer(`${entry.route} from Origin ${JSON.stringify(origin)}`, entry.route, "action", request, address.params);
        expect(answer.status).toBe(403);
        expect(writes.filter((w) => !BOOKKEEPING.has(w.table))).toEqual([]);
      }),
      fcParams(200),
    );
  });

  it("the server-wide guard lets a write through only from the portal's own host", () => {
    fc.assert(
      fc.property(fc.oneof(foreignOrigin, fc.constantFrom("http://localhost", "HTTP://LOCALHOST", "https://localhost")), fc.constantFrom("POST", "PUT", "DELETE", "PATCH", "post"), (origin, method) => {
        let sameHost = false;
        try {
          sameHost = origin !== null && origin !== "null" && new URL(origin).host === HOST;
        } catch {
          sameHost = false;
        }
        expect(isSameOriginWrite(method, origin, HOST)).toBe(sameHost);
        expect(isSameOriginWrite("GET", origin, HOST)).toBe(true);
        count("origin guard");
      }),
      fcParams(1000),
    );
  });
});
