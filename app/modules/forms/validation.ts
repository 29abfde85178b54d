import { z } from "zod";
import { DICTIONARIES, DEFAULT_LOCALE, type MessageKey, type Translate } from "~/i18n";

/**
 * Forms are validated by one zod schema used on server and client. Schemas carry message keys
 * (optionally `key|name=value` for parameters); `parseForm` turns them into text in the
 * viewer's language, one message per field.
 */
export type FieldErrors = Record<string, string>;

export type ParseResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; values: Record<string, string | string[]> };

/** FormData as a plain object; fields named in `lists` keep every value as an array. */
export function formValues(formData: FormData, lists: readonly string[] = []) {
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    if (lists.includes(name)) {
      values[name] = [...((values[name] as string[] | undefined) ?? []), value];
    } else if (!(name in values)) {
      values[name] = value;
    }
  }
  for (const name of lists) values[name] ??= [];
  return values;
}

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(DICTIONARIES[DEFAULT_LOCALE], key);
}

/** What a zod issue without a message key of its own means, for the viewer (never zod's English). */
export interface IssueHint {
  missing?: boolean;
  max?: number;
}

export function translateIssue(message: string, t: Translate, hint: IssueHint = {}): string {
  const [key, ...pairs] = message.split("|");
  if (!isMessageKey(key)) {
    if (hint.missing) return t("form.required");
    if (hint.max !== undefined) return t("form.tooLong", { max: hint.max });
    return t("form.invalid");
  }
  const params = Object.fromEntries(pairs.map((p) => p.split("=") as [string, string]));
  return t(key as MessageKey, params);
}

export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  t: Translate,
  lists: readonly string[] = [],
): ParseResult<z.output<S>> {
  const values = formValues(formData, lists);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    const max = issue.code === "too_big" && typeof issue.maximum === "number" ? issue.maximum : undefined;
    errors[field] ??= translateIssue(issue.message, t, { missing: values[field] === undefined, max });
  }
  return { ok: false, errors, values };
}

/** Building blocks with messages as keys. */
export const fields = {
  /** Trimmed text, required, at most `max` characters. */
  text: (max: number) =>
    z
      .string({ error: "form.required" })
      .trim()
      .min(1, { error: "form.required" })
      .max(max, { error: `form.tooLong|max=${max}` }),
  /** Trimmed text that may be empty. */
  optionalText: (max: number) =>
    z
      .string()
      .trim()
      .max(max, { error: `form.tooLong|max=${max}` })
      .optional()
      .default(""),
  choice: <const T extends readonly [string, ...string[]]>(values: T) =>
    z.enum(values, { error: "form.invalidChoice" }),
};
