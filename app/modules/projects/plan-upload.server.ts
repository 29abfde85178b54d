/**
 * The plan document of a proposal: exactly one file, checked by the engine's attachment checks
 * (type by content, extension agreeing, size). Returns the accepted file or the message to show
 * next to the file field.
 */
import type { Translate } from "~/i18n";
import { checkUploads, uploadedFiles, type AcceptedFile } from "~/modules/records/attachments.server";

export type PlanCheck = { ok: true; files: AcceptedFile[] } | { ok: false; error: string };

export async function checkPlanUpload(formData: FormData, t: Translate): Promise<PlanCheck> {
  const files = uploadedFiles(formData, "plan");
  if (files.length === 0) return { ok: false, error: t("projects.form.planRequired") };
  if (files.length > 1) return { ok: false, error: t("projects.form.planOne") };
  return checkUploads(files, t);
}
