/**
 * A record's thread as every workflow shows it: events as quiet lines, messages as cards, internal
 * notes marked as internal where they are read, and the composer where they are written.
 */
import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextArea } from "~/components/ui/field";
import { Badge, Card } from "~/components/ui/feedback";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { linkEventText } from "~/components/records/record-links";
import type { LinkedRecord } from "~/modules/records/links.server";
import type { ThreadEntryView } from "~/modules/records/thread.server";
import { AttachmentList, FileField } from "./attachments";

export interface RecordThreadProps {
  entries: ThreadEntryView[];
  /** What the viewer may write. */
  permissions: { message: boolean; internal: boolean };
  /** Workflow words: the label of a status and of a state-machine action. */
  statusLabel: (status: string) => string;
  actionLabel: (action: string) => string;
  /** Errors from the last post, by field (`body`, `files`, …). */
  errors?: Record<string, string | undefined>;
  /** What the last refused post held, to fill the composer again (`body`, `internal`). */
  values?: Record<string, string | string[] | undefined>;
  /** The upload limits to tell the writer (the server enforces its own); default 10 files of 20 MB. */
  attachmentLimits?: { maxFiles: number; maxMb: number };
  /** Records named by link events that the viewer may see (others read "another record"). */
  linkedRecords?: Record<number, LinkedRecord>;
}

function useAuthorLine() {
  const t = useT();
  return (entry: ThreadEntryView) =>
    t("thread.by", {
      name: entry.authorName ?? "—",
      roles: entry.authorRoles.map((r) => t(`role.${r}` as MessageKey)).join("、"),
      county: entry.authorCountyName,
    });
}

function EventLine({
  entry,
  statusLabel,
  actionLabel,
  linkedRecords,
}: { entry: ThreadEntryView } & Pick<RecordThreadProps, "statusLabel" | "actionLabel" | "linkedRecords">) {
  const t = useT();
  const who = entry.authorName ?? "—";
  const text =
    entry.eventAction === "create"
      ? t("thread.event.create", { who })
      : entry.eventAction === "link" || entry.eventAction === "unlink"
        ? linkEventText(t, entry, linkedRecords ?? {})
        : t("thread.event.transition", {
          who,
          action: actionLabel(entry.eventAction ?? ""),
          from: statusLabel(entry.fromStatus ?? ""),
          to: statusLabel(entry.toStatus ?? ""),
        });
  return (
    <li className="flex flex-wrap items-baseline gap-x-2 px-1 text-sm text-slate-600" data-testid="thread-event">
      <span className="text-slate-400">●</span>
      <span>{text}</span>
      <time className="text-xs text-slate-400">{t.dateTime(entry.createdAt)}</time>
      {entry.body ? <p className="basis-full whitespace-pre-wrap pl-4 text-slate-700">{entry.body}</p> : null}
    </li>
  );
}

function MessageCard({ entry }: { entry: ThreadEntryView }) {
  const t = useT();
  const authorLine = useAuthorLine();
  const internal = entry.kind === "internal";
  return (
    <li
      className={`rounded-lg border p-3 ${internal ? "border-amber-300 bg-amber-50" : entry.isOwnCounty ? "border-brand-100 bg-white" : "border-slate-200 bg-slate-50"}`}
      data-testid={internal ? "thread-internal" : "thread-message"}
    >
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <span className="font-medium text-slate-800">{authorLine(entry)}</span>
        <time>{t.dateTime(entry.createdAt)}</time>
        {internal ? <Badge tone="amber">{t("thread.internalBadge")}</Badge> : null}
      </div>
      {entry.body ? <p className="mt-2 whitespace-pre-wrap break-words text-sm text-slate-900">{entry.body}</p> : null}
      <AttachmentList attachments={entry.attachments} />
    </li>
  );
}

export function RecordThread({
  entries,
  permissions,
  statusLabel,
  actionLabel,
  errors,
  values,
  attachmentLimits,
  linkedRecords,
}: RecordThreadProps) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  // A new entry in the thread means the post went through: a fresh (empty) composer.
  const composerKey = entries.at(-1)?.id ?? 0;
  return (
    <Card title={t("thread.title")}>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-500">{t("thread.empty")}</p>
      ) : (
        <ol className="space-y-3">
          {entries.map((entry) =>
            entry.kind === "event" ? (
              <EventLine key={entry.id} entry={entry} statusLabel={statusLabel} actionLabel={actionLabel} linkedRecords={linkedRecords} />
            ) : (
              <MessageCard key={entry.id} entry={entry} />
            ),
          )}
        </ol>
      )}
      {permissions.message ? (
        <Form key={composerKey} method="post" encType="multipart/form-data" className="mt-4 space-y-3 border-t border-slate-200 pt-4">
          <input type="hidden" name="intent" value="thread" />
          <TextArea
            name="body"
            label={t("thread.composer.label")}
            placeholder={t("thread.composer.placeholder")}
            rows={3}
            maxLength={5000}
            defaultValue={typeof values?.body === "string" ? values.body : undefined}
            error={errors?.body}
          />
          <FileField error={errors?.files} limits={attachmentLimits} />
          {permissions.internal ? (
            <label className="flex items-center gap-2 text-sm text-amber-900">
              <input
                type="checkbox"
                name="internal"
                value="1"
                defaultChecked={values?.internal === "1"}
                className="h-4 w-4 rounded border-amber-400"
              />
              {t("thread.composer.internal")}
            </label>
          ) : null}
          <Button disabled={busy}>{t("thread.composer.submit")}</Button>
        </Form>
      ) : (
        <p className="mt-4 border-t border-slate-200 pt-4 text-sm text-slate-500">{t("thread.composer.readOnly")}</p>
      )}
    </Card>
  );
}
