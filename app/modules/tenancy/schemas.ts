/**
 * The county administrator's forms: users, regions and the audit filter. Messages are i18n keys
 * (see `parseForm`); each schema is used by the route's action and describes the form it renders.
 */
import { z } from "zod";
import { isCalendarDate } from "~/modules/forms/query-fields";
import { fields } from "~/modules/forms/validation";
import { ROLES } from "~/modules/access/capabilities";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "~/modules/auth/password-rules";
import { REFUSAL_FILTERS } from "~/modules/audit/refusal-filters";

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,32}$/;

/** Fields that post one value per ticked checkbox. */
export const USER_LIST_FIELDS = ["roles"] as const;

/** 3–32 lowercase letters, digits, dot, dash, underscore; typed capitals are lowered. */
const username = z
  .string({ error: "form.required" })
  .trim()
  .toLowerCase()
  .min(1, { error: "form.required" })
  .regex(USERNAME_PATTERN, { error: "admin.users.usernameFormat" });

const phone = fields
  .optionalText(20)
  .refine((v) => /^[0-9-]*$/.test(v), { error: "admin.users.phoneFormat" });

const roles = z
  .array(z.enum(ROLES, { error: "form.invalidChoice" }), { error: "admin.users.rolesRequired" })
  .min(1, { error: "admin.users.rolesRequired" })
  .transform((list) => ROLES.filter((r) => list.includes(r)));

const password = z
  .string({ error: "form.required" })
  .min(1, { error: "form.required" })
  .min(MIN_PASSWORD_LENGTH, { error: `password.tooShort|min=${MIN_PASSWORD_LENGTH}` })
  .max(MAX_PASSWORD_LENGTH, { error: `form.tooLong|max=${MAX_PASSWORD_LENGTH}` });

/** Name, title, phone and roles: the part of a user an administrator edits. */
export const userProfileSchema = z.object({
  displayName: fields.text(32),
  title: fields.text(64),
  phone,
  roles,
});

/**
 * One's own profile: the role boxes are locked and post nothing; roles posted anyway are passed
 * on, and the service refuses them if they differ from the account's.
 */
export const ownProfileSchema = userProfileSchema.extend({
  roles: z
    .array(z.enum(ROLES, { error: "form.invalidChoice" }))
    .transform((list) => ROLES.filter((r) => list.includes(r))),
});

export const newUserSchema = userProfileSchema.extend({
  username,
  password,
});

export const resetPasswordSchema = z
  .object({
    password,
    confirm: z.string({ error: "form.required" }).min(1, { error: "form.required" }),
  })
  .refine((v) => v.password === v.confirm, { error: "password.mismatch", path: ["confirm"] });

/** An unticked checkbox posts nothing; a ticked one posts its value (default "on"). */
const checkbox = z
  .string()
  .optional()
  .transform((v) => v !== undefined && v !== "");

export const regionCreateSchema = z.object({
  name: fields.text(64),
  /** Empty: a township/street at the top of the county. */
  parentId: z
    .string()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .refine((v) => v === null || (Number.isSafeInteger(v) && v > 0), { error: "form.invalidChoice" }),
  isBorder: checkbox,
});

export const regionUpdateSchema = z.object({
  name: fields.text(64),
  isBorder: checkbox,
});

const isoDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined)
  .refine((v) => v === undefined || isCalendarDate(v), { error: "admin.audit.dateInvalid" });

/** The audit page's query string: all optional; a date is a calendar day in Beijing. */
export const auditFilterSchema = z
  .object({
    action: z.string().trim().max(64).optional().transform((v) => v || undefined),
    q: z.string().trim().max(64).optional().transform((v) => v || undefined),
    /** Refusals only: all, the county's own users', or other counties' attempts on its data. */
    refusals: z.enum(REFUSAL_FILTERS).optional().catch(undefined),
    from: isoDate,
    to: isoDate,
    page: z
      .string()
      .optional()
      .transform((v) => {
        const n = Number(v);
        return Number.isSafeInteger(n) && n > 0 ? n : 1;
      }),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { error: "admin.audit.rangeInvalid", path: ["to"] });

const DAY_MS = 86_400_000;

/** Midnight at the start of a calendar day in Beijing (UTC+8, no daylight saving), in ms. */
export function startOfChinaDay(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00+08:00`);
}

/** The half-open interval [from, to) of the days `from`…`to` in Beijing. */
export function chinaDayRange(from?: string, to?: string): { from?: number; to?: number } {
  return {
    from: from ? startOfChinaDay(from) : undefined,
    to: to ? startOfChinaDay(to) + DAY_MS : undefined,
  };
}
