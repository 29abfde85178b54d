/**
 * How hazard and sweep routes answer a service's refusal: a hidden or missing thing is a 404, a
 * refused role a 403 (already audited), a stale page a 409 with a message, a rejected field a 400
 * with messages next to the fields and what was typed.
 */
import { data } from "@remix-run/node";
import type { MessageKey, Translate } from "~/i18n";
import { translateIssue, type FieldErrors } from "~/modules/forms/validation";
import type { Refusal } from "./outcomes";

export interface FormAnswer {
  intent?: string;
  errors: FieldErrors;
  values: Record<string, string | string[]>;
  formError?: string;
}

/** Field errors (already translated) with what was typed, so nothing is lost. */
export function formErrors(answer: FormAnswer) {
  return data(answer, { status: 400 });
}

/** The 409 of a page that went stale. */
export function conflict(t: Translate, values: FormAnswer["values"], intent?: string, message: MessageKey = "records.error.conflict") {
  return data<FormAnswer>({ intent, errors: {}, values, formError: t(message) }, { status: 409 });
}

export function answerRefusal(
  refusal: Refusal,
  t: Translate,
  values: FormAnswer["values"],
  intent?: string,
  conflictMessage: MessageKey = "records.error.conflict",
) {
  switch (refusal.reason) {
    case "not_found":
      throw new Response("Not Found", { status: 404 });
    case "forbidden":
      throw new Response("Forbidden", { status: 403 });
    case "conflict":
      return conflict(t, values, intent, conflictMessage);
    case "invalid": {
      const errors = Object.fromEntries(Object.entries(refusal.errors).map(([k, v]) => [k, translateIssue(v, t)]));
      return formErrors({ intent, errors, values });
    }
  }
}
