/**
 * Writes the project demo (projects-demo-data.ts) into the seed's transaction with its past times:
 * records numbered in the order they were proposed, details, milestones, the plan document (a
 * small generated PDF stored where uploads are stored) as each thread's first message, and
 * threads that read as the live services would have written them, every step replayed through
 * the project machine. due_at follows the same rule as the services.
 */
import { eq } from "drizzle-orm";
import type { Role } from "../../app/modules/access/capabilities";
import { appendAudit } from "../../app/modules/audit/log.server";
import type { Tx } from "../../app/modules/db/connection.server";
import { todayInChina } from "../../app/i18n";
import { encodeContributions } from "../../app/modules/projects/contributions";
import { PROJECT_MACHINE, type ProjectStatus } from "../../app/modules/projects/machine";
import { DAY_MS, projectDueAt } from "../../app/modules/projects/milestones";
import { nextReferenceNumber } from "../../app/modules/records/references.server";
import { transitionFor } from "../../app/modules/records/state-machine";
import {
  attachments, counties, pacts, projectDetails, projectMilestones, recordAddressees, records, threadEntries, userRoles, users,
} from "../schema";
import { DEMO_PACTS } from "./demo-data";
import { DEMO_PROJECTS, type DemoDay, type DemoProject } from "./projects-demo-data";
import { planPdf, storeDemoFile } from "./projects-demo-pdf";

interface Entry {
  at: number;
  kind: "message" | "internal" | "event";
  by: string;
  body: string;
  eventAction?: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  payload?: Record<string, unknown>;
  plan?: boolean;
}

/** The calendar day: a fixed date, or days from the seed's day (Beijing). */
export function dayOf(d: DemoDay, now: number): string {
  return typeof d === "string" ? d : todayInChina(now + d * DAY_MS);
}

/** An instant on a demo day: office hours, `minutes` after 09:00 Beijing time. */
function at(d: DemoDay, now: number, minutes: number): number {
  return Date.parse(`${dayOf(d, now)}T09:00:00+08:00`) + minutes * 60_000;
}

/** The thread in time order, the final status, and when it was completed; throws on a step the machine refuses. */
function timelineOf(p: DemoProject, now: number, milestoneIds: number[], countyNameOf: (username: string) => string) {
  const proposedAt = at(p.proposedOn, now, 30);
  const entries: Entry[] = [
    { at: proposedAt, kind: "event", by: p.by, body: "", eventAction: "create", toStatus: PROJECT_MACHINE.initial },
    { at: proposedAt, kind: "message", by: p.by, body: "项目方案", plan: true },
  ];
  for (const m of p.messages ?? []) entries.push({ at: at(m.on, now, 240), kind: m.internal ? "internal" : "message", by: m.by, body: m.body });
  const moves: Entry[] = p.steps.map((s) => ({ at: at(s.on, now, 60), kind: "event", by: s.by, body: s.note, eventAction: s.action, payload: { note: s.note } }));
  p.milestones.forEach((m, i) => {
    if (!m.done) return;
    const doneOn = dayOf(m.done.on, now);
    moves.push({
      at: at(m.done.on, now, 120), kind: "event", by: m.done.by, body: m.done.note ? `${m.title}：${m.done.note}` : m.title, eventAction: "milestone_done",
      payload: { milestoneId: milestoneIds[i], title: m.title, dueOn: dayOf(m.due, now), doneOn, countyName: countyNameOf(m.done.by) },
    });
  });
  moves.sort((a, b) => a.at - b.at);
  let status: ProjectStatus = PROJECT_MACHINE.initial;
  let completedAt: number | null = null;
  for (const move of moves) {
    if (move.eventAction === "milestone_done") {
      if (status !== "active" && status !== "proposed") throw new Error(`project demo ${p.key}: a milestone done while ${status}`);
      entries.push({ ...move, fromStatus: status, toStatus: status });
      continue;
    }
    const step = transitionFor(PROJECT_MACHINE, status, move.eventAction!);
    if (!step) throw new Error(`project demo ${p.key}: no ${move.eventAction} from ${status}`);
    entries.push({ ...move, fromStatus: status, toStatus: step.to });
    status = step.to;
    if (status === "completed") completedAt = move.at;
  }
  entries.sort((a, b) => a.at - b.at);
  if (entries.at(-1)!.at > now) throw new Error(`project demo ${p.key}: an entry lies in the future`);
  return { entries, status, completedAt, proposedAt };
}

