/**
 * Writes with a foreign, missing or malformed Origin: every form action that signs its user in
 * through requireUser answers 403 and writes nothing at all, whatever the form holds; the
 * server-wide guard (isSameOriginWrite, which also covers sign-in, sign-out and the language
 * switch) refuses every origin that is not the portal's own — scheme, host and port. With
 * PUBLIC_ORIGIN set, only that origin is the portal's; without it, the request's own.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { isSameOriginWrite, portalOrigin, requestIsSameOrigin } from "~/modules/auth/origin.server";
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

  it("an https portal refuses the same host's plain-http origin at every guarded action", async () => {
    // A page served over plain http on the portal's own name (a captive network, a stripped
    // redirect) is another origin: it must not be able to post to the https portal.
    await fc.assert(
      fc.asyncProperty(fc.nat(GUARDED.length - 1), fc.constantFrom(`http://${HOST}`, `http://${HOST}:443`, `https://${HOST}:8443`), async (index, origin) => {
        const entry = GUARDED[index];
        const address = entry.at(world)[0];
        const intent = Object.keys(entry.intents)[0];
        const body = new URLSearchParams(intent ? { intent } : {});
        for (const [name] of entry.intents[intent]()) body.append(name, "降级提交");
        const headers = { "Content-Type": "application/x-www-form-urlencoded", Origin: origin, Cookie: await sessionCookieFor(entry.username) };
        const request = new Request(`https://${HOST}${address.path}`, { method: "POST", headers, body });
        const { answer, writes } = await expectSafeAnswer(`${entry.route} over https from Origin ${origin}`, entry.route, "action", request, address.params);
        expect(answer.status).toBe(403);
        expect(writes.filter((w) => !BOOKKEEPING.has(w.table))).toEqual([]);
      }),
      fcParams(60),
    );
  });

  it("the server-wide guard lets a write through only from the portal's own scheme, host and port", () => {
    const own = `http://${HOST}`;
    fc.assert(
      fc.property(
        fc.oneof(foreignOrigin, fc.constantFrom(own, "HTTP://LOCALHOST", `https://${HOST}`, `http://${HOST}:80`, `http://${HOST}:3000`, `${own}/`, ` ${own}`, `ws://${HOST}`)),
        fc.constantFrom("POST", "PUT", "DELETE", "PATCH", "post"),
        (origin, method) => {
          // A browser sends the origin serialised: lower case, no default port, no path.
          const same = origin !== null && origin.toLowerCase() === own;
          expect(isSameOriginWrite(method, origin, own)).toBe(same);
          expect(isSameOriginWrite("GET", origin, own)).toBe(true);
          count("origin guard");
        },
      ),
      fcParams(1000),
    );
  });

  it("a request's own origin counts its scheme: http://host does not write to https://host", () => {
    const post = (url: string, origin: string) => new Request(url, { method: "POST", headers: { Origin: origin } });
    expect(requestIsSameOrigin(post("https://portal.example/hazards/new", "https://portal.example"))).toBe(true);
    expect(requestIsSameOrigin(post("https://portal.example/hazards/new", "http://portal.example"))).toBe(false);
    expect(requestIsSameOrigin(post("http://portal.example:8080/x", "http://portal.example:8080"))).toBe(true);
    expect(requestIsSameOrigin(post("http://portal.example:8080/x", "http://portal.example"))).toBe(false);
    expect(portalOrigin("https", "Portal.Example:443")).toBe("https://portal.example");
    expect(portalOrigin("http", undefined)).toBe(null);
  });
});

describe("hostile input: writes when PUBLIC_ORIGIN names the portal", () => {
  const saved = process.env.PUBLIC_ORIGIN;
  afterEach(() => {
    if (saved === undefined) delete process.env.PUBLIC_ORIGIN;
    else process.env.PUBLIC_ORIGIN = saved;
  });

  it("only an Origin equal to PUBLIC_ORIGIN may write, whatever the request's own address", () => {
    process.env.PUBLIC_ORIGIN = "https://portal.example.gov.cn";
    // Behind the proxy the portal sees its loopback address; the browser's origin is the public one.
    const internal = "http://127.0.0.1:3000/hazards/new";
    const post = (origin: string) => new Request(internal, { method: "POST", headers: { Origin: origin } });
    expect(requestIsSameOrigin(post("https://portal.example.gov.cn"))).toBe(true);
    for (const origin of ["http://portal.example.gov.cn", "https://portal.example.gov.cn:8443", "http://127.0.0.1:3000", "https://evil.example.gov.cn", "https://portal.example.gov.cn.evil.example", "null"]) {
      expect(requestIsSameOrigin(post(origin)), origin).toBe(false);
    }
    expect(portalOrigin("http", "127.0.0.1:3000")).toBe("https://portal.example.gov.cn");
    expect(requestIsSameOrigin(new Request(internal))).toBe(true);
  });

  it("PUBLIC_ORIGIN is written the way a browser sends an origin; anything else is refused at start", () => {
    process.env.PUBLIC_ORIGIN = "HTTPS://Portal.Example.gov.cn:443/";
    expect(portalOrigin("http", "127.0.0.1")).toBe("https://portal.example.gov.cn");
    for (const bad of ["portal.example.gov.cn", "https://portal.example.gov.cn/portal", "https://user@portal.example.gov.cn", "ftp://portal.example.gov.cn", "https://portal.example.gov.cn?x=1"]) {
      process.env.PUBLIC_ORIGIN = bad;
      expect(() => portalOrigin("http", "127.0.0.1"), bad).toThrow(/PUBLIC_ORIGIN/);
    }
  });
});
