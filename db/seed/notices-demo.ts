/**
 * Writes the case-notice demo (notices-demo-data.ts) into the seed's transaction with its past
 * times: records with reference numbers handed out in the order the notices were sent (so none
 * is skipped), details, vehicles, one receipt per addressed county with its deadline (the pact's
 * setting, else the default), and threads that read as the live services would have written them,
 * every step replayed through the notice machine. The story's video still is a small generated
 * PNG stored where uploads are stored.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";
import { eq } from "drizzle-orm";
import type { Role } from "../../app/modules/access/capabilities";
import { appendAudit } from "../../app/modules/audit/log.server";
import type { Tx } from "../../app/modules/db/connection.server";
import { chinaDateOf, DAY_MS } from "../../app/modules/hazards/deadlines";
import { signDeadlineFor } from "../../app/modules/notices/deadlines.server";
import { NOTICE_MACHINE, type NoticeAction, type NoticeStatus } from "../../app/modules/notices/machine";
import { storedFilePath } from "../../app/modules/records/attachments.server";
import { nextReferenceNumber } from "../../app/modules/records/references.server";
import { transitionFor } from "../../app/modules/records/state-machine";
import {
  attachments, counties, noticeDetails, noticeReceipts, noticeVehicles, pacts, recordAddressees, records, regions,
  threadEntries, userRoles, users,
} from "../schema";
import { DEMO_PACTS } from "./demo-data";
import { moreDemoNotices, MOTORBIKE_STORY, type DemoNotice } from "./notices-demo-data";

export const DEMO_NOTICES: DemoNotice[] = [MOTORBIKE_STORY, ...moreDemoNotices()];

const MINUTE_MS = 60_000;

interface Person {
  id: string;
  countyId: number;
  roles: Role[];
}

interface Entry {
  at: number;
  kind: "message" | "internal" | "event";
  by: string;
  body: string;
  eventAction?: NoticeAction | "create";
  fromStatus?: string | null;
  toStatus?: string | null;
  payload?: Record<string, unknown>;
  png?: string;
}

/** When a demo notice was sent: `daysAgo` Beijing days before today at `at`; "" means three hours ago. */
export function sentAtOf(n: DemoNotice, now: number): number {
  if (n.at === "") return now - 3 * 60 * MINUTE_MS;
  return Date.parse(`${chinaDateOf(now - n.daysAgo * DAY_MS)}T${n.at}:00+08:00`);
}

// ── a small PNG (a grey "video still" with a darker band), built by hand ──
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function videoStillPng(width = 96, height = 64): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0);
    for (let x = 0; x < width; x++) rows.push(y > 40 && y < 52 ? 60 : 120 + ((x * 3 + y * 5) % 60));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.from(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Stores the bytes content-addressed, as uploads are; returns what the attachment row needs. */
function storePng(bytes: Buffer): { sha256: string; size: number } {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const target = storedFilePath(sha256);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes, { mode: 0o640 });
  }
  return { sha256, size: bytes.length };
}

/** The thread of one notice in time order and the state it ends in; throws on a step the machine refuses. */
function timelineOf(n: DemoNotice, sentAt: number, receiverCounty: { id: number; name: string }, deadline: number) {
  const entries: Entry[] = [{ at: sentAt, kind: "event", by: n.by, body: "", eventAction: "create", toStatus: NOTICE_MACHINE.initial }];
  for (const m of n.messages ?? []) {
    entries.push({ at: sentAt + m.after * MINUTE_MS, kind: m.internal ? "internal" : "message", by: m.by, body: m.body, png: m.png });
  }
  const steps: { action: NoticeAction; at: number; by: string; body: string; payload: Record<string, unknown> }[] = [];
  const receiver = { countyId: receiverCounty.id, countyName: receiverCounty.name };
  if (n.sign) {
    const at = sentAt + n.sign.after * MINUTE_MS;
    steps.push({ action: "sign", at, by: n.sign.by, body: "", payload: { ...receiver, late: at > deadline, signDeadline: deadline } });
  }
  if (n.result) {
    const { by, after, ...fields } = n.result;
    steps.push({ action: "report_result", at: sentAt + after * MINUTE_MS, by, body: fields.note, payload: { ...receiver, ...fields } });
  }
  if (n.close) {
    steps.push({ action: n.close.action, at: sentAt + n.close.after * MINUTE_MS, by: n.close.by, body: n.close.note, payload: { note: n.close.note } });
  }
  steps.sort((a, b) => a.at - b.at);
  let status: NoticeStatus = NOTICE_MACHINE.initial;
  for (const step of steps) {
    const move = transitionFor(NOTICE_MACHINE, status, step.action);
    if (!move) throw new Error(`notice demo ${n.key}: no ${step.action} from ${status}`);
    entries.push({ at: step.at, kind: "event", by: step.by, body: step.body, eventAction: step.action, fromStatus: status, toStatus: move.to, payload: step.payload });
    status = move.to;
  }
  entries.sort((a, b) => a.at - b.at);
  return { entries, status };
}

