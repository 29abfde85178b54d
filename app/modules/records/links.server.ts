/**
 * Links between records (e.g. the patrol finding that opened a hazard). A link is made or removed
 * by someone who sees both records and may write in the first one's thread; it is shown only to
 * viewers who may see both, on either side.
 *
 * Each side's thread gets an event. The event on one record is read by everyone who sees that
 * record, who may not see the other one, so it carries only the other record's id
 * (`{ recordId }`); a page names the other record only through `visibleRecordsById`.
 */
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import { recordLinks, records } from "~db/schema";
import type { Translate } from "~/i18n";
import { can, type Workflow } from "~/modules/access/capabilities";
import { denial, findVisibleRecord, visibleRecordsFilter, type RecordRow } from "~/modules/access/policy.server";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, writeTransaction, type Tx } from "~/modules/db/connection.server";
import { parseForm } from "~/modules/forms/validation";
import { actorOf } from "~/modules/tenancy/users.server";
import { appendThreadEvent } from "./thread.server";
import { recordPath } from "./workflows";

export type LinkRefusal = "notFound" | "forbidden" | "self" | "duplicate" | "gone";
export type LinkResult = { ok: true } | { ok: false; reason: LinkRefusal };

/** What a record page shows of a linked record (or of the other side of a link event). */
export interface LinkedRecord {
  id: number;
  refNo: string;
  title: string;
  workflow: Workflow;
  status: string;
  path: string;
}

export interface RecordLinkView extends LinkedRecord {
  /** "to": this record links to it; "from": it links to this record. */
  direction: "to" | "from";
  linkedAt: number;
}

/** Whether the viewer may link this record to others (and remove its links). */
export function mayLink(viewer: Viewer, record: Pick<RecordRow, "workflow">): boolean {
  return can(viewer.roles, record.workflow, "comment");
}

/** The record with this reference number, if the viewer may see it; else null (missing or hidden alike). */
export function findVisibleRecordByRef(viewer: Viewer, refNo: string): RecordRow | null {
  return getDb().select().from(records).where(and(eq(records.refNo, refNo), visibleRecordsFilter(viewer))).get() ?? null;
}

type Checked =
  | { ok: true; from: RecordRow; to: RecordRow }
  | { ok: false; reason: "notFound" | "forbidden"; missing: number[]; from: RecordRow | null };

/**
 * Both records through the policy, and the viewer's right to write in the first one. Read inside
 * the write transaction, so a pact suspended meanwhile cannot slip through.
 */
function checkBoth(viewer: Viewer, fromId: number, toId: number): Checked {
  const from = findVisibleRecord(viewer, fromId);
  const to = findVisibleRecord(viewer, toId);
  if (!from || !to) {
    const missing = [...(from ? [] : [fromId]), ...(to ? [] : [toId])];
    return { ok: false, reason: "notFound", missing, from };
  }
  if (!mayLink(viewer, from)) return { ok: false, reason: "forbidden", missing: [], from };
  return { ok: true, from, to };
}

/**
 * Audits a refusal, after the transaction (denials are written in one of their own). A missing
 * and a hidden record leave the same trace.
 */
function auditRefusal(viewer: Viewer, checked: Checked, attempted: string): LinkResult {
  if (checked.ok) return { ok: true };
  for (const id of checked.missing) denial(viewer, "record", Number.isSafeInteger(id) ? id : null, attempted);
  if (checked.reason === "forbidden" && checked.from) denial(viewer, checked.from.workflow, checked.from.id, attempted);
  return { ok: false, reason: checked.reason };
}

/** The link between the two records, in whichever direction it was made. */
function linkBetween(tx: Tx, a: number, b: number) {
  return tx
    .select()
    .from(recordLinks)
    .where(
      or(
        and(eq(recordLinks.fromRecordId, a), eq(recordLinks.toRecordId, b)),
        and(eq(recordLinks.fromRecordId, b), eq(recordLinks.toRecordId, a)),
      ),
    )
    .get();
}

/** Writes the event on both threads, touches both records and audits, in the caller's transaction. */
function recordLinkChange(tx: Tx, viewer: Viewer, action: "link" | "unlink", from: RecordRow, to: RecordRow) {
  const now = Date.now();
  appendThreadEvent(tx, viewer, from.id, { action, payload: { recordId: to.id } });
  appendThreadEvent(tx, viewer, to.id, { action, payload: { recordId: from.id } });
  tx.update(records).set({ updatedAt: now }).where(inArray(records.id, [from.id, to.id])).run();
  const link = { linkedRecordId: to.id, linkedRefNo: to.refNo, linkedWorkflow: to.workflow };
  appendAudit(tx, actorOf(viewer), {
    action: `record.${action}`,
    entityType: from.workflow,
    entityId: from.id,
    ...(action === "link" ? { after: link } : { before: link }),
  });
}

