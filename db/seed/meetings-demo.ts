/**
 * Writes the joint-meeting demo (meetings-demo-data.ts) into the seed's transaction with past
 * times: meeting records (reference numbers handed out in the order they were made), details,
 * attendees, agendas linking the pact's latest shared records before each meeting, and for held
 * meetings the minutes and one action-item record per decision, linked to its meeting, with
 * threads that read as the live services would have written them.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Role } from "../../app/modules/access/capabilities";
import { appendAudit } from "../../app/modules/audit/log.server";
import type { Tx } from "../../app/modules/db/connection.server";
import { chinaDateOf, DAY_MS, endOfChinaDay } from "../../app/modules/hazards/deadlines";
import { nextReferenceNumber } from "../../app/modules/records/references.server";
import {
  actionItems, counties, meetingAgendaItems, meetingAttendees, meetingDetails, pacts, recordAddressees, recordLinks, records,
  threadEntries, userRoles, users,
} from "../schema";
import { DEMO_PACTS } from "./demo-data";
import { DEMO_MEETINGS, type DemoDecision, type DemoMeeting } from "./meetings-demo-data";

const HOUR_MS = 3_600_000;

interface Person {
  id: string;
  countyId: number;
  roles: Role[];
}

interface Entry {
  at: number;
  kind: "message" | "event";
  by: string;
  body?: string;
  action?: string;
  from?: string;
  to?: string;
  payload?: Record<string, unknown>;
}

export function meetingStartOf(m: DemoMeeting, now: number): number {
  return Date.parse(`${chinaDateOf(now - m.daysAgo * DAY_MS)}T${m.at}:00+08:00`);
}

/** Scheduled two weeks ahead, but never later than two hours before the seed runs. */
function scheduledAtOf(m: DemoMeeting, now: number): number {
  return Math.min(meetingStartOf(m, now) - 14 * DAY_MS, now - 2 * HOUR_MS);
}

