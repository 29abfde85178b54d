/**
 * Joint bodies under a pact: joint mediation committees (township or village level) and joint
 * patrol teams, with members from the member counties. Each county's pl_staff or admin forms a
 * body and adds or removes its own county's people; other counties add theirs on the body's page.
 * Bodies are reached only through a pact the viewer's county is a member of.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { counties, jointBodies, jointBodyMembers, users } from "~db/schema";
import { mayManagePacts } from "~/modules/access/capabilities";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, writeTransaction, type Tx } from "~/modules/db/connection.server";
import { actorOf, recordDenial } from "~/modules/tenancy/users.server";
import { invalid, type Refusal } from "./outcomes";
import { findMemberPact, parsePactId, standingOf, viewerIsMember } from "./pacts.server";
import { allEnabledPeopleOf } from "./people.server";
import type { BodyMemberInput, JointBodyInput } from "./schemas";
import { isInEffect } from "./transitions";

export type JointBodyRow = typeof jointBodies.$inferSelect;

export interface BodyMemberView {
  userId: string;
  displayName: string;
  title: string;
  phone: string;
  countyId: number;
  countyName: string;
  duty: string;
}

export type JointBodyView = JointBodyRow & { createdByName: string; members: BodyMemberView[] };

function bodiesWithMembers(tx: Tx, rows: JointBodyRow[]): JointBodyView[] {
  if (rows.length === 0) return [];
  const ids = rows.map((b) => b.id);
  const members = tx
    .select({
      bodyId: jointBodyMembers.bodyId,
      userId: users.id,
      displayName: users.displayName,
      title: users.title,
      phone: users.phone,
      countyId: jointBodyMembers.countyId,
      countyName: counties.name,
      duty: jointBodyMembers.duty,
    })
    .from(jointBodyMembers)
    .innerJoin(users, eq(users.id, jointBodyMembers.userId))
    .innerJoin(counties, eq(counties.id, jointBodyMembers.countyId))
    .where(inArray(jointBodyMembers.bodyId, ids))
    .orderBy(asc(counties.code), asc(users.username))
    .all();
  const creators = tx
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(rows.map((b) => b.createdBy))]))
    .all();
  return rows.map((body) => ({
    ...body,
    createdByName: creators.find((c) => c.id === body.createdBy)?.name ?? "",
    members: members.filter((m) => m.bodyId === body.id).map(({ bodyId: _b, ...m }) => m),
  }));
}

/** A body id from the URL (positive integer) or null. */
export function parseBodyId(raw: string | undefined): number | null {
  return parsePactId(raw);
}

/** The joint bodies of a pact, with members; null when the viewer's county is not a member. */
export function listBodies(viewer: Viewer, pactId: number): JointBodyView[] | null {
  const db = getDb();
  if (!findMemberPact(db, viewer, pactId)) return null;
  const rows = db.select().from(jointBodies).where(eq(jointBodies.pactId, pactId)).orderBy(asc(jointBodies.id)).all();
  return bodiesWithMembers(db, rows);
}

/** One body of a pact the viewer's county is a member of; null otherwise. */
export function getBodyFor(viewer: Viewer, pactId: number, bodyId: number): JointBodyView | null {
  const db = getDb();
  if (!findMemberPact(db, viewer, pactId)) return null;
  const row = db
    .select()
    .from(jointBodies)
    .where(and(eq(jointBodies.id, bodyId), eq(jointBodies.pactId, pactId)))
    .get();
  return row ? bodiesWithMembers(db, [row])[0] : null;
}

/** Loads the pact for a body change and checks role, membership and that the pact is in effect. */
function openPactForBodies(tx: Tx, viewer: Viewer, pactId: number): Refusal | null {
  const row = findMemberPact(tx, viewer, pactId);
  if (!row) return { ok: false, reason: "not_found" };
  if (!mayManagePacts(viewer.roles)) return { ok: false, reason: "forbidden" };
  if (!isInEffect(standingOf(row).phase)) return { ok: false, reason: "conflict" };
  return null;
}

function bodyOfPact(tx: Tx, viewer: Viewer, pactId: number, bodyId: number) {
  return tx
    .select()
    .from(jointBodies)
    .where(and(eq(jointBodies.id, bodyId), eq(jointBodies.pactId, pactId), viewerIsMember(viewer, sql`${jointBodies.pactId}`)))
    .get();
}

/** A refusal for role or county is an access denial: it goes to the audit log. */
function noteForbidden(viewer: Viewer, entityType: string, id: number, result: { ok: boolean; reason?: string }) {
  if (!result.ok && result.reason === "forbidden") recordDenial(viewer, entityType, id);
}

