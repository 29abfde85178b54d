/**
 * The forms of joint sweeps (联合排查): plan one under a pact, add a person of one's own county,
 * record the outcome, or call it off. Messages are i18n keys.
 */
import { z } from "zod";
import { isCalendarDate } from "~/modules/forms/query-fields";
import { OUTCOME_MAX, NOTE_MAX, SCOPE_MAX, SWEEP_KINDS, TITLE_MAX } from "./vocabulary";

const requiredText = (max: number, missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(max, { error: `form.tooLong|max=${max}` });

/** Plan a sweep (/hazards/sweeps/new): the planner names people of their own county. */
export const planSweepSchema = z.object({
  pactId: z
    .string({ error: "hazards.sweep.form.pactRequired" })
    .trim()
    .min(1, { error: "hazards.sweep.form.pactRequired" })
    .transform(Number)
    .refine((v) => Number.isSafeInteger(v) && v > 0, { error: "form.invalidChoice" }),
  kind: z.enum(SWEEP_KINDS, { error: "form.invalidChoice" }),
  title: requiredText(TITLE_MAX, "hazards.sweep.form.titleRequired"),
  scope: requiredText(SCOPE_MAX, "hazards.sweep.form.scopeRequired"),
  plannedOn: z
    .string({ error: "hazards.sweep.form.dateRequired" })
    .trim()
    .min(1, { error: "hazards.sweep.form.dateRequired" })
    .refine(isCalendarDate, { error: "hazards.form.badDate" }),
  participantIds: z
    .array(z.string().trim().min(1).max(64))
    .min(1, { error: "hazards.sweep.form.participantsRequired" })
    .transform((ids) => [...new Set(ids)]),
});
export const PLAN_SWEEP_LISTS = ["participantIds"] as const;
export type PlanSweepInput = z.output<typeof planSweepSchema>;

/** Add one person of the viewer's county to a planned sweep. */
export const sweepParticipantSchema = z.object({
  userId: z
    .string({ error: "hazards.sweep.form.personRequired" })
    .trim()
    .min(1, { error: "hazards.sweep.form.personRequired" })
    .max(64),
});

/** Record what the sweep found (完成排查). */
export const completeSweepSchema = z.object({
  outcome: requiredText(OUTCOME_MAX, "hazards.sweep.form.outcomeRequired"),
});

/** Call the sweep off, with a reason. */
export const cancelSweepSchema = z.object({
  reason: requiredText(NOTE_MAX, "hazards.sweep.form.reasonRequired"),
});
