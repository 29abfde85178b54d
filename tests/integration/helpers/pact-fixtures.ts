/** Pacts made for a test through the real services, plus a look at what they wrote. */
import { and, asc, eq } from "drizzle-orm";
import { auditLog, pactEvents, pacts } from "~db/schema";
import { todayInChina } from "~/i18n";
import type { Workflow } from "~/modules/access/capabilities";
import { getDb } from "~/modules/db/connection.server";
import { countersignPact, proposePact } from "~/modules/pacts/lifecycle.server";
import type { ProposalInput } from "~/modules/pacts/schemas";
import { findUserByUsername } from "~/modules/tenancy/users.server";
import { countyIdOf, viewerOf } from "../../setup/demo";

/** A calendar date `days` away from today in Beijing. */
export function daysFromToday(days: number): string {
  const [y, m, d] = todayInChina().split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function userIdOf(username: string): string {
  const user = findUserByUsername(username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.id;
}

let counter = 0;

/** A valid proposal from `username`'s county to `partners` (short codes). */
export function proposalFrom(username: string, partners: string[], overrides: Partial<ProposalInput> = {}): ProposalInput {
  const code = username.split(".")[0];
  return {
    title: `测试协议 ${++counter}`,
    partnerCountyIds: partners.map(countyIdOf),
    workflows: ["hazard", "dispute"] as Workflow[],
    startsOn: todayInChina(),
    endsOn: daysFromToday(730),
    articles: "第一条 共同法律依据。\n第二条 联席会议制度。",
    liaisonIds: [userIdOf(`${code}.pl`)],
    ...overrides,
  };
}

/** Proposes through proposePact and returns the new pact's id (fails the test otherwise). */
export function proposeAs(username: string, partners: string[], overrides: Partial<ProposalInput> = {}): number {
  const result = proposePact(viewerOf(username), proposalFrom(username, partners, overrides));
  if (!result.ok) throw new Error(`proposal refused: ${JSON.stringify(result)}`);
  return result.pactId;
}

/** Proposes and has every partner's admin countersign, naming their pl_staff as liaison. */
export function activePactOf(username: string, partners: string[], overrides: Partial<ProposalInput> = {}): number {
  const pactId = proposeAs(username, partners, overrides);
  for (const code of partners) {
    const admin = `${code.toLowerCase()}.admin`;
    const result = countersignPact(viewerOf(admin), pactId, { liaisonIds: [userIdOf(`${code.toLowerCase()}.pl`)] });
    if (!result.ok) throw new Error(`countersign refused: ${JSON.stringify(result)}`);
  }
  return pactId;
}

export function statusOf(pactId: number) {
  return getDb().select({ status: pacts.status }).from(pacts).where(eq(pacts.id, pactId)).get()?.status;
}

export function eventsOf(pactId: number) {
  return getDb()
    .select()
    .from(pactEvents)
    .where(eq(pactEvents.pactId, pactId))
    .orderBy(asc(pactEvents.at), asc(pactEvents.id))
    .all();
}

export function auditOf(entityType: string, entityId: number | string) {
  return getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(entityId))))
    .orderBy(asc(auditLog.id))
    .all();
}

export function denialsOf(username: string, entityType: string, entityId: number | string) {
  return auditOf(entityType, entityId).filter(
    (e) => e.action === "access.denied" && e.actorUserId === userIdOf(username),
  );
}

export function pactCount(): number {
  return getDb().select({ id: pacts.id }).from(pacts).all().length;
}

/** Moves a pact's term directly in the database (the form refuses past dates). */
export function setTerm(pactId: number, startsOn: string, endsOn: string | null) {
  getDb().update(pacts).set({ startsOn, endsOn }).where(eq(pacts.id, pactId)).run();
}