/** Seeds the notice demo into the seed's transaction (after counties, people, regions and pacts). */
export function seedNoticeDemo(tx: Tx, now: number): { notices: number } {
  const countyRows = tx.select({ id: counties.id, shortCode: counties.shortCode, name: counties.name }).from(counties).all();
  const people = tx.select({ id: users.id, username: users.username, countyId: users.countyId }).from(users).all();
  const roleRows = tx.select().from(userRoles).all();
  const county = (code: string) => countyRows.find((c) => c.shortCode === code)!;
  const person = (username: string): Person => {
    const p = people.find((u) => u.username === username);
    if (!p) throw new Error(`notice demo: no user ${username}`);
    return { id: p.id, countyId: p.countyId, roles: roleRows.filter((r) => r.userId === p.id).map((r) => r.role) };
  };
  const xhTz = DEMO_PACTS.find((p) => p.members.join("-") === "XH-TZ")!;
  const pactId = tx.select({ id: pacts.id }).from(pacts).where(eq(pacts.title, xhTz.title)).get()!.id;
  const still = MOTORBIKE_STORY.messages?.some((m) => m.png) ? storePng(videoStillPng()) : null;

  const inOrder = DEMO_NOTICES.map((n) => ({ n, sentAt: sentAtOf(n, now) })).sort((a, b) => a.sentAt - b.sentAt);
  for (const { n, sentAt } of inOrder) {
    const owner = county(n.owner);
    const to = county(n.to);
    const sender = person(n.by);
    if (sender.countyId !== owner.id || !sender.roles.includes("police_liaison")) throw new Error(`notice demo ${n.key}: bad sender`);
    const deadline = signDeadlineFor(tx, pactId, n.urgency, sentAt);
    const { entries, status } = timelineOf(n, sentAt, to, deadline);
    if (entries.at(-1)!.at > now) throw new Error(`notice demo ${n.key}: an entry lies in the future`);
    const final = NOTICE_MACHINE.final.includes(status);
    const signedAt = n.sign ? sentAt + n.sign.after * MINUTE_MS : null;
    const region = n.region ? tx.select({ id: regions.id }).from(regions).where(eq(regions.name, n.region)).get() : undefined;
    const { id } = tx
      .insert(records)
      .values({
        ownerCountyId: owner.id,
        pactId,
        workflow: "notice",
        status,
        refNo: nextReferenceNumber(tx, owner, "notice", sentAt),
        title: `${n.crimeCategory}（${n.placeText}）`,
        description: n.summary,
        regionId: region?.id ?? null,
        placeText: n.placeText,
        policeOnly: n.policeOnly,
        dueAt: final || signedAt !== null ? null : deadline,
        createdBy: sender.id,
        createdAt: sentAt,
        updatedAt: entries.at(-1)!.at,
      })
      .returning({ id: records.id })
      .get();
    tx.insert(recordAddressees).values({ recordId: id, countyId: to.id }).run();
    tx.insert(noticeDetails)
      .values({
        recordId: id,
        kind: n.kind,
        urgency: n.urgency,
        incidentAt: sentAt - n.incidentBefore * MINUTE_MS,
        crimeCategory: n.crimeCategory,
        suspects: n.suspects,
        property: n.property,
        request: n.request,
        handlingCode: n.handlingCode,
        closedAt: final ? entries.at(-1)!.at : null,
      })
      .run();
    for (const v of n.vehicles ?? []) tx.insert(noticeVehicles).values({ recordId: id, ...v }).run();
    tx.insert(noticeReceipts)
      .values({
        recordId: id,
        countyId: to.id,
        signDeadline: deadline,
        signedBy: n.sign ? person(n.sign.by).id : null,
        signedAt,
        result: n.result?.result ?? null,
        suspectsCaught: n.result?.suspectsCaught ?? 0,
        itemsRecovered: n.result?.itemsRecovered ?? 0,
        resultNote: n.result?.note ?? "",
        resultBy: n.result ? person(n.result.by).id : null,
        resultAt: n.result ? sentAt + n.result.after * MINUTE_MS : null,
      })
      .run();
    for (const e of entries) {
      const author = person(e.by);
      const entry = tx
        .insert(threadEntries)
        .values({
          recordId: id,
          kind: e.kind,
          authorUserId: author.id,
          authorCountyId: author.countyId,
          authorRoles: JSON.stringify(author.roles),
          body: e.body,
          eventAction: e.eventAction ?? null,
          fromStatus: e.fromStatus ?? null,
          toStatus: e.toStatus ?? null,
          payload: e.payload ? JSON.stringify(e.payload) : null,
          createdAt: e.at,
        })
        .returning({ id: threadEntries.id })
        .get();
      if (e.png && still) {
        tx.insert(attachments)
          .values({ entryId: entry.id, recordId: id, ...still, mimeType: "image/png", fileName: e.png, uploadedBy: author.id, createdAt: e.at })
          .run();
      }
    }
  }
  appendAudit(tx, { userId: null, name: "system", countyId: null }, {
    action: "system.seed_demo_notices",
    entityType: "database",
    after: { notices: DEMO_NOTICES.length },
  });
  return { notices: DEMO_NOTICES.length };
}