type Outcome = { result: LinkResult; refused?: Checked };

/** Runs `change` once both records pass `checkBoth`, in one write transaction; audits a refusal after it. */
function withBoth(
  viewer: Viewer,
  fromId: number,
  toId: number,
  attempted: "link" | "unlink",
  change: (tx: Tx, from: RecordRow, to: RecordRow) => LinkResult,
): LinkResult {
  const outcome = writeTransaction((tx): Outcome => {
    const checked = checkBoth(viewer, fromId, toId);
    if (!checked.ok) return { result: { ok: false, reason: checked.reason }, refused: checked };
    return { result: change(tx, checked.from, checked.to) };
  });
  return outcome.refused ? auditRefusal(viewer, outcome.refused, attempted) : outcome.result;
}

/** Links `fromId` to `toId`: both visible to the viewer, `comment` on the first, not itself, not twice. */
export function linkRecords(viewer: Viewer, fromId: number, toId: number): LinkResult {
  return withBoth(viewer, fromId, toId, "link", (tx, from, to) => {
    if (from.id === to.id) return { ok: false, reason: "self" };
    if (linkBetween(tx, from.id, to.id)) return { ok: false, reason: "duplicate" };
    tx.insert(recordLinks).values({ fromRecordId: from.id, toRecordId: to.id, createdBy: viewer.userId, createdAt: Date.now() }).run();
    recordLinkChange(tx, viewer, "link", from, to);
    return { ok: true };
  });
}

/**
 * Links a record just opened in `tx` back to the record it was opened from (the patrol whose
 * finding opened a hazard), in the same transaction as the opening. The viewer must see the
 * source and may write in its thread; otherwise nothing is linked and the caller refuses the
 * whole post (the source field's message), so no record is left half-made.
 */
export function linkOpenedRecord(tx: Tx, viewer: Viewer, sourceId: number, openedId: number): boolean {
  const source = findVisibleRecord(viewer, sourceId);
  const opened = findVisibleRecord(viewer, openedId);
  if (!source || !opened || source.id === opened.id || !mayLink(viewer, source)) return false;
  tx.insert(recordLinks).values({ fromRecordId: source.id, toRecordId: opened.id, createdBy: viewer.userId, createdAt: Date.now() }).run();
  recordLinkChange(tx, viewer, "link", source, opened);
  return true;
}

/** Removes the link between the two records (made in either direction); same rules as linking. */
export function unlinkRecords(viewer: Viewer, fromId: number, toId: number): LinkResult {
  return withBoth(viewer, fromId, toId, "unlink", (tx, from, to) => {
    const link = linkBetween(tx, from.id, to.id);
    if (!link) return { ok: false, reason: "gone" };
    tx.delete(recordLinks).where(eq(recordLinks.id, link.id)).run();
    recordLinkChange(tx, viewer, "unlink", from, to);
    return { ok: true };
  });
}

/**
 * The records linked to this one, both directions, oldest link first, that the viewer may see
 * (the policy is in the SQL). Nothing when the viewer may not see the record itself.
 */
export function linksOf(viewer: Viewer, recordId: number): RecordLinkView[] {
  if (!findVisibleRecord(viewer, recordId)) return [];
  const other = sql`case when ${recordLinks.fromRecordId} = ${recordId} then ${recordLinks.toRecordId} else ${recordLinks.fromRecordId} end`;
  return getDb()
    .select({
      id: records.id,
      refNo: records.refNo,
      title: records.title,
      workflow: records.workflow,
      status: records.status,
      fromRecordId: recordLinks.fromRecordId,
      linkedAt: recordLinks.createdAt,
    })
    .from(recordLinks)
    .innerJoin(records, sql`${records.id} = ${other}`)
    .where(and(or(eq(recordLinks.fromRecordId, recordId), eq(recordLinks.toRecordId, recordId)), visibleRecordsFilter(viewer)))
    .orderBy(asc(recordLinks.createdAt), asc(recordLinks.id))
    .all()
    .map(({ fromRecordId, ...r }) => ({ ...r, path: recordPath(r.workflow, r.id), direction: fromRecordId === recordId ? "to" : "from" }));
}

