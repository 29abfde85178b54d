/**
 * The forms of amendments to a pact's terms. The proposal form carries the whole set of terms
 * (filled with those in force); the sign-for deadlines are read only when the terms cover notices.
 */
import { z } from "zod";
import { WORKFLOWS } from "~/modules/access/capabilities";
import { fields } from "~/modules/forms/validation";
import { noticeDeadlineFields } from "~/modules/notices/deadlines.server";
import { optionalDate, REASON_MAX, unique } from "./schemas";

const URGENCIES = ["normal", "urgent", "critical"] as const;

const amendmentId = z.coerce.number({ error: "form.invalid" }).int({ error: "form.invalid" }).positive({ error: "form.invalid" });

/** Propose new terms: workflows, end date, deadlines (with notices), and why. */
export const amendmentProposalSchema = z
  .object({
    workflows: z
      .array(z.enum(WORKFLOWS, { error: "form.invalidChoice" }))
      .min(1, { error: "pacts.form.workflowsRequired" })
      .transform(unique),
    endsOn: optionalDate,
    normal: z.unknown().optional(),
    urgent: z.unknown().optional(),
    critical: z.unknown().optional(),
    note: fields.optionalText(REASON_MAX),
  })
  .superRefine((v, ctx) => {
    if (!v.workflows.includes("notice")) return;
    for (const u of URGENCIES) {
      const parsed = noticeDeadlineFields[u].safeParse(v[u]);
      if (!parsed.success) ctx.addIssue({ code: "custom", path: [u], message: "notices.deadlines.error.minutes" });
    }
  })
  .transform((v) => ({
    workflows: v.workflows,
    endsOn: v.endsOn,
    noticeDeadlines: v.workflows.includes("notice")
      ? { normal: Number(v.normal), urgent: Number(v.urgent), critical: Number(v.critical) }
      : null,
    note: v.note || null,
  }));
export const AMENDMENT_LISTS = ["workflows"] as const;

/** Countersign the open amendment named on the page. */
export const amendmentCountersignSchema = z.object({ amendmentId });

/** Decline it: a reason is required. */
export const amendmentDeclineSchema = z.object({ amendmentId, reason: fields.text(REASON_MAX) });

/** Withdraw it (the proposing county): a reason may be given. */
export const amendmentWithdrawSchema = z.object({ amendmentId, reason: fields.optionalText(REASON_MAX) });
