/** What a pact or joint-body service answers when it does not do what was asked. */

/** Field name → message key (e.g. "form.required"), like parseForm's messages before translation. */
export type FieldMessageKeys = Record<string, string>;

/**
 * not_found: no such pact/body for this viewer (missing or hidden alike) · forbidden: the viewer's
 * county or roles may not · conflict: the pact is not in a state that allows it · invalid: a
 * posted choice is not acceptable (field → message key).
 */
export type Refusal =
  | { ok: false; reason: "not_found" | "forbidden" | "conflict" }
  | { ok: false; reason: "invalid"; errors: FieldMessageKeys };

export function invalid(errors: FieldMessageKeys): Refusal {
  return { ok: false, reason: "invalid", errors };
}
