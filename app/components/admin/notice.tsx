import { useSearchParams } from "@remix-run/react";
import { Alert } from "~/components/ui/feedback";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";

/**
 * The success message after a redirect (`?notice=created`). Only the notices a page names are
 * shown, so the query string cannot put arbitrary text on the page.
 */
export function NoticeAlert({ notices }: { notices: Record<string, MessageKey> }) {
  const t = useT();
  const [params] = useSearchParams();
  const notice = params.get("notice");
  const key = notice && Object.hasOwn(notices, notice) ? notices[notice] : null;
  return key ? (
    <div className="mb-4">
      <Alert tone="success">{t(key)}</Alert>
    </div>
  ) : null;
}

/** "Please correct the marked fields" above a form that came back with errors, plus any form-wide error. */
export function FormErrors({ errors }: { errors?: Record<string, string> }) {
  const t = useT();
  if (!errors || Object.keys(errors).length === 0) return null;
  return <Alert tone="error">{errors._form ?? t("form.fixErrors")}</Alert>;
}
