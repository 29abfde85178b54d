/**
 * The thread composer's post, shared by every workflow's record page: validates the message and
 * its files, writes both through `postThreadEntry`, and says what to show next to the fields.
 * A refused file refuses the whole post: no entry, no attachment row, no stored file.
 */
import { z } from "zod";
import type { Translate } from "~/i18n";
import type { RecordThreadPostResult } from "./thread-types";
import { assertCan, type RecordRow } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { parseForm } from "~/modules/forms/validation";
import {
  checkUploads,
  discardStaged,
  insertAttachments,
  placeStagedFiles,
  stageFiles,
  uploadedFiles,
  type AcceptedFile,
} from "./attachments.server";
import { postThreadEntry } from "./thread.server";
import { readFormData } from "~/modules/forms/read-form.server";
import { uploadFileLimits } from "~/modules/http/body-limits.server";

export const threadEntrySchema = z.object({
  body: z
    .string({ error: "thread.bodyRequired" })
    .trim()
    .min(1, { error: "thread.bodyRequired" })
    .max(5000, { error: "form.tooLong|max=5000" }),
  internal: z.string().optional().transform((v) => v === "1"),
});

/** With files attached, the message text may be left empty (a photo from the field says enough). */
export const threadEntryWithFilesSchema = threadEntrySchema.extend({
  body: z.string().trim().max(5000, { error: "form.tooLong|max=5000" }).optional().default(""),
});

/**
 * The form of a post that may carry files (a record page's composer, a new report, notice or
 * project): files are written to disk as they arrive, within the upload limits.
 */
export function readRecordPageForm(request: Request): Promise<FormData> {
  return readFormData(request, uploadFileLimits());
}

/** Handles intent `thread` of a record page; the route has read the (possibly multipart) form. */
export async function postFromThreadForm(
  viewer: Viewer,
  record: RecordRow,
  formData: FormData,
  t: Translate,
): Promise<RecordThreadPostResult> {
  assertCan(viewer, record.workflow, "comment");
  const files = uploadedFiles(formData);
  const parsed = parseForm(files.length > 0 ? threadEntryWithFilesSchema : threadEntrySchema, formData, t);
  const check = files.length > 0 ? await checkUploads(files, t) : { ok: true as const, files: [] as AcceptedFile[] };
  if (!parsed.ok || !check.ok) {
    return {
      ok: false,
      errors: { ...(parsed.ok ? {} : parsed.errors), ...(check.ok ? {} : { files: check.error }) },
    };
  }
  if (check.files.length === 0) return { ok: true, entryId: postThreadEntry(viewer, record, parsed.data) };

  const staged = stageFiles(check.files);
  let committed = false;
  try {
    const entryId = postThreadEntry(viewer, record, parsed.data, (tx, newEntryId) => {
      const stored = insertAttachments(tx, viewer, record.id, newEntryId, check.files);
      placeStagedFiles(staged);
      return { attachments: stored };
    });
    committed = true;
    return { ok: true, entryId };
  } finally {
    discardStaged(staged, { placedToo: !committed });
  }
}
