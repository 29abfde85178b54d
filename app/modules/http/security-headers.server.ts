/**
 * The security headers of every response (docs/decisions/0020-security-headers.md).
 *
 * - Every response, static files included: nosniff, no framing, same-origin referrers, no
 *   powerful browser features, a browsing-context group of its own, resources for this origin
 *   only, HSTS when the session cookie is Secure (i.e. the portal is served over HTTPS), and a
 *   policy that allows nothing (the server's own short refusals, static files opened directly).
 * - Everything the app answers (pages, single-fetch `.data`, resource routes): `no-store`, and
 *   unless the route set a policy of its own, the page policy with a fresh nonce, which Remix and
 *   React put on their inline scripts (it reaches them through the load context).
 * - Files the portal hands out (attachments, exports): `sandbox` as their policy, so a file
 *   opened in the browser runs nothing and reaches nothing of the portal, and an explicit
 *   disposition (see fileResponseHeaders).
 *
 * Express is imported for its types only: resource routes in the app bundle use this file too.
 */
import { randomBytes } from "node:crypto";
import type { RequestHandler, Response as ExpressResponse } from "express";

/** A nonce of 128 random bits, base64 (the characters a CSP nonce may hold). */
export function newCspNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The policy of a page. Scripts: the portal's own files and the inline scripts carrying this
 * request's nonce (no `unsafe-inline`, no `unsafe-eval`). Styles: the portal's own stylesheets
 * only — no `<style>` elements and no `style` attributes (the app has none; print rules live in
 * stylesheets). Images: own files, and `data:`/`blob:` for previews made in the page.
 */
export function pagePolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * The policy of a served file: a sandbox (no script, no plugin, no form, an opaque origin of its
 * own) and nothing else — Chromium's image and PDF viewers style their own page inline, which a
 * `default-src` would break.
 */
export const FILE_POLICY = "sandbox";

/** The policy of what is not a page of the app: the server's 403 and 413 answers, static files. */
export const FALLBACK_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Browser features no page of the portal uses, off for it and for anything it might embed. A
 * photo taken on a phone comes through the file field (`<input type="file">`), which this does
 * not touch; the field-work pages (location and live camera) will change `geolocation` and
 * `camera` to `(self)` when they arrive.
 */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "bluetooth=()",
  "camera=()",
  "display-capture=()",
  "encrypted-media=()",
  "fullscreen=(self)",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "idle-detection=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "picture-in-picture=()",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

export const HSTS = "max-age=31536000; includeSubDomains";

/** Headers for every response; HSTS only when the portal is served over HTTPS (secure cookies). */
export function baseSecurityHeaders({ https }: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Content-Security-Policy": FALLBACK_POLICY,
    ...(https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/** Express middleware: the base headers on every response. */
export function securityHeaders({ https }: { https: boolean }): RequestHandler {
  const headers = Object.entries(baseSecurityHeaders({ https }));
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

/**
 * Express middleware in front of the Remix handler: a nonce for this request (in `res.locals`,
 * for the load context), and, just before the head goes out, `no-store` and — unless the route
 * chose its own, as file downloads do — the page policy. Set at the last moment because the
 * Remix adapter appends the route's headers to those already set; a base header a route sent
 * again keeps the server's value (a route can repeat it, not weaken it).
 */
export function appResponseHeaders(): RequestHandler {
  const baseNames = Object.keys(baseSecurityHeaders({ https: true })).filter((name) => name !== "Content-Security-Policy");
  return (_req, res, next) => {
    const nonce = newCspNonce();
    res.locals.cspNonce = nonce;
    res.removeHeader("Content-Security-Policy");
    beforeHead(res, () => {
      for (const name of baseNames) {
        const value = res.getHeader(name);
        if (Array.isArray(value)) res.setHeader(name, value[0]);
      }
      res.setHeader("Cache-Control", "no-store");
      if (!res.hasHeader("Content-Security-Policy")) res.setHeader("Content-Security-Policy", pagePolicy(nonce));
    });
    next();
  };
}

/** The load context Remix hands to loaders, actions and entry.server. */
export function securityLoadContext(res: ExpressResponse): { cspNonce: string } {
  return { cspNonce: String(res.locals.cspNonce ?? "") };
}

/** Runs `fill` once, right before the status line and headers are written. */
function beforeHead(res: ExpressResponse, fill: () => void) {
  const writeHead = res.writeHead;
  let done = false;
  res.writeHead = function (this: ExpressResponse, ...args: unknown[]) {
    if (!done) {
      done = true;
      fill();
    }
    return (writeHead as (...a: unknown[]) => ExpressResponse).apply(this, args);
  } as typeof res.writeHead;
}

/**
 * Headers of a file the portal hands out: its type, an explicit disposition, never sniffed, a
 * sandbox as its policy, never stored (it holds people's personal data; a shared office computer
 * keeps nothing after sign-out).
 */
export function fileResponseHeaders(contentType: string, disposition: string): Record<string, string> {
  return {
    "Content-Type": contentType,
    "Content-Disposition": disposition,
    "Content-Security-Policy": FILE_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
  };
}
