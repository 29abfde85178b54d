/**
 * The links of a record, on its page: the linked records the viewer may see (both directions),
 * and, for viewers who may write in the record's thread, a form to link another record by its
 * reference number and a button to remove each link. The page's action hands intent `link` /
 * `unlink` to `handleLinkPost` (app/modules/records/links.server.ts).
 */
import { Form, Link, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Badge, Card } from "~/components/ui/feedback";
import type { Translate } from "~/i18n";
import { useT } from "~/i18n/use-t";
import type { LinkedRecord, RecordLinkView } from "~/modules/records/links.server";
import { recordStatusLabel, workflowLabel } from "./labels";

/** For `NoticeAlert` when the record page redirects with `?notice=linked|unlinked`. */
export const LINK_NOTICES = { linked: "links.linked", unlinked: "links.unlinked" } as const;

export interface RecordLinksProps {
  links: RecordLinkView[];
  /** Whether the viewer may link and unlink (the `comment` capability; see `mayLink`). */
  canLink: boolean;
  /** From the last link/unlink post: `refNo` (the link form) or `links` (an unlink). */
  errors?: Record<string, string | undefined>;
  /** The reference number typed last, shown again after an error. */
  refNo?: string;
}

export function RecordLinks({ links, canLink, errors, refNo }: RecordLinksProps) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && ["link", "unlink"].includes(String(navigation.formData?.get("intent")));
  return (
    <Card title={t("links.title")}>
      <div data-testid="record-links">
        {errors?.links ? (
          <p className="mb-2 text-sm text-red-700" role="alert">
            {errors.links}
          </p>
        ) : null}
        {links.length === 0 ? (
          <p className="text-sm text-slate-500">{t("links.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {links.map((link) => (
              <li key={link.id} className="flex flex-wrap items-center gap-2 py-2" data-testid="record-link">
                <Link to={link.path} className="min-w-0 flex-1 text-sm hover:underline">
                  <span className="font-mono text-slate-600">{link.refNo}</span>{" "}
                  <span className="break-words font-medium text-slate-900">{link.title}</span>
                </Link>
                <Badge tone="blue">{workflowLabel(t, link.workflow)}</Badge>
                <Badge>{recordStatusLabel(t, link.workflow, link.status)}</Badge>
                {canLink ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="unlink" />
                    <input type="hidden" name="recordId" value={link.id} />
                    <Button variant="secondary" disabled={busy} aria-label={t("links.unlinkLabel", { refNo: link.refNo })}>
                      {t("links.unlink")}
                    </Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {canLink ? (
          <Form method="post" className="mt-3 flex flex-col gap-2 border-t border-slate-200 pt-3 sm:flex-row sm:items-start">
            <input type="hidden" name="intent" value="link" />
            <div className="flex-1">
              <TextField
                name="refNo"
                id="link-refNo"
                label={t("links.refNo.label")}
                placeholder={t("links.refNo.placeholder")}
                hint={t("links.refNo.hint")}
                defaultValue={refNo ?? ""}
                error={errors?.refNo}
                maxLength={40}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
              />
            </div>
            <Button disabled={busy} className="sm:mt-6">
              {t("links.submit")}
            </Button>
          </Form>
        ) : null}
      </div>
    </Card>
  );
}

/**
 * How a thread names the other side of a link event: "XH-YH-2026-0001 title" when the viewer may
 * see it (`visibleRecordsById`), else "another record". For the thread's event line.
 */
export function linkEventText(
  t: Translate,
  event: { eventAction: string | null; payload: Record<string, unknown> | null; authorName: string | null },
  visible: ReadonlyMap<number, LinkedRecord> | Record<number, LinkedRecord>,
): string {
  const id = Number(event.payload?.recordId);
  const other = visible instanceof Map ? visible.get(id) : (visible as Record<number, LinkedRecord>)[id];
  const record = other ? `${other.refNo} ${other.title}` : t("links.event.hiddenRecord");
  return t(event.eventAction === "unlink" ? "links.event.unlink" : "links.event.link", { who: event.authorName ?? "—", record });
}
