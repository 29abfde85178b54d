/**
 * One project as its page shows it, loaded through the access policy: a project the viewer may
 * not see (another pact, not a partner, a role without projects) answers 404 like a missing one.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { attachments, counties, pacts, projectDetails, projectMilestones, recordAddressees, threadEntries, users } from "~db/schema";
import { requireVisibleRecord, type RecordRow } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { readableEntries } from "~/modules/records/thread.server";
import { decodeContributions } from "./contributions";
import type { ProjectStatus } from "./machine";
import { milestoneState } from "./milestones";
import { MILESTONES_OPEN_IN, mayAddMilestone, mayMarkDone, responsibleOf } from "./milestones.server";
import { projectStepsForViewer } from "./steps.server";

export function parseProjectId(raw: string | undefined): number | null {
  if (!raw || !/^[1-9]\d{0,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/** The project for a route: 404 when malformed, missing, hidden or not a project. */
export function requireProject(viewer: Viewer, raw: string | undefined): RecordRow {
  const id = parseProjectId(raw);
  if (id === null) throw new Response("Not Found", { status: 404 });
  const record = requireVisibleRecord(viewer, id);
  if (record.workflow !== "project") throw new Response("Not Found", { status: 404 });
  return record;
}

/** The plan document: the first file of the thread's first message (as proposed). */
function planOf(viewer: Viewer, recordId: number) {
  return (
    getDb()
      .select({ id: attachments.id, fileName: attachments.fileName, mimeType: attachments.mimeType, size: attachments.size })
      .from(attachments)
      .innerJoin(threadEntries, eq(threadEntries.id, attachments.entryId))
      .where(and(eq(attachments.recordId, recordId), eq(threadEntries.kind, "message"), readableEntries(viewer)))
      .orderBy(asc(threadEntries.id), asc(attachments.id))
      .limit(1)
      .get() ?? null
  );
}

/** Everything the page shows, for a record already loaded through the policy. */
export function describeProject(viewer: Viewer, record: RecordRow, now = Date.now()) {
  const db = getDb();
  const details = db.select().from(projectDetails).where(eq(projectDetails.recordId, record.id)).get();
  if (!details) throw new Response("Not Found", { status: 404 });
  const partnerRows = db
    .select({ id: counties.id, name: counties.name })
    .from(recordAddressees)
    .innerJoin(counties, eq(counties.id, recordAddressees.countyId))
    .where(eq(recordAddressees.recordId, record.id))
    .orderBy(asc(counties.code))
    .all();
  const lead = db.select({ id: counties.id, name: counties.name }).from(counties).where(eq(counties.id, record.ownerCountyId)).get()!;
  const sides = [lead, ...partnerRows];
  const nameOfCounty = (id: number) => sides.find((s) => s.id === id)?.name ?? "";
  const rows = db
    .select()
    .from(projectMilestones)
    .where(eq(projectMilestones.recordId, record.id))
    .orderBy(asc(projectMilestones.dueOn), asc(projectMilestones.position), asc(projectMilestones.id))
    .all();
  const userIds = [record.createdBy, ...rows.map((m) => m.doneBy).filter((u): u is string => !!u)];
  const people = db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds)).all();
  const personName = (id: string | null) => (id ? people.find((p) => p.id === id)?.name ?? "" : null);
  const status = record.status as ProjectStatus;
  const milestones = rows.map((m) => {
    const responsibleCountyId = responsibleOf(m, record);
    return {
      id: m.id,
      title: m.title,
      dueOn: m.dueOn,
      doneOn: m.doneOn,
      doneBy: personName(m.doneBy),
      note: m.note,
      responsibleCountyId,
      responsibleCountyName: nameOfCounty(responsibleCountyId),
      state: milestoneState(m, status, now),
      mayMarkDone: MILESTONES_OPEN_IN.includes(status) && m.doneOn === null && mayMarkDone(viewer, record, m),
    };
  });
  const contributions = decodeContributions(details.contributions);
  const pact = record.pactId === null ? null : db.select({ id: pacts.id, title: pacts.title }).from(pacts).where(eq(pacts.id, record.pactId)).get() ?? null;
  return {
    id: record.id,
    refNo: record.refNo,
    title: record.title,
    description: record.description,
    status,
    createdAt: record.createdAt,
    proposerName: personName(record.createdBy) ?? "",
    leadCountyName: lead.name,
    isLead: record.ownerCountyId === viewer.countyId,
    partners: partnerRows,
    sides,
    pact,
    field: details.field,
    startsOn: details.startsOn,
    endsOn: details.endsOn,
    budget: details.budget,
    completedAt: details.completedAt,
    contributions: [
      ...sides.filter((s) => contributions[String(s.id)]).map((s) => ({ countyName: s.name, words: contributions[String(s.id)] })),
      ...(contributions[""] ? [{ countyName: "", words: contributions[""] }] : []),
    ],
    plan: planOf(viewer, record.id),
    milestones,
    overdue: milestones.some((m) => m.state === "overdue"),
    steps: projectStepsForViewer(viewer, record),
    mayAddMilestone: mayAddMilestone(viewer, record),
  };
}

export type ProjectDetail = ReturnType<typeof describeProject>;