/** Forms a joint body under an active pact, with members from the viewer's own county. */
export function createJointBody(viewer: Viewer, pactId: number, input: JointBodyInput): { ok: true; bodyId: number } | Refusal {
  const result = writeTransaction((tx): { ok: true; bodyId: number } | Refusal => {
    const refusal = openPactForBodies(tx, viewer, pactId);
    if (refusal) return refusal;
    const memberIds = input.members.map((m) => m.userId);
    if (memberIds.length === 0) return invalid({ memberIds: "pacts.form.membersRequired" });
    if (!allEnabledPeopleOf(tx, viewer.countyId, memberIds)) return invalid({ memberIds: "form.invalidChoice" });
    if (input.kind === "mediation_committee" && !input.level) return invalid({ level: "pacts.form.levelRequired" });
    const { id: bodyId } = tx
      .insert(jointBodies)
      .values({
        pactId,
        kind: input.kind,
        name: input.name,
        level: input.kind === "mediation_committee" ? input.level : null,
        createdBy: viewer.userId,
        createdAt: Date.now(),
      })
      .returning({ id: jointBodies.id })
      .get();
    for (const m of input.members) {
      tx.insert(jointBodyMembers).values({ bodyId, userId: m.userId, countyId: viewer.countyId, duty: m.duty }).run();
    }
    appendAudit(tx, actorOf(viewer), {
      action: "joint_body.create",
      entityType: "joint_body",
      entityId: bodyId,
      after: { pactId, kind: input.kind, level: input.level, name: input.name, members: input.members },
    });
    return { ok: true, bodyId };
  });
  noteForbidden(viewer, "pact", pactId, result);
  return result;
}

/** Adds one person of the viewer's own county to a body. */
export function addBodyMember(viewer: Viewer, pactId: number, bodyId: number, input: BodyMemberInput): { ok: true } | Refusal {
  const result = writeTransaction((tx): { ok: true } | Refusal => {
    const refusal = openPactForBodies(tx, viewer, pactId);
    if (refusal) return refusal;
    if (!bodyOfPact(tx, viewer, pactId, bodyId)) return { ok: false, reason: "not_found" };
    if (!allEnabledPeopleOf(tx, viewer.countyId, [input.userId])) return invalid({ userId: "form.invalidChoice" });
    const already = tx
      .select({ userId: jointBodyMembers.userId })
      .from(jointBodyMembers)
      .where(and(eq(jointBodyMembers.bodyId, bodyId), eq(jointBodyMembers.userId, input.userId)))
      .get();
    if (already) return invalid({ userId: "pacts.form.alreadyMember" });
    tx.insert(jointBodyMembers).values({ bodyId, userId: input.userId, countyId: viewer.countyId, duty: input.duty }).run();
    appendAudit(tx, actorOf(viewer), {
      action: "joint_body.add_member",
      entityType: "joint_body",
      entityId: bodyId,
      before: null,
      after: { userId: input.userId, countyId: viewer.countyId, duty: input.duty },
    });
    return { ok: true };
  });
  noteForbidden(viewer, "joint_body", bodyId, result);
  return result;
}

/** Takes one person of the viewer's own county off a body (another county's people are theirs to remove). */
export function removeBodyMember(viewer: Viewer, pactId: number, bodyId: number, userId: string): { ok: true } | Refusal {
  const result = writeTransaction((tx): { ok: true } | Refusal => {
    const refusal = openPactForBodies(tx, viewer, pactId);
    if (refusal) return refusal;
    if (!bodyOfPact(tx, viewer, pactId, bodyId)) return { ok: false, reason: "not_found" };
    const member = tx
      .select()
      .from(jointBodyMembers)
      .where(and(eq(jointBodyMembers.bodyId, bodyId), eq(jointBodyMembers.userId, userId)))
      .get();
    if (!member) return { ok: false, reason: "not_found" };
    if (member.countyId !== viewer.countyId) return { ok: false, reason: "forbidden" };
    tx.delete(jointBodyMembers)
      .where(
        and(
          eq(jointBodyMembers.bodyId, bodyId),
          eq(jointBodyMembers.userId, userId),
          eq(jointBodyMembers.countyId, viewer.countyId),
        ),
      )
      .run();
    appendAudit(tx, actorOf(viewer), {
      action: "joint_body.remove_member",
      entityType: "joint_body",
      entityId: bodyId,
      before: { userId, countyId: member.countyId, duty: member.duty },
      after: null,
    });
    return { ok: true };
  });
  noteForbidden(viewer, "joint_body", bodyId, result);
  return result;
}
