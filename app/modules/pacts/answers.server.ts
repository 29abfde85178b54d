/**
 * How pact routes answer a service's refusal: a hidden or missing pact is a 404, a refused role
 * a 403 (the service has audited the denial), a pact in the wrong state a 409 with a message, and
 * a rejected choice a 400 with messages next to the fields.
 */
import { data } from "@remix-run/node";
import type { Translate } from "~/i18n";
import { translateIssue, type FieldErrors } from "~/modules/forms/validation";
import type { Refusal } from "./outcomes";

export interface FormAnswer {
  intent?: string;
  errors: FieldErrors;
  values: Record<string, string | string[]>;
  formError?: string;
}

export function forbidden(): never {
  throw new Response("Forbidden", { status: 403 });
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}

/** Form errors (already translated) with what was typed, so nothing is lost. */
export function formErrors(answer: FormAnswer) {
  return data(answer, { status: 400 });
}

export function answerRefusal(
  refusal: Refusal,
  t: Translate,
  values: Record<string, string | string[]>,
  intent?: string,
) {
  switch (refusal.reason) {
    case "not_found":
      return notFound();
    case "forbidden":
      return forbidden();
    case "conflict":
      return data<FormAnswer>({ intent, errors: {}, values, formError: t("pacts.error.conflict") }, { status: 409 });
    case "invalid": {
      const errors = Object.fromEntries(Object.entries(refusal.errors).map(([k, v]) => [k, translateIssue(v, t)]));
      return data<FormAnswer>({ intent, errors, values }, { status: 400 });
    }
  }
}
