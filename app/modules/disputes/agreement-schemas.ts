/**
 * The forms of the agreement page: the mediation agreement (调解协议书) itself and the two steps
 * of judicial confirmation (司法确认). Messages are i18n keys (app/i18n/zh-CN/disputes.ts).
 */
import { z } from "zod";
import type { Translate } from "~/i18n";
import { fields, parseForm, type ParseResult } from "~/modules/forms/validation";
import { isIsoDate } from "./judicial";

export const AGREEMENT_TEXT_MAX = 4000;
export const COURT_MAX = 100;
export const ANSWER_MAX = 1000;

const requiredText = (max: number, missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(max, { error: `form.tooLong|max=${max}` });

const calendarDate = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .refine(isIsoDate, { error: "disputes.judicial.error.date" });

export const agreementSchema = z.object({
  facts: requiredText(AGREEMENT_TEXT_MAX, "disputes.agreement.error.facts"),
  issues: requiredText(AGREEMENT_TEXT_MAX, "disputes.agreement.error.issues"),
  terms: requiredText(AGREEMENT_TEXT_MAX, "disputes.agreement.error.terms"),
  performance: requiredText(AGREEMENT_TEXT_MAX, "disputes.agreement.error.performance"),
  signedOn: calendarDate("disputes.agreement.error.signedOn"),
});
export type AgreementFields = z.output<typeof agreementSchema>;

/** 申请司法确认: when and to which court. */
export const judicialApplySchema = z.object({
  appliedOn: calendarDate("disputes.judicial.error.appliedOn"),
  court: requiredText(COURT_MAX, "disputes.judicial.error.court"),
});

/** 法院答复: confirmed or rejected, when, and what the court said. */
export const judicialAnswerSchema = z.object({
  outcome: fields.choice(["confirmed", "rejected"] as const),
  answeredOn: calendarDate("disputes.judicial.error.answeredOn"),
  answer: fields.optionalText(ANSWER_MAX),
});

export type JudicialApplyFields = z.output<typeof judicialApplySchema>;
export type JudicialAnswerFields = z.output<typeof judicialAnswerSchema>;

export function parseAgreementForm(formData: FormData, t: Translate): ParseResult<AgreementFields> {
  return parseForm(agreementSchema, formData, t);
}

export function parseJudicialApplyForm(formData: FormData, t: Translate): ParseResult<JudicialApplyFields> {
  return parseForm(judicialApplySchema, formData, t);
}

export function parseJudicialAnswerForm(formData: FormData, t: Translate): ParseResult<JudicialAnswerFields> {
  return parseForm(judicialAnswerSchema, formData, t);
}
