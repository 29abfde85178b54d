/**
 * Where to go back to after signing in or switching the language: a path of this portal, never
 * another site. The target is resolved the way a browser would resolve it (tabs and newlines
 * dropped, backslashes read as slashes), so `/\evil.example` or `/<TAB>/evil.example` cannot leave
 * the portal, and it comes back percent-encoded, so it is always a valid Location header.
 */
const BASE = "http://portal.invalid";

export function safeRedirectTarget(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return url.pathname + url.search + url.hash;
}
