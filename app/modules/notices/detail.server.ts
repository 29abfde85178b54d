/**
 * One notice as its page shows it, loaded through the access policy: a notice the viewer may not
 * see (police-only for a non-police role, another pact, not addressed) answers 404.
 */
import { asc, eq, inArray } from "drizzle-orm";
import { counties, noticeDetails, noticeReceipts, noticeVehicles, pacts, users } from "~db/schema";
import { requireVisibleRecord, type RecordRow } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import type { NoticeStatus } from "./machine";
import { receiptState } from "./signing";
import { noticeStepsForViewer } from "./steps.server";

export function parseNoticeId(raw: string | undefined): number | null {
  if (!raw || !/^[1-9]\d{0,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/** The notice for a route: 404 when malformed, missing, hidden or not a notice. */
export function requireNotice(viewer: Viewer, raw: string | undefined): RecordRow {
  const id = parseNoticeId(raw);
  if (id === null) throw new Response("Not Found", { status: 404 });
  const record = requireVisibleRecord(viewer, id);
  if (record.workflow !== "notice") throw new Response("Not Found", { status: 404 });
  return record;
}

/** Everything the page shows, for a record already loaded through the policy. */
export function describeNotice(viewer: Viewer, record: RecordRow, now = Date.now()) {
  const db = getDb();
  const details = db.select().from(noticeDetails).where(eq(noticeDetails.recordId, record.id)).get();
  if (!details) throw new Response("Not Found", { status: 404 });
  const vehicles = db
    .select({ plate: noticeVehicles.plate, type: noticeVehicles.type, colour: noticeVehicles.colour })
    .from(noticeVehicles)
    .where(eq(noticeVehicles.recordId, record.id))
    .orderBy(asc(noticeVehicles.id))
    .all();
  const receiptRows = db
    .select()
    .from(noticeReceipts)
    .innerJoin(counties, eq(counties.id, noticeReceipts.countyId))
    .where(eq(noticeReceipts.recordId, record.id))
    .orderBy(asc(counties.code))
    .all();
  const userIds = receiptRows.flatMap((r) => [r.notice_receipts.signedBy, r.notice_receipts.resultBy]).filter((u): u is string => !!u);
  const people = userIds.length
    ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [...userIds, record.createdBy])).all()
    : db.select({ id: users.id, name: users.displayName }).from(users).where(eq(users.id, record.createdBy)).all();
  const nameOf = (id: string | null) => (id ? people.find((p) => p.id === id)?.name ?? "" : null);
  const owner = db.select({ name: counties.name }).from(counties).where(eq(counties.id, record.ownerCountyId)).get();
  const pact = record.pactId === null ? null : db.select({ id: pacts.id, title: pacts.title }).from(pacts).where(eq(pacts.id, record.pactId)).get() ?? null;
  const receipts = receiptRows.map(({ notice_receipts: r, counties: c }) => ({
    countyId: r.countyId,
    countyName: c.name,
    signDeadline: r.signDeadline,
    signedBy: nameOf(r.signedBy),
    signedAt: r.signedAt,
    state: receiptState(r, now),
    result: r.result,
    suspectsCaught: r.suspectsCaught,
    itemsRecovered: r.itemsRecovered,
    resultNote: r.resultNote,
    resultAt: r.resultAt,
  }));
  const open = record.status === "sent" || record.status === "in_progress";
  return {
    id: record.id,
    refNo: record.refNo,
    title: record.title,
    summary: record.description,
    placeText: record.placeText,
    status: record.status as NoticeStatus,
    policeOnly: record.policeOnly,
    createdAt: record.createdAt,
    senderName: nameOf(record.createdBy) ?? "",
    ownerCountyName: owner?.name ?? "",
    isSender: record.ownerCountyId === viewer.countyId,
    pact,
    kind: details.kind,
    urgency: details.urgency,
    incidentAt: details.incidentAt,
    crimeCategory: details.crimeCategory,
    suspects: details.suspects,
    property: details.property,
    request: details.request,
    handlingCode: details.handlingCode,
    closedAt: details.closedAt,
    vehicles,
    receipts,
    overdue: open && receipts.some((r) => r.state === "overdue"),
    steps: noticeStepsForViewer(viewer, record),
  };
}

export type NoticeDetail = ReturnType<typeof describeNotice>;
