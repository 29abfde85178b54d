/**
 * Who a joint meeting may name, and who hosts next.
 *
 * People: of the viewer's own county, every enabled user; of a partner county, only the people
 * the pact's own pages already name to its members (proposer, signers, liaison persons, joint-body
 * creators and members). Attendees and action-item owners are chosen from these lists, and the
 * same lists check what a form posts, so a meeting never shows a partner's colleague the pact
 * has not introduced. A partner county adds its other people on the meeting's page itself.
 *
 * Hosting goes in turn (轮流主办): the member counties in the order of their division codes, the
 * next host being the one after the host of the pact's latest meeting (scheduled or held).
 */
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { counties, meetingDetails, pactMembers, records, users } from "~db/schema";
import { visibleRecordsFilter } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb, type Tx } from "~/modules/db/connection.server";

export interface MeetingPerson {
  id: string;
  displayName: string;
  title: string;
}

export interface MeetingCounty {
  id: number;
  name: string;
  people: MeetingPerson[];
}

/** The member counties of a pact in rotation order (division code). */
export function rotationOf(tx: Tx, pactId: number): { id: number; name: string }[] {
  return tx
    .select({ id: counties.id, name: counties.name })
    .from(pactMembers)
    .innerJoin(counties, eq(counties.id, pactMembers.countyId))
    .where(eq(pactMembers.pactId, pactId))
    .orderBy(asc(counties.code))
    .all();
}

/** SQL: the user is named on the pact's own pages. */
function namedByPact(pactId: number) {
  return sql`(${users.id} in (select created_by from pacts where id = ${pactId})
    or ${users.id} in (select signed_by from pact_members where pact_id = ${pactId} and signed_by is not null)
    or ${users.id} in (select user_id from pact_liaisons where pact_id = ${pactId})
    or ${users.id} in (select created_by from joint_bodies where pact_id = ${pactId})
    or ${users.id} in (select m.user_id from joint_body_members m join joint_bodies b on b.id = m.body_id where b.pact_id = ${pactId}))`;
}

/** Each member county of the pact (the viewer's first) with the people a meeting may name. */
export function meetingPeopleOf(tx: Tx, viewer: Viewer, pactId: number): MeetingCounty[] {
  const members = rotationOf(tx, pactId);
  if (!members.some((m) => m.id === viewer.countyId)) return [];
  const people = tx
    .select({ id: users.id, displayName: users.displayName, title: users.title, countyId: users.countyId })
    .from(users)
    .where(
      and(
        eq(users.disabled, false),
        inArray(users.countyId, members.map((m) => m.id)),
        sql`(${users.countyId} = ${viewer.countyId} or ${namedByPact(pactId)})`,
      ),
    )
    .orderBy(asc(users.username))
    .all();
  const ordered = [...members.filter((m) => m.id === viewer.countyId), ...members.filter((m) => m.id !== viewer.countyId)];
  return ordered.map((m) => ({
    ...m,
    people: people.filter((p) => p.countyId === m.id).map(({ countyId: _c, ...p }) => p),
  }));
}

/** True when every id is among the people `county` offers at this pact's meetings. */
export function allMeetingPeople(counties: MeetingCounty[], countyId: number, userIds: readonly string[]): boolean {
  const county = counties.find((c) => c.id === countyId);
  if (!county) return userIds.length === 0;
  return userIds.every((id) => county.people.some((p) => p.id === id));
}

/** The county of each user id among the offered people (undefined for one not offered). */
export function countyOfMeetingPerson(counties: MeetingCounty[], userId: string): number | undefined {
  return counties.find((c) => c.people.some((p) => p.id === userId))?.id;
}

/**
 * The county proposed to host the pact's next meeting: the member after the host of the latest
 * meeting the viewer sees (not cancelled); with none yet, the viewer's own county.
 */
export function proposedHostOf(viewer: Viewer, pactId: number, tx: Tx = getDb(), exceptRecordId?: number): number {
  const rotation = rotationOf(tx, pactId);
  const last = tx
    .select({ host: meetingDetails.hostCountyId })
    .from(meetingDetails)
    .innerJoin(records, eq(records.id, meetingDetails.recordId))
    .where(
      and(
        eq(records.pactId, pactId),
        ne(records.status, "cancelled"),
        exceptRecordId === undefined ? undefined : ne(records.id, exceptRecordId),
        visibleRecordsFilter(viewer),
      ),
    )
    .orderBy(desc(meetingDetails.startsAt), desc(records.id))
    .get();
  if (!last) return viewer.countyId;
  const at = rotation.findIndex((c) => c.id === last.host);
  return rotation[(at + 1) % rotation.length]?.id ?? viewer.countyId;
}
