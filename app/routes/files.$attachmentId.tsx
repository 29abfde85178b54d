/**
 * Downloading a thread attachment. The file's record must pass the access policy and its entry
 * must be readable (another county's internal note is not); otherwise the same 404 as an id that
 * does not exist. A resource route: no page, just the file.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/require-user.server";
import { attachmentResponse, requireVisibleAttachment } from "~/modules/records/attachments.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const attachment = requireVisibleAttachment(viewer, params.attachmentId);
  return attachmentResponse(attachment, request);
}
