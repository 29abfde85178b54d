/**
 * The headers the running portal (the production build of server.ts, as `npm start` serves it)
 * sends: a Content-Security-Policy whose per-request nonce is on every inline script of the page
 * (Remix's context, the single-fetch stream, route discovery, scroll restoration) and nowhere
 * else; `no-store` on everything the app answers — the sign-in page, signed-in pages, single-fetch
 * `.data`, exports and file downloads — while static assets keep their caching; files sandboxed,
 * with an explicit disposition; HSTS only with secure cookies; the write guard on the whole origin
 * behind a proxy (X-Forwarded-Proto) and with PUBLIC_ORIGIN.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureProductionBuild, freePort, removeServerBundle, startPortal, stopPortal, type RunningPortal } from "../../scripts/crash/portal-process";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-headers-"));
const database = path.join(dir, "portal.sqlite");
let secure: RunningPortal;
let plain: RunningPortal;
let secureBase = "";
let plainBase = "";

beforeAll(async () => {
  await ensureProductionBuild();
  const port = await freePort();
  // As deployed: secure cookies (production default) behind a proxy.
  secure = await startPortal({ databasePath: database, port, env: { INSECURE_COOKIES: "0", TRUST_PROXY: "1" } });
  secureBase = `http://localhost:${port}`;
  // The same database (already prepared), served for a plain-HTTP intranet test, with its public address named.
  const plainPort = await freePort();
  plain = await startPortal({ databasePath: database, port: plainPort, env: { INSECURE_COOKIES: "1", PUBLIC_ORIGIN: "https://portal.example.gov.cn" } });
  plainBase = `http://localhost:${plainPort}`;
}, 180_000);

afterAll(async () => {
  if (secure) await stopPortal(secure, "SIGTERM");
  if (plain) await stopPortal(plain, "SIGTERM");
  removeServerBundle();
  fs.rmSync(dir, { recursive: true, force: true });
});

function get(url: string, cookie?: string) {
  return fetch(url, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
}

async function signIn(username: string): Promise<string> {
  const answer = await fetch(`${secureBase}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: secureBase, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username, password: "demo-2026" }),
  });
  expect(answer.status).toBe(302);
  const cookie = answer.headers.getSetCookie().find((c) => c.startsWith("portal_session="));
  expect(cookie, "a session cookie").toBeDefined();
  expect(cookie).toMatch(/;\s*Secure/i);
  return cookie!.split(";")[0];
}

/** The nonce the page's policy allows, from `script-src 'self' 'nonce-…'`. */
function nonceOf(policy: string | null): string {
  const match = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? "");
  expect(match, `a nonce in ${policy}`).not.toBeNull();
  return match![1];
}

function directives(policy: string | null): Map<string, string> {
  return new Map(
    (policy ?? "")
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1).join(" ")]),
  );
}

/** Headers every response carries, static or not. */
function expectBaseHeaders(answer: Response, { hsts }: { hsts: boolean }) {
  expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
  expect(answer.headers.get("x-frame-options")).toBe("DENY");
  expect(answer.headers.get("referrer-policy")).toBe("same-origin");
  expect(answer.headers.get("cross-origin-opener-policy")).toBe("same-origin");
  const permissions = answer.headers.get("permissions-policy") ?? "";
  for (const feature of ["camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"]) expect(permissions).toContain(feature);
  if (hsts) expect(answer.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  else expect(answer.headers.get("strict-transport-security")).toBeNull();
  expect(answer.headers.get("x-powered-by")).toBeNull();
}

/** A page: the strict policy, a fresh nonce on every inline and external script, never stored. */
async function expectPage(answer: Response): Promise<{ nonce: string; html: string }> {
  expect(answer.status).toBe(200);
  expect(answer.headers.get("content-type")).toMatch(/^text\/html/);
  expect(answer.headers.get("cache-control")).toBe("no-store");
  const policy = answer.headers.get("content-security-policy");
  const nonce = nonceOf(policy);
  const d = directives(policy);
  expect(d.get("default-src")).toBe("'self'");
  expect(d.get("style-src")).toBe("'self'");
  expect(d.get("img-src")).toBe("'self' data: blob:");
  expect(d.get("object-src")).toBe("'none'");
  expect(d.get("base-uri")).toBe("'none'");
  expect(d.get("frame-ancestors")).toBe("'none'");
  expect(d.get("form-action")).toBe("'self'");
  expect(d.get("connect-src")).toBe("'self'");
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  const html = await answer.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1]);
  expect(scripts.length).toBeGreaterThan(2);
  for (const attributes of scripts) expect(attributes, "every script carries the nonce").toContain(`nonce="${nonce}"`);
  // No inline style anywhere: the policy allows none.
  expect(html).not.toMatch(/<style\b|\sstyle="/i);
  return { nonce, html };
}

