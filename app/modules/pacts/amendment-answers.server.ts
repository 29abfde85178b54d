/**
 * The pact page's amendment intents (amend_propose, amend_countersign, amend_decline,
 * amend_withdraw): validate the form, call the service, and answer as the page's other forms do
 * (a redirect with a notice, 400 with messages next to the fields, 404/403 thrown, 409 when the
 * pact or its amendment has moved on).
 */
import { redirect } from "@remix-run/node";
import type { Translate } from "~/i18n";
import type { Viewer } from "~/modules/auth/viewer";
import { formValues, parseForm } from "~/modules/forms/validation";
import {
  AMENDMENT_LISTS, amendmentCountersignSchema, amendmentDeclineSchema, amendmentProposalSchema, amendmentWithdrawSchema,
} from "./amendment-schemas";
import { countersignAmendment, declineAmendment, proposeAmendment, withdrawAmendment } from "./amendments.server";
import { answerRefusal, formErrors } from "./answers.server";

export const AMENDMENT_INTENTS = ["amend_propose", "amend_countersign", "amend_decline", "amend_withdraw"] as const;
export type AmendmentIntent = (typeof AMENDMENT_INTENTS)[number];

export function isAmendmentIntent(value: unknown): value is AmendmentIntent {
  return typeof value === "string" && (AMENDMENT_INTENTS as readonly string[]).includes(value);
}

export function answerAmendmentForm(viewer: Viewer, pactId: number, intent: AmendmentIntent, formData: FormData, t: Translate) {
  const done = (notice: string) => redirect(`/pacts/${pactId}?notice=${notice}`);
  const refused = (result: Parameters<typeof answerRefusal>[0]) =>
    answerRefusal(result, t, formValues(formData, AMENDMENT_LISTS), intent);

  if (intent === "amend_propose") {
    const parsed = parseForm(amendmentProposalSchema, formData, t, AMENDMENT_LISTS);
    if (!parsed.ok) return formErrors({ intent, errors: parsed.errors, values: parsed.values });
    const result = proposeAmendment(viewer, pactId, parsed.data);
    return result.ok ? done("amendmentProposed") : refused(result);
  }
  if (intent === "amend_countersign") {
    const parsed = parseForm(amendmentCountersignSchema, formData, t);
    if (!parsed.ok) return formErrors({ intent, errors: parsed.errors, values: parsed.values });
    const result = countersignAmendment(viewer, pactId, parsed.data);
    if (!result.ok) return refused(result);
    return done(result.adopted ? "amendmentAdopted" : "amendmentCountersigned");
  }
  if (intent === "amend_decline") {
    const parsed = parseForm(amendmentDeclineSchema, formData, t);
    if (!parsed.ok) return formErrors({ intent, errors: parsed.errors, values: parsed.values });
    const result = declineAmendment(viewer, pactId, parsed.data);
    return result.ok ? done("amendmentDeclined") : refused(result);
  }
  const parsed = parseForm(amendmentWithdrawSchema, formData, t);
  if (!parsed.ok) return formErrors({ intent, errors: parsed.errors, values: parsed.values });
  const result = withdrawAmendment(viewer, pactId, parsed.data);
  return result.ok ? done("amendmentWithdrawn") : refused(result);
}
