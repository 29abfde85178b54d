/**
 * Cross-site request forgery guard: a request that changes something (any method but GET, HEAD
 * or OPTIONS) must carry an Origin header naming this very host.
 */
export function isSameOriginWrite(
  method: string,
  originHeader: string | null | undefined,
  hostHeader: string | null | undefined,
): boolean {
  if (["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase())) return true;
  if (!originHeader || !hostHeader || originHeader === "null") return false;
  try {
    return new URL(originHeader).host.toLowerCase() === hostHeader.toLowerCase();
  } catch {
    return false;
  }
}

export function requestIsSameOrigin(request: Request): boolean {
  return isSameOriginWrite(
    request.method,
    request.headers.get("Origin"),
    new URL(request.url).host,
  );
}