export function seedMeetingDemo(tx: Tx, now: number): { meetings: number; actionItems: number } {
  const countyRows = tx.select({ id: counties.id, shortCode: counties.shortCode, name: counties.name }).from(counties).all();
  const county = (code: string) => countyRows.find((c) => c.shortCode === code)!;
  const people = tx.select({ id: users.id, username: users.username, countyId: users.countyId }).from(users).all();
  const roleRows = tx.select().from(userRoles).all();
  const person = (username: string): Person => {
    const p = people.find((u) => u.username === username);
    if (!p) throw new Error(`meeting demo: no user ${username}`);
    return { id: p.id, countyId: p.countyId, roles: roleRows.filter((r) => r.userId === p.id).map((r) => r.role) };
  };
  const pactIds: Record<string, number> = {};
  for (const p of DEMO_PACTS) {
    const key = p.members.join("-");
    if (key === "XH-TZ" || key === "XH-YP") pactIds[key] = tx.select({ id: pacts.id }).from(pacts).where(eq(pacts.title, p.title)).get()!.id;
  }
  const candidates = tx
    .select({ id: records.id, workflow: records.workflow, pactId: records.pactId, createdAt: records.createdAt })
    .from(records)
    .where(and(inArray(records.pactId, Object.values(pactIds)), inArray(records.workflow, ["hazard", "dispute", "notice"]), eq(records.policeOnly, false)))
    .all();
  const latestBefore = (pactId: number, workflow: string, at: number) =>
    candidates.filter((r) => r.pactId === pactId && r.workflow === workflow && r.createdAt < at).sort((a, b) => b.createdAt - a.createdAt)[0]?.id ?? null;

  const writeThread = (recordId: number, entries: Entry[]) => {
    for (const e of entries.sort((a, b) => a.at - b.at)) {
      if (e.at > now) throw new Error(`meeting demo: an entry of record ${recordId} lies in the future`);
      const author = person(e.by);
      tx.insert(threadEntries)
        .values({
          recordId, kind: e.kind, authorUserId: author.id, authorCountyId: author.countyId, authorRoles: JSON.stringify(author.roles),
          body: e.body ?? "", eventAction: e.action ?? null, fromStatus: e.from ?? null, toStatus: e.to ?? null,
          payload: e.payload ? JSON.stringify(e.payload) : null, createdAt: e.at,
        })
        .run();
    }
  };
  const insertRecord = (values: { owner: string; pactId: number; partner: string; status: string; title: string; description: string; placeText: string; dueAt: number | null; by: string; at: number; updatedAt: number }) => {
    const owner = county(values.owner);
    const { id } = tx
      .insert(records)
      .values({
        ownerCountyId: owner.id, pactId: values.pactId, workflow: "meeting", status: values.status,
        refNo: nextReferenceNumber(tx, owner, "meeting", values.at), title: values.title, description: values.description,
        regionId: null, placeText: values.placeText, policeOnly: false, dueAt: values.dueAt,
        createdBy: person(values.by).id, createdAt: values.at, updatedAt: values.updatedAt,
      })
      .returning({ id: records.id })
      .get();
    tx.insert(recordAddressees).values({ recordId: id, countyId: county(values.partner).id }).run();
    return id;
  };

  let itemCount = 0;
  for (const m of DEMO_MEETINGS) {
    const pactId = pactIds[m.pact];
    const partner = m.pact.split("-").find((c) => c !== m.host)!;
    const startsAt = meetingStartOf(m, now);
    const scheduledAt = scheduledAtOf(m, now);
    const heldAt = m.minutes ? startsAt + 3 * HOUR_MS : null;
    const entries: Entry[] = [{ at: scheduledAt, kind: "event", by: m.by, action: "create", to: "scheduled" }];
    for (const msg of m.messages ?? []) entries.push({ at: Math.min(startsAt - msg.daysBefore * DAY_MS, now - HOUR_MS), kind: "message", by: msg.by, body: msg.body });
    const meetingId = insertRecord({
      owner: m.host, pactId, partner, status: heldAt ? "held" : "scheduled", title: m.title,
      description: m.agenda.map((a, i) => `${i + 1}. ${a.title}`).join("\n"), placeText: m.placeText, dueAt: null, by: m.by,
      at: scheduledAt, updatedAt: heldAt ?? Math.max(...entries.map((e) => e.at)),
    });
    tx.insert(meetingDetails)
      .values({ recordId: meetingId, level: m.level, hostCountyId: county(m.host).id, startsAt, otherAttendees: m.otherAttendees, minutes: m.minutes ?? "", heldAt })
      .run();
    for (const username of m.attendees) {
      const p = person(username);
      tx.insert(meetingAttendees).values({ recordId: meetingId, userId: p.id, countyId: p.countyId }).run();
    }
    m.agenda.forEach((a, position) => {
      const linked = a.link ? latestBefore(pactId, a.link, Math.min(startsAt, now)) : null;
      tx.insert(meetingAgendaItems).values({ recordId: meetingId, position, title: a.title, linkedRecordId: linked }).run();
    });
    const itemIds: number[] = [];
    (m.decisions ?? []).forEach((d, position) => {
      const itemId = writeActionItem(d, position, heldAt!);
      itemIds.push(itemId);
      entries.push({ at: heldAt!, kind: "event", by: m.by, action: "link", payload: { recordId: itemId } });
    });
    if (heldAt) entries.push({ at: heldAt - 1, kind: "event", by: m.by, action: "hold", from: "scheduled", to: "held", payload: { decisions: itemIds.length, actionItemIds: itemIds } });
    writeThread(meetingId, entries);

    function writeActionItem(d: DemoDecision, position: number, at: number): number {
      const deadline = chinaDateOf(at + d.within * DAY_MS);
      const steps: Entry[] = [];
      const responsible = county(d.county);
      const completeAt = (after: number) => startsAt + after * DAY_MS;
      const completion = (step: { after: number; by: string; note: string }): Entry => ({
        at: completeAt(step.after), kind: "event", by: step.by, action: "complete", from: "open", to: "done", body: step.note,
        payload: { countyId: responsible.id, countyName: responsible.name, note: step.note },
      });
      if (d.done) steps.push(completion(d.done));
      if (d.reopened) {
        steps.push({ at: completeAt(d.reopened.after), kind: "event", by: d.reopened.by, action: "reopen", from: "done", to: "open", body: d.reopened.note, payload: { note: d.reopened.note } });
        if (d.reopened.redone) steps.push(completion(d.reopened.redone));
      }
      const last = steps.at(-1);
      const status = last ? last.to! : "open";
      const entries: Entry[] = [
        { at, kind: "event", by: m.by, action: "create", to: "open" },
        { at, kind: "event", by: m.by, action: "link", payload: { recordId: meetingId } },
        ...steps,
        ...(d.messages ?? []).map((msg) => ({ at: completeAt(msg.after), kind: "message" as const, by: msg.by, body: msg.body })),
      ];
      const id = insertRecord({
        owner: m.host, pactId, partner, status, title: d.text.length > 120 ? `${d.text.slice(0, 119)}…` : d.text, description: d.text,
        placeText: "", dueAt: status === "open" ? endOfChinaDay(deadline) : null, by: m.by, at, updatedAt: Math.max(...entries.map((e) => e.at)),
      });
      const doneStep = status === "done" ? last! : null;
      tx.insert(actionItems)
        .values({
          recordId: id, meetingRecordId: meetingId, position, responsibleCountyId: responsible.id, ownerUserId: person(d.owner).id, deadline,
          doneAt: doneStep?.at ?? null, doneBy: doneStep ? person(doneStep.by).id : null,
        })
        .run();
      tx.insert(recordLinks).values({ fromRecordId: meetingId, toRecordId: id, createdBy: person(m.by).id, createdAt: at }).run();
      writeThread(id, entries);
      itemCount++;
      return id;
    }
  }
  appendAudit(tx, { userId: null, name: "system", countyId: null }, {
    action: "system.seed_demo_meetings",
    entityType: "database",
    after: { meetings: DEMO_MEETINGS.length, actionItems: itemCount },
  });
  return { meetings: DEMO_MEETINGS.length, actionItems: itemCount };
}
