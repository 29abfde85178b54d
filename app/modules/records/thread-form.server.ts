/**
 * The thread composer's post, shared by every workflow's record page: validates the message,
 * writes it (and its files) through `postThreadEntry`, and says what to show next to the fields.
 */
import { z } from "zod";
import type { Translate } from "~/i18n";
import type { RecordThreadPostResult } from "./thread-types";
import type { RecordRow } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { parseForm } from "~/modules/forms/validation";
import { postThreadEntry } from "./thread.server";

export const threadEntrySchema = z.object({
  body: z
    .string({ error: "thread.bodyRequired" })
    .trim()
    .min(1, { error: "thread.bodyRequired" })
    .max(5000, { error: "form.tooLong|max=5000" }),
  internal: z.string().optional().transform((v) => v === "1"),
});

/** Handles intent `thread` of a record page; the route has read the (possibly multipart) form. */
export async function postFromThreadForm(
  viewer: Viewer,
  record: RecordRow,
  formData: FormData,
  t: Translate,
): Promise<RecordThreadPostResult> {
  const parsed = parseForm(threadEntrySchema, formData, t);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const entryId = postThreadEntry(viewer, record, parsed.data);
  return { ok: true, entryId };
}
