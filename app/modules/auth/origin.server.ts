/**
 * Cross-site request forgery guard: a request that changes something (any method but GET, HEAD
 * or OPTIONS) must carry an Origin header naming this very portal — scheme, host and port. A page
 * on `http://portal` (a captive network, a stripped redirect) is another origin than
 * `https://portal` and may not post to it.
 *
 * Which origin is the portal's: PUBLIC_ORIGIN when it is set (e.g. `https://portal.example.gov.cn`,
 * the address people type; behind a reverse proxy the portal itself only sees a loopback
 * address), otherwise the request's own scheme and host (behind TRUST_PROXY, as the proxy reports
 * them in X-Forwarded-Proto and X-Forwarded-Host).
 */

/**
 * PUBLIC_ORIGIN in the form a browser sends an origin (lower case, no default port), or null when
 * unset. A value that is not an http(s) origin — a path, a query, credentials — is a setting
 * mistake, reported instead of silently guarding against the wrong thing.
 */
export function publicOrigin(): string | null {
  const raw = process.env.PUBLIC_ORIGIN?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PUBLIC_ORIGIN is not an origin such as https://portal.example.gov.cn: ${raw}`);
  }
  if (!["http:", "https:"].includes(url.protocol) || url.username || url.password || url.pathname !== "/" || url.search || url.hash) {
    throw new Error(`PUBLIC_ORIGIN must be scheme, host and port only (e.g. https://portal.example.gov.cn): ${raw}`);
  }
  return url.origin;
}

/**
 * The origin writes must come from: PUBLIC_ORIGIN, else `<scheme>://<host>` of the request
 * (scheme `http` or `https`, with or without a colon; host as in the Host header). Null when the
 * request names no host.
 */
export function portalOrigin(scheme: string, host: string | null | undefined): string | null {
  const configured = publicOrigin();
  if (configured) return configured;
  const protocol = scheme.replace(/:$/, "").toLowerCase();
  if (!host || !HOST.test(host) || (protocol !== "http" && protocol !== "https")) return null;
  try {
    return new URL(`${protocol}://${host}`).origin;
  } catch {
    return null;
  }
}

/** A Host header: a name or an IPv4 or bracketed IPv6 address, and perhaps a port. */
const HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * TRUST_PROXY as Express wants it: a number of proxy hops (`1`: the one reverse proxy in front)
 * as a number — Express reads the string "1" as the address 0.0.0.1 and trusts nobody — or
 * Express's own words and address lists (`loopback`, `10.0.0.0/8, ::1`). Unset: no proxy trusted.
 */
export function trustProxySetting(raw: string | undefined): number | string | false {
  const value = raw?.trim();
  if (!value) return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** True for reads, and for writes whose Origin header is exactly `expectedOrigin`. */
export function isSameOriginWrite(
  method: string,
  originHeader: string | null | undefined,
  expectedOrigin: string | null | undefined,
): boolean {
  if (["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase())) return true;
  if (!originHeader || !expectedOrigin) return false;
  // Browsers send the serialised origin; only the case of scheme and host may differ.
  return originHeader.toLowerCase() === expectedOrigin;
}

/** The guard for a Remix request (its URL carries the scheme and host the server resolved). */
export function requestIsSameOrigin(request: Request): boolean {
  const url = new URL(request.url);
  return isSameOriginWrite(request.method, request.headers.get("Origin"), portalOrigin(url.protocol, url.host));
}
