/**
 * The part every record page shares below its facts: the links panel and the thread, fed by the
 * loader's `recordDiscussion(...)` (spread into its data) and by the action's answer to a `link`,
 * `unlink` or `thread` post.
 */
import type { ComponentProps } from "react";
import { RecordThread } from "~/components/thread/record-thread";
import { RecordLinks } from "./record-links";

type ThreadProps = ComponentProps<typeof RecordThread>;
type LinksProps = ComponentProps<typeof RecordLinks>;

/** What recordDiscussion() puts into a record page's loader data. */
export interface Discussion {
  entries: ThreadProps["entries"];
  permissions: ThreadProps["permissions"];
  attachmentLimits?: ThreadProps["attachmentLimits"];
  linkedRecords?: ThreadProps["linkedRecords"];
  links: LinksProps["links"];
  canLink: LinksProps["canLink"];
}

interface Answer {
  errors?: Record<string, string | undefined>;
  values?: Record<string, unknown>;
}

export function DiscussionLinks({ discussion, answer }: { discussion: Discussion; answer?: Answer }) {
  const refNo = answer?.values?.refNo;
  return (
    <RecordLinks
      links={discussion.links}
      canLink={discussion.canLink}
      errors={answer?.errors}
      refNo={typeof refNo === "string" ? refNo : undefined}
    />
  );
}

export function DiscussionThread({
  discussion,
  labels,
  answer,
}: {
  discussion: Discussion;
  labels: Pick<ThreadProps, "statusLabel" | "actionLabel">;
  answer?: Answer;
}) {
  return (
    <RecordThread
      entries={discussion.entries}
      permissions={discussion.permissions}
      statusLabel={labels.statusLabel}
      actionLabel={labels.actionLabel}
      errors={answer?.errors}
      values={answer?.values as ThreadProps["values"]}
      attachmentLimits={discussion.attachmentLimits}
      linkedRecords={discussion.linkedRecords}
    />
  );
}
