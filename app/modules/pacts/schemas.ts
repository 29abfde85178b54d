/**
 * The forms of pacts and joint bodies. Messages are i18n keys (see app/i18n/zh-CN/pacts.ts);
 * `parseForm` turns them into text. The list fields must be passed to `parseForm` as lists.
 */
import { z } from "zod";
import { isCalendarDate } from "~/modules/forms/query-fields";
import { WORKFLOWS } from "~/modules/access/capabilities";
import { fields } from "~/modules/forms/validation";

export const ARTICLES_MAX = 20000;
export const REASON_MAX = 1000;
export const DUTY_MAX = 20;

const requiredDate = z
  .string({ error: "form.required" })
  .trim()
  .min(1, { error: "form.required" })
  .refine(isCalendarDate, { error: "pacts.form.badDate" });

export const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || isCalendarDate(v), { error: "pacts.form.badDate" });

export const unique = <T,>(values: T[]) => [...new Set(values)];

/** Ticked user ids; at least one. */
const userIds = (emptyMessage: string) =>
  z.array(z.string().trim().min(1).max(64)).min(1, { error: emptyMessage }).transform(unique);

const proposalFields = z.object({
  title: fields.text(200),
  partnerCountyIds: z
    .array(z.coerce.number({ error: "form.invalidChoice" }).int({ error: "form.invalidChoice" }).positive({ error: "form.invalidChoice" }))
    .min(1, { error: "pacts.form.partnersRequired" })
    .transform(unique),
  workflows: z
    .array(z.enum(WORKFLOWS, { error: "form.invalidChoice" }))
    .min(1, { error: "pacts.form.workflowsRequired" })
    .transform(unique),
  startsOn: requiredDate,
  endsOn: optionalDate,
  articles: fields.text(ARTICLES_MAX),
  liaisonIds: userIds("pacts.form.liaisonsRequired"),
});

/** Propose a pact (/pacts/new). */
export const proposalSchema = proposalFields.refine((v) => v.endsOn === null || v.endsOn > v.startsOn, {
  path: ["endsOn"],
  error: "pacts.form.endsBeforeStart",
  // Checked as soon as both dates are valid, even while other fields still need fixing.
  when: (payload) => proposalFields.pick({ startsOn: true, endsOn: true }).safeParse(payload.value).success,
});
export const PROPOSAL_LISTS = ["partnerCountyIds", "workflows", "liaisonIds"] as const;
export type ProposalInput = z.output<typeof proposalSchema>;

/** Countersign: the signing county names its liaison persons. */
export const countersignSchema = z.object({ liaisonIds: userIds("pacts.form.liaisonsRequired") });
export const COUNTERSIGN_LISTS = ["liaisonIds"] as const;

/** Suspend, terminate or withdraw: a reason is required. */
export const reasonSchema = z.object({ reason: fields.text(REASON_MAX) });

/** Decline: a reason may be given. */
export const declineSchema = z.object({ reason: fields.optionalText(REASON_MAX) });

/** Ask the suspending county to resume: a message may be given. */
export const resumeRequestSchema = declineSchema;

export const BODY_KINDS = ["mediation_committee", "patrol_team"] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export const BODY_LEVELS = ["township", "village"] as const;
export type BodyLevel = (typeof BODY_LEVELS)[number];

/** The duty of ticked member `userId` is posted as `duty.<userId>`. */
export const dutyField = (userId: string) => `duty.${userId}`;

/** Form a joint body: kind, level (committees), name, members from the viewer's county with duties. */
export const jointBodySchema = z
  .looseObject({
    kind: fields.choice(BODY_KINDS),
    level: z.string().optional(),
    name: fields.text(100),
    memberIds: userIds("pacts.form.membersRequired"),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "mediation_committee" && !(BODY_LEVELS as readonly string[]).includes(v.level ?? "")) {
      ctx.addIssue({ code: "custom", path: ["level"], message: "pacts.form.levelRequired" });
    }
    for (const id of v.memberIds) {
      const duty = v[dutyField(id)];
      if (typeof duty === "string" && duty.trim().length > DUTY_MAX) {
        ctx.addIssue({ code: "custom", path: [dutyField(id)], message: `form.tooLong|max=${DUTY_MAX}` });
      }
    }
  })
  .transform((v) => ({
    kind: v.kind,
    level: v.kind === "mediation_committee" ? (v.level as BodyLevel) : null,
    name: v.name,
    members: v.memberIds.map((userId) => {
      const duty = v[dutyField(userId)];
      return { userId, duty: typeof duty === "string" ? duty.trim() : "" };
    }),
  }));
export const JOINT_BODY_LISTS = ["memberIds"] as const;
export type JointBodyInput = z.output<typeof jointBodySchema>;

/** Add one person of the viewer's county to a body. */
export const bodyMemberSchema = z.object({
  userId: z.string({ error: "pacts.form.memberRequired" }).trim().min(1, { error: "pacts.form.memberRequired" }).max(64),
  duty: fields.optionalText(DUTY_MAX),
});
export type BodyMemberInput = z.output<typeof bodyMemberSchema>;

/** Take one person off a body. */
export const removeMemberSchema = z.object({ userId: z.string().trim().min(1).max(64) });
