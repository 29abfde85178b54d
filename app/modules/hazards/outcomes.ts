/** What a hazard or sweep service answers when it does not do what was asked. */

/**
 * not_found: nothing the viewer may see · forbidden: the viewer's county or roles may not ·
 * conflict: the record or sweep has moved on (a stale page) · invalid: a field is not acceptable
 * (field → message key).
 */
export type Refusal =
  | { ok: false; reason: "not_found" | "forbidden" | "conflict" }
  | { ok: false; reason: "invalid"; errors: Record<string, string> };

export function invalid(errors: Record<string, string>): Refusal {
  return { ok: false, reason: "invalid", errors };
}
