/**
 * Files in a thread: the composer's file field (camera or files on a phone) and, under each
 * entry, images as thumbnails and other files as links with their size. Every file goes through
 * the download route, which checks the access policy again.
 */
import { FieldShell } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import { ACCEPT_ATTRIBUTE, DEFAULT_ATTACHMENT_MAX_MB, isImageMime, MAX_FILES_PER_ENTRY } from "~/modules/records/file-types";
import type { ThreadAttachment } from "~/modules/records/thread.server";

/** The download route of an attachment; `inline` shows images and PDF in the browser. */
export function attachmentHref(id: number, inline = false): string {
  return `/files/${id}${inline ? "?inline=1" : ""}`;
}

/** 800 B, 12 KB, 3.4 MB */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const DEFAULT_LIMITS = { maxFiles: MAX_FILES_PER_ENTRY, maxMb: DEFAULT_ATTACHMENT_MAX_MB };

export function FileField({ error, limits = DEFAULT_LIMITS }: { error?: string; limits?: { maxFiles: number; maxMb: number } }) {
  const t = useT();
  return (
    <FieldShell id="f-files" label={t("thread.files.label")} error={error} hint={t("thread.files.hint", limits)}>
      <input
        id="f-files"
        name="files"
        type="file"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "f-files-error" : undefined}
        className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-4 file:py-2 file:text-sm file:font-medium file:text-brand-800 hover:file:bg-brand-100"
      />
    </FieldShell>
  );
}

export function AttachmentList({ attachments }: { attachments: ThreadAttachment[] }) {
  const t = useT();
  if (attachments.length === 0) return null;
  const images = attachments.filter((a) => isImageMime(a.mimeType));
  const others = attachments.filter((a) => !isImageMime(a.mimeType));
  return (
    <div className="mt-2 space-y-2" aria-label={t("thread.files.list")} data-testid="thread-attachments">
      {images.length > 0 ? (
        <ul className="flex flex-wrap gap-2">
          {images.map((a) => (
            <li key={a.id}>
              <a href={attachmentHref(a.id, true)} target="_blank" rel="noopener" title={a.fileName} aria-label={t("thread.files.open", { name: a.fileName })}>
                <img
                  src={attachmentHref(a.id, true)}
                  alt={a.fileName}
                  loading="lazy"
                  className="h-24 w-24 rounded-md border border-slate-200 bg-slate-100 object-cover sm:h-28 sm:w-28"
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {others.length > 0 ? (
        <ul className="space-y-1">
          {others.map((a) => {
            const size = formatFileSize(a.size);
            const pdf = a.mimeType === "application/pdf";
            return (
              <li key={a.id}>
                <a
                  href={attachmentHref(a.id, pdf)}
                  {...(pdf ? { target: "_blank", rel: "noopener" } : { download: a.fileName })}
                  aria-label={t("thread.files.download", { name: a.fileName, size })}
                  className="inline-flex max-w-full items-center gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-brand-700 hover:bg-slate-50"
                >
                  <svg aria-hidden="true" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" className="h-4 w-4 shrink-0">
                    <path d="M13.5 6.5 7.8 12.2a1.6 1.6 0 0 0 2.3 2.3l6-6a3.2 3.2 0 0 0-4.5-4.5l-6.2 6.2a4.8 4.8 0 0 0 6.8 6.8l5.3-5.3" strokeLinecap="round" strokeLinejoin="round" />
                  </svg>
                  <span className="truncate">{a.fileName}</span>
                  <span className="shrink-0 text-xs text-slate-500">{size}</span>
                </a>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
