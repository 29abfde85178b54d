import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { appendAudit } from "../../app/modules/audit/log.server";
import { hashPassword } from "../../app/modules/auth/password.server";
import type { Db, Tx } from "../../app/modules/db/connection.server";
import { markDemoDatabase } from "../../app/modules/db/settings.server";
import {
  counties,
  jointBodies,
  jointBodyMembers,
  pactEvents,
  pactLiaisons,
  pactMembers,
  pacts,
  pactWorkflows,
  regions,
  userRoles,
  users,
} from "../schema";
import {
  DEMO_COUNTIES,
  DEMO_NAMES,
  DEMO_PACTS,
  DEMO_PASSWORD,
  DEMO_ROLES,
  type DemoRegion,
} from "./demo-data";
import { seedDisputeDemo } from "./disputes-demo";
import { seedHazardDemo } from "./hazards-demo";
import { seedMeetingDemo } from "./meetings-demo";
import { seedNoticeDemo } from "./notices-demo";
import { seedPatrolDemo } from "./patrols-demo";
import { seedProjectDemo } from "./projects-demo";

const SYSTEM = { userId: null, name: "system", countyId: null };

export function databaseIsEmpty(db: Tx): boolean {
  return db.select({ n: sql<number>`count(*)` }).from(counties).get()!.n === 0;
}

function insertRegions(tx: Tx, countyId: number, parentId: number | null, nodes: DemoRegion[], now: number) {
  for (const node of nodes) {
    const row = tx
      .insert(regions)
      .values({ countyId, parentId, level: node.level, name: node.name, isBorder: !!node.isBorder, createdAt: now, updatedAt: now })
      .returning({ id: regions.id })
      .get();
    if (node.children) insertRegions(tx, countyId, row.id, node.children, now);
  }
}

/**
 * Fills an empty database with the demo counties, people, regions and pacts. Does nothing when
 * the database already holds a county, so a restart never seeds twice.
 */
export async function seedDemoData(db: Db): Promise<boolean> {
  if (!databaseIsEmpty(db)) return false;
  const passwordHashes = await Promise.all(
    DEMO_COUNTIES.flatMap(() => DEMO_ROLES.map(() => hashPassword(DEMO_PASSWORD))),
  );
  const now = Date.now();
  return db.transaction(
    (tx) => {
      if (!databaseIsEmpty(tx)) return false;
      markDemoDatabase(tx);
      const countyIds: Record<string, number> = {};
      const userIds: Record<string, string> = {};
      let hashIndex = 0;
      for (const county of DEMO_COUNTIES) {
        const { id } = tx
          .insert(counties)
          .values({
            name: county.name,
            code: county.code,
            province: county.province,
            shortCode: county.shortCode,
            createdAt: now,
            // The demo accounts sign in with the password alone; see README, "Second factor".
            secondFactorRequired: false,
          })
          .returning({ id: counties.id })
          .get();
        countyIds[county.shortCode] = id;
        insertRegions(tx, id, null, county.regions, now);
        for (const { suffix, role, title } of DEMO_ROLES) {
          const userId = randomUUID();
          const username = `${county.shortCode.toLowerCase()}.${suffix}`;
          userIds[username] = userId;
          tx.insert(users)
            .values({
              id: userId,
              countyId: id,
              username,
              displayName: DEMO_NAMES[county.shortCode][suffix],
              title,
              phone: `0745-6${String(id).padStart(2, "0")}${String(DEMO_ROLES.findIndex((r) => r.suffix === suffix)).padStart(4, "0")}`,
              passwordHash: passwordHashes[hashIndex++],
              createdAt: now,
              updatedAt: now,
            })
            .run();
          tx.insert(userRoles).values({ userId, role }).run();
        }
      }
      for (const pact of DEMO_PACTS) {
        const [proposer] = pact.members;
        const proposedAt = Date.parse(`${pact.startsOn}T09:00:00+08:00`) - 14 * 86_400_000;
        const { id: pactId } = tx
          .insert(pacts)
          .values({
            title: pact.title,
            proposerCountyId: countyIds[proposer],
            status: "active",
            startsOn: pact.startsOn,
            endsOn: pact.endsOn,
            articles: pact.articles,
            createdBy: userIds[`${proposer.toLowerCase()}.pl`],
            createdAt: proposedAt,
            updatedAt: proposedAt,
          })
          .returning({ id: pacts.id })
          .get();
        for (const workflow of pact.workflows) tx.insert(pactWorkflows).values({ pactId, workflow }).run();
        tx.insert(pactEvents)
          .values({ pactId, action: "propose", countyId: countyIds[proposer], userId: userIds[`${proposer.toLowerCase()}.pl`], at: proposedAt })
          .run();
        pact.members.forEach((code, i) => {
          const signer = userIds[`${code.toLowerCase()}.admin`];
          const signedAt = proposedAt + (i + 1) * 86_400_000;
          tx.insert(pactMembers)
            .values({ pactId, countyId: countyIds[code], signature: "signed", signedBy: signer, signedAt })
            .run();
          tx.insert(pactEvents)
            .values({ pactId, action: "countersign", countyId: countyIds[code], userId: signer, at: signedAt })
            .run();
        });
        tx.insert(pactEvents)
          .values({ pactId, action: "activate", countyId: countyIds[pact.members[1]], userId: userIds[`${pact.members[1].toLowerCase()}.admin`], at: proposedAt + 2 * 86_400_000 })
          .run();
        for (const [code, suffixes] of Object.entries(pact.liaisons)) {
          for (const suffix of suffixes) {
            tx.insert(pactLiaisons)
              .values({ pactId, userId: userIds[`${code.toLowerCase()}.${suffix}`], countyId: countyIds[code] })
              .run();
          }
        }
        for (const body of pact.bodies) {
          const { id: bodyId } = tx
            .insert(jointBodies)
            .values({
              pactId,
              kind: body.kind,
              name: body.name,
              level: body.level ?? null,
              createdBy: userIds[`${proposer.toLowerCase()}.pl`],
              createdAt: proposedAt + 3 * 86_400_000,
            })
            .returning({ id: jointBodies.id })
            .get();
          for (const m of body.members) {
            tx.insert(jointBodyMembers)
              .values({ bodyId, userId: userIds[`${m.county.toLowerCase()}.${m.suffix}`], countyId: countyIds[m.county], duty: m.duty })
              .run();
          }
        }
      }
      // The hazard demo (the fireworks store story and more) needs the pacts above.
      seedHazardDemo(tx, now);
      // The dispute demo (the land dispute story and three years of history) after the hazards.
      seedDisputeDemo(tx, now);
      // The case-notice demo (the motorbike theft and a year of notices between XH and TZ).
      seedNoticeDemo(tx, now);
      // Joint patrols and activities, then the joint meetings (whose agendas and briefings use
      // the records above), then the livelihood projects.
      seedPatrolDemo(tx, now);
      seedMeetingDemo(tx, now);
      seedProjectDemo(tx, now);
      appendAudit(tx, SYSTEM, {
        action: "system.seed_demo",
        entityType: "database",
        after: { counties: DEMO_COUNTIES.length, pacts: DEMO_PACTS.length },
      });
      return true;
    },
    { behavior: "immediate" },
  );
}