describe("the running portal's security headers", () => {
  it("the sign-in page: strict policy, nonce per request on every script, no-store, HSTS", async () => {
    const first = await get(`${secureBase}/login`);
    expectBaseHeaders(first, { hsts: true });
    const { nonce, html } = await expectPage(first);
    expect(html).toContain("window.__remixContext");
    const second = await get(`${secureBase}/login`);
    const again = await expectPage(second);
    expect(again.nonce).not.toBe(nonce);
    expect(Buffer.from(nonce, "base64").length).toBeGreaterThanOrEqual(16);
  });

  it("a signed-in page: every inline script (context, single-fetch stream, scroll restoration) carries the nonce", async () => {
    const cookie = await signIn("xh.pl");
    const answer = await get(`${secureBase}/projects`, cookie);
    expectBaseHeaders(answer, { hsts: true });
    const { html } = await expectPage(answer);
    expect(html).toContain("streamController");
    expect(html).toMatch(/sessionStorage|__remixRouteModules|scroll/i);
  });

  it("single-fetch data and the menu's data are never stored", async () => {
    const cookie = await signIn("xh.pl");
    for (const url of ["/projects.data", "/inbox.data?_routes=root"]) {
      const answer = await get(`${secureBase}${url}`, cookie);
      expect(answer.status, url).toBe(200);
      expect(answer.headers.get("cache-control"), url).toBe("no-store");
      expectBaseHeaders(answer, { hsts: true });
      await answer.arrayBuffer();
    }
  });

  it("a file download: sandboxed, an explicit disposition, nosniff, no-store", async () => {
    const cookie = await signIn("xh.pl");
    const list = await (await get(`${secureBase}/projects`, cookie)).text();
    const projects = [...new Set([...list.matchAll(/href="\/projects\/(\d+)"/g)].map((m) => m[1]))];
    let file: string | undefined;
    for (const id of projects) {
      const page = await (await get(`${secureBase}/projects/${id}`, cookie)).text();
      file = /href="(\/files\/\d+)"/.exec(page)?.[1];
      if (file) break;
    }
    expect(file, "a project with a plan document").toBeDefined();
    for (const [query, disposition] of [["", "attachment"], ["?inline=1", "inline"]] as const) {
      const answer = await get(`${secureBase}${file}${query}`, cookie);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toBe("application/pdf");
      expect(answer.headers.get("content-security-policy")).toBe("sandbox");
      expect(answer.headers.get("content-disposition")).toMatch(new RegExp(`^${disposition}; filename="[^"]+"; filename\\*=UTF-8''`));
      expect(answer.headers.get("cache-control")).toBe("no-store");
      expect(answer.headers.get("cross-origin-resource-policy")).toBe("same-origin");
      expectBaseHeaders(answer, { hsts: true });
      expect((await answer.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
  });

  it("an export: sandboxed attachment, never stored", async () => {
    const cookie = await signIn("xh.leader");
    const answer = await get(`${secureBase}/stats/export?pact=county&format=csv`, cookie);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-security-policy")).toBe("sandbox");
    expect(answer.headers.get("content-disposition")).toMatch(/^attachment; /);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expectBaseHeaders(answer, { hsts: true });
    await answer.arrayBuffer();
  });

  it("static assets keep their caching and get the headers every response has", async () => {
    const login = await (await get(`${secureBase}/login`)).text();
    const stylesheet = /<link rel="stylesheet" href="(\/build\/[^"]+\.css)"/.exec(login)?.[1];
    expect(stylesheet).toBeDefined();
    const built = await get(`${secureBase}${stylesheet}`);
    expect(built.status).toBe(200);
    expect(built.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expectBaseHeaders(built, { hsts: true });
    const icon = await get(`${secureBase}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("cache-control")).toBe("public, max-age=3600");
    expectBaseHeaders(icon, { hsts: true });
    // An asset opened on its own (an SVG is a document) may run and load nothing.
    for (const asset of [built, icon]) expect(asset.headers.get("content-security-policy")).toMatch(/^default-src 'none'; /);
    await built.arrayBuffer();
    await icon.arrayBuffer();
  });

  it("without secure cookies there is no HSTS (a plain-HTTP intranet test must not pin the name to HTTPS)", async () => {
    const answer = await get(`${plainBase}/login`);
    expectBaseHeaders(answer, { hsts: false });
    await expectPage(answer);
  });
});

describe("the running portal's write guard", () => {
  const lang = (base: string, headers: Record<string, string>) =>
    fetch(`${base}/lang`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams({ locale: "en", redirectTo: "/login" }),
    });

  it("behind a proxy, the scheme it reports counts: http://host may not write to https://host", async () => {
    const proxied = { "X-Forwarded-Proto": "https", "X-Forwarded-Host": "portal.example.gov.cn" };
    expect((await lang(secureBase, { ...proxied, Origin: "http://portal.example.gov.cn" })).status).toBe(403);
    expect((await lang(secureBase, { ...proxied, Origin: "https://portal.example.gov.cn:8443" })).status).toBe(403);
    expect((await lang(secureBase, { ...proxied, Origin: "https://portal.example.gov.cn" })).status).toBe(302);
    // The refusal itself carries the headers of every response, with a policy that allows nothing.
    const refused = await lang(secureBase, { Origin: "https://evil.example" });
    expect(refused.status).toBe(403);
    expectBaseHeaders(refused, { hsts: true });
    expect(refused.headers.get("content-security-policy")).toBe("default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  });

  it("with PUBLIC_ORIGIN, only that origin writes — not even the address the server is reached at", async () => {
    expect((await lang(plainBase, { Origin: plainBase })).status).toBe(403);
    expect((await lang(plainBase, { Origin: "http://portal.example.gov.cn" })).status).toBe(403);
    expect((await lang(plainBase, { Origin: "https://portal.example.gov.cn" })).status).toBe(302);
  });
});