/**
 * The records among `ids` the viewer may see, by id: how a thread names the other side of a link
 * event. An id missing from the map is "another record" to this viewer.
 */
/** The records named by the link events of a thread that the viewer may see, for the event lines. */
export function linkedRecordsIn(
  viewer: Viewer,
  entries: readonly { eventAction: string | null; payload: Record<string, unknown> | null }[],
): Record<number, LinkedRecord> {
  const ids = entries
    .filter((e) => e.eventAction === "link" || e.eventAction === "unlink")
    .map((e) => Number(e.payload?.recordId))
    .filter(Number.isSafeInteger);
  return Object.fromEntries(visibleRecordsById(viewer, ids));
}

export function visibleRecordsById(viewer: Viewer, ids: readonly number[]): Map<number, LinkedRecord> {
  const wanted = [...new Set(ids.filter((id) => Number.isSafeInteger(id)))];
  if (wanted.length === 0) return new Map();
  const rows = getDb()
    .select({ id: records.id, refNo: records.refNo, title: records.title, workflow: records.workflow, status: records.status })
    .from(records)
    .where(and(inArray(records.id, wanted), visibleRecordsFilter(viewer)))
    .all();
  return new Map(rows.map((r) => [r.id, { ...r, path: recordPath(r.workflow, r.id) }]));
}

const linkFormSchema = z.object({
  refNo: z
    .string({ error: "links.refNoRequired" })
    .trim()
    .min(1, { error: "links.refNoRequired" })
    .max(40, { error: "links.notFound" })
    .transform((v) => v.toUpperCase()),
});

const unlinkFormSchema = z.object({
  recordId: z.string().trim().transform(Number).refine(Number.isSafeInteger, { error: "links.gone" }),
});

export type LinkPostResult =
  | { ok: true; intent: "link" | "unlink"; message: string; notice: "linked" | "unlinked" }
  | { ok: false; intent: "link" | "unlink"; errors: Record<string, string>; values?: Record<string, string> };

const REFUSAL_MESSAGES: Record<Exclude<LinkRefusal, "forbidden">, Parameters<Translate>[0]> = {
  notFound: "links.notFound",
  self: "links.self",
  duplicate: "links.duplicate",
  gone: "links.gone",
};

/**
 * The record page's post for intent `link` (field `refNo`) or `unlink` (field `recordId`).
 * `record` is the page's record, already loaded through the policy. A reference number that
 * does not exist and one the viewer may not see get the same message. A viewer whose role may
 * not write in this workflow gets a 403.
 */
export function handleLinkPost(viewer: Viewer, record: RecordRow, formData: FormData, t: Translate): LinkPostResult {
  const intent = formData.get("intent");
  if (intent !== "link" && intent !== "unlink") throw new Response("Bad Request", { status: 400 });
  if (!mayLink(viewer, record)) {
    denial(viewer, record.workflow, record.id, intent);
    throw new Response("Forbidden", { status: 403 });
  }
  if (intent === "link") {
    const parsed = parseForm(linkFormSchema, formData, t);
    if (!parsed.ok) return { ok: false, intent, errors: parsed.errors, values: { refNo: String(parsed.values.refNo ?? "") } };
    const other = findVisibleRecordByRef(viewer, parsed.data.refNo);
    const result: LinkResult = other ? linkRecords(viewer, record.id, other.id) : { ok: false, reason: "notFound" };
    return answer(intent, result, t, "refNo", parsed.data.refNo);
  }
  const parsed = parseForm(unlinkFormSchema, formData, t);
  if (!parsed.ok) return { ok: false, intent, errors: { links: t("links.gone") } };
  const result = unlinkRecords(viewer, record.id, parsed.data.recordId);
  // To this viewer, a link to a record they cannot see does not exist.
  return answer(intent, !result.ok && result.reason === "notFound" ? { ok: false, reason: "gone" } : result, t, "links");
}

function answer(intent: "link" | "unlink", result: LinkResult, t: Translate, field: string, refNo?: string): LinkPostResult {
  if (result.ok) {
    const notice = intent === "link" ? "linked" : "unlinked";
    return { ok: true, intent, notice, message: t(`links.${notice}`) };
  }
  if (result.reason === "forbidden") throw new Response("Forbidden", { status: 403 });
  return { ok: false, intent, errors: { [field]: t(REFUSAL_MESSAGES[result.reason]) }, values: refNo ? { refNo } : undefined };
}
