/**
 * A request body past its limit: the error the server's byte counter raises (and that reaches a
 * route as the failure of reading its body), and the answer given for it.
 */
export const BODY_TOO_LARGE = "BODY_TOO_LARGE";

export class BodyTooLargeError extends Error {
  readonly code = BODY_TOO_LARGE;
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
  }
}

/** Whether an error (or one it was caused by) is the byte counter's refusal. */
export function isBodyTooLarge(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === BODY_TOO_LARGE) return true;
  }
  return false;
}

/** 413; the connection is closed after it, so the rest of the body is never read. */
export function payloadTooLarge(): Response {
  return new Response("Payload Too Large", { status: 413, headers: { Connection: "close" } });
}