/** Seeds the project demo into the seed's transaction (after counties, people and pacts). */
export function seedProjectDemo(tx: Tx, now: number): { projects: number } {
  const countyRows = tx.select({ id: counties.id, shortCode: counties.shortCode, name: counties.name }).from(counties).all();
  const people = tx.select({ id: users.id, username: users.username, countyId: users.countyId }).from(users).all();
  const roleRows = tx.select().from(userRoles).all();
  const county = (code: string) => countyRows.find((c) => c.shortCode === code)!;
  const person = (username: string) => {
    const p = people.find((u) => u.username === username);
    if (!p) throw new Error(`project demo: no user ${username}`);
    return { id: p.id, countyId: p.countyId, roles: roleRows.filter((r) => r.userId === p.id).map((r) => r.role) as Role[] };
  };
  const xhTz = DEMO_PACTS.find((p) => p.members.join("-") === "XH-TZ")!;
  const pactId = tx.select({ id: pacts.id }).from(pacts).where(eq(pacts.title, xhTz.title)).get()!.id;

  const inOrder = [...DEMO_PROJECTS].sort((a, b) => at(a.proposedOn, now, 30) - at(b.proposedOn, now, 30));
  for (const p of inOrder) {
    const owner = county(p.owner);
    const partner = county(p.partner);
    const proposer = person(p.by);
    if (proposer.countyId !== owner.id || !proposer.roles.includes("pl_staff")) throw new Error(`project demo ${p.key}: bad proposer`);
    const proposedAt = at(p.proposedOn, now, 30);
    const { id } = tx
      .insert(records)
      .values({
        ownerCountyId: owner.id, pactId, workflow: "project", status: PROJECT_MACHINE.initial,
        refNo: nextReferenceNumber(tx, owner, "project", proposedAt), title: p.title, description: p.description,
        createdBy: proposer.id, createdAt: proposedAt, updatedAt: proposedAt,
      })
      .returning({ id: records.id })
      .get();
    tx.insert(recordAddressees).values({ recordId: id, countyId: partner.id }).run();
    const milestones = p.milestones.map((m, position) => ({
      recordId: id, position, title: m.title, dueOn: dayOf(m.due, now), responsibleCountyId: county(m.county).id,
      doneOn: m.done ? dayOf(m.done.on, now) : null, doneBy: m.done ? person(m.done.by).id : null, note: m.done?.note ?? "",
    }));
    const milestoneIds = tx.insert(projectMilestones).values(milestones).returning({ id: projectMilestones.id }).all().map((r) => r.id);
    const { entries, status, completedAt } = timelineOf(p, now, milestoneIds, (username) => countyRows.find((c) => c.id === person(username).countyId)!.name);
    const contributions = Object.fromEntries(Object.entries(p.contributions).map(([code, words]) => [String(county(code).id), words ?? ""]));
    tx.insert(projectDetails)
      .values({
        recordId: id, field: p.field, startsOn: dayOf(p.term[0], now), endsOn: dayOf(p.term[1], now), budget: p.budget,
        contributions: encodeContributions(contributions, [owner.id, partner.id]), completedAt,
      })
      .run();
    tx.update(records)
      .set({ status, dueAt: projectDueAt(status, milestones), updatedAt: entries.at(-1)!.at })
      .where(eq(records.id, id))
      .run();
    const file = storeDemoFile(planPdf(p.plan.lines));
    for (const e of entries) {
      const author = person(e.by);
      const entry = tx
        .insert(threadEntries)
        .values({
          recordId: id, kind: e.kind, authorUserId: author.id, authorCountyId: author.countyId, authorRoles: JSON.stringify(author.roles),
          body: e.body, eventAction: e.eventAction ?? null, fromStatus: e.fromStatus ?? null, toStatus: e.toStatus ?? null,
          payload: e.payload ? JSON.stringify(e.payload) : null, createdAt: e.at,
        })
        .returning({ id: threadEntries.id })
        .get();
      if (e.plan) {
        tx.insert(attachments)
          .values({ entryId: entry.id, recordId: id, ...file, mimeType: "application/pdf", fileName: p.plan.fileName, uploadedBy: author.id, createdAt: e.at })
          .run();
      }
    }
  }
  appendAudit(tx, { userId: null, name: "system", countyId: null }, {
    action: "system.seed_demo_projects",
    entityType: "database",
    after: { projects: DEMO_PROJECTS.length },
  });
  return { projects: DEMO_PROJECTS.length };
}
