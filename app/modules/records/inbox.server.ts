/**
 * The inbox (待办): across every built workflow, the records the viewer may see that wait for
 * them — with entries they have not read, in a state where their roles may take a step, past
 * their deadline while still open, or (disputes) with a mediation agreement whose window for
 * judicial confirmation closes soon and nobody has applied. Visibility is the access policy's
 * filter inside the SQL; the reasons are SQL conditions too, so the list and the menu badge count
 * the same things.
 */
import { and, desc, eq, inArray, lt, notInArray, or, sql, type SQL } from "drizzle-orm";
import { countyRecords, mediationAgreements, records, threadEntries } from "~db/schema";
import { todayInChina } from "~/i18n";
import { can, type Workflow } from "~/modules/access/capabilities";
import { visibleRecordsFilter } from "~/modules/access/policy.server";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";
import { judicialDeadline, signedOnRangeClosingSoon } from "~/modules/disputes/judicial";
import { MEETING_INBOX_HOOK } from "~/modules/meetings/inbox-hook.server";
import { NOTICE_INBOX_HOOK } from "~/modules/notices/inbox-hook.server";
import { PATROL_INBOX_HOOK } from "~/modules/patrols/inbox-hook.server";
import { PROJECT_INBOX_HOOK } from "~/modules/projects/inbox-hook.server";
import { unreadEntryFilter } from "./read-state.server";
import { builtWorkflows, machineOf } from "./registry";
import { availableTransitions, isFinal, type StateMachine } from "./state-machine";
import { recordPath } from "./workflows";

export interface InboxItem {
  recordId: number;
  workflow: Workflow;
  refNo: string;
  title: string;
  status: string;
  dueAt: number | null;
  updatedAt: number;
  /** The record's page. */
  path: string;
  /** Entries the viewer has not read (0 when none). */
  unread: number;
  /** The steps the viewer's roles may take now (empty when none). */
  actions: string[];
  overdue: boolean;
  /** Disputes: the last day to apply for judicial confirmation, when it is close and nobody applied. */
  judicialDeadline: string | null;
}

/** At most this many items are listed (most urgent first); the count covers them all. */
export const INBOX_LIMIT = 100;

interface Scope {
  workflow: Workflow;
  machine: StateMachine;
  /** Open states from which the viewer's roles may take a step. */
  actionable: string[];
  /** Every state that is not final: only these can wait for a step or be overdue. */
  open: string[];
  hook?: InboxHook;
}

/**
 * A workflow's own say in the inbox, when status and roles alone do not tell (e.g. a notice is
 * signed per addressed county, and only the sender concludes it). Each part is an SQL condition
 * on `records` replacing the generic one for that workflow's rows.
 */
export interface InboxHook {
  /** The record waits for a step by the viewer's county (only asked for roles that may transition). */
  needsAction?: (viewer: Viewer) => SQL;
  /** The record is overdue as far as the viewer's county is concerned. */
  overdue?: (viewer: Viewer, now: number) => SQL;
  /** The steps to show on the item (by default every step the roles allow from the status). */
  actionsFor?: (viewer: Viewer, item: { recordId: number; status: string; ownerCountyId: number }) => string[];
}

/** Per-workflow hooks, registry-like: a workflow adds one line. */
export const INBOX_HOOKS: Partial<Record<Workflow, InboxHook>> = {
  notice: NOTICE_INBOX_HOOK,
  patrol: PATROL_INBOX_HOOK,
  meeting: MEETING_INBOX_HOOK,
  project: PROJECT_INBOX_HOOK,
};

/** The built workflows the viewer may see, each with the states where a step waits for them. */
function scopesOf(viewer: Viewer): Scope[] {
  return builtWorkflows()
    .filter((workflow) => can(viewer.roles, workflow, "view"))
    .map((workflow) => {
      const machine = machineOf(workflow)!;
      const states = [...new Set(machine.transitions.flatMap((t) => t.from as readonly string[]))];
      const actionable = can(viewer.roles, workflow, "transition")
        ? states.filter((s) => !isFinal(machine, s) && availableTransitions(machine, s, viewer.roles).length > 0)
        : [];
      const open = [...new Set([machine.initial, ...states, ...machine.transitions.map((t) => t.to as string)])].filter(
        (s) => !isFinal(machine, s),
      );
      return { workflow, machine, actionable, open, hook: INBOX_HOOKS[workflow] };
    });
}

/** SQL: the record is still open in its workflow and its deadline has passed (or the workflow's hook says overdue). */
function overdueCondition(viewer: Viewer, scopes: Scope[], now: number): SQL {
  const parts = scopes.map((s) => {
    const inWorkflow = eq(records.workflow, s.workflow);
    if (s.hook?.overdue) return and(inWorkflow, s.hook.overdue(viewer, now))!;
    return and(
      inWorkflow,
      s.machine.final.length ? notInArray(records.status, [...s.machine.final]) : undefined,
      sql`${records.dueAt} is not null`,
      lt(records.dueAt, now),
    )!;
  });
  return parts.length ? or(...parts)! : sql`0`;
}

/** SQL: the record is in a state where the viewer's roles may take a step (false when none). */
function actionCondition(viewer: Viewer, scopes: Scope[]): SQL {
  const parts = scopes
    .filter((s) => s.actionable.length > 0)
    .map((s) =>
      s.hook?.needsAction
        ? and(eq(records.workflow, s.workflow), inArray(records.status, s.actionable), s.hook.needsAction(viewer))!
        : and(eq(records.workflow, s.workflow), inArray(records.status, s.actionable))!,
    );
  return parts.length ? or(...parts)! : sql`0`;
}

/**
 * SQL: the record changed since `changedSince` (always true for 0). With a floor, only these can
 * have unread entries, so the thread lookups below run for them alone.
 */
function changedSinceCondition(viewer: Viewer, changedSince: number): SQL {
  if (changedSince <= 0) return sql`1`;
  return sql`${records.id} in (select ${countyRecords.recordId} from ${countyRecords}
    where ${countyRecords.countyId} = ${viewer.countyId} and ${countyRecords.changedAt} >= ${changedSince})`;
}

function unreadExists(viewer: Viewer, changedSince: number): SQL {
  return sql`(${changedSinceCondition(viewer, changedSince)}
    and exists (select 1 from ${threadEntries} where ${unreadEntryFilter(viewer, records.id)}))`;
}

/**
 * SQL: a dispute whose agreement was not taken to court and whose 30-day window closes within the
 * warning period (disputes/judicial.ts) — for roles that handle disputes (false for the others).
 */
function judicialCondition(viewer: Viewer, scopes: Scope[], now: number): SQL {
  if (!scopes.some((s) => s.workflow === "dispute") || !can(viewer.roles, "dispute", "transition")) return sql`0`;
  const { from, to } = signedOnRangeClosingSoon(todayInChina(now));
  return sql`(${records.workflow} = 'dispute' and exists (select 1 from ${mediationAgreements}
    where ${mediationAgreements.recordId} = ${records.id} and ${mediationAgreements.judicialStatus} = 'not_applied'
      and ${mediationAgreements.signedOn} between ${from} and ${to}))`;
}

/**
 * SQL: the ids of the records that may be in the inbox at all, read from the county's rows in
 * `county_records` instead of testing every record the county may see: its open records (only
 * they can wait for a step or be overdue), the disputes whose judicial window closes soon, and
 * the records changed since `changedSince` — a record with an entry the viewer has not read
 * changed when that entry was written. The caller vouches that no record changed before
 * `changedSince` has unread entries for the viewer (inbox-badge.server.ts keeps that floor).
 */
function candidateIds(viewer: Viewer, scopes: Scope[], now: number, changedSince: number): SQL {
  const county = viewer.countyId;
  const parts = scopes
    .filter((s) => s.open.length > 0)
    .map(
      (s) => sql`select ${countyRecords.recordId} from ${countyRecords} where ${countyRecords.countyId} = ${county}
        and ${countyRecords.workflow} = ${s.workflow} and ${countyRecords.status} in ${s.open}`,
    );
  parts.push(sql`select ${countyRecords.recordId} from ${countyRecords}
    where ${countyRecords.countyId} = ${county} and ${countyRecords.changedAt} >= ${changedSince}`);
  if (scopes.some((s) => s.workflow === "dispute") && can(viewer.roles, "dispute", "transition")) {
    const { from, to } = signedOnRangeClosingSoon(todayInChina(now));
    parts.push(sql`select ${mediationAgreements.recordId} from ${mediationAgreements}
      where ${mediationAgreements.judicialStatus} = 'not_applied' and ${mediationAgreements.signedOn} between ${from} and ${to}`);
  }
  return sql.join(parts, sql` union all `);
}

/** `changedSince` 0 (nothing known) tests every record the viewer may see. */
function inboxWhere(viewer: Viewer, scopes: Scope[], now: number, changedSince: number): SQL {
  return and(
    changedSince > 0 ? sql`${records.id} in (${candidateIds(viewer, scopes, now, changedSince)})` : undefined,
    visibleRecordsFilter(viewer),
    inArray(records.workflow, scopes.map((s) => s.workflow)),
    // The column tests first: SQLite stops at the first true one, so the unread lookup (an index
    // probe per record) runs only for records nothing else already puts in the inbox.
    or(
      actionCondition(viewer, scopes),
      overdueCondition(viewer, scopes, now),
      judicialCondition(viewer, scopes, now),
      unreadExists(viewer, changedSince),
    ),
  )!;
}

/**
 * What waits for the viewer, overdue first, then most recently changed. `changedSince`: see
 * `candidateIds` (0 tests every visible record).
 */
export function inboxFor(viewer: Viewer, now = Date.now(), changedSince = 0): InboxItem[] {
  const scopes = scopesOf(viewer);
  if (scopes.length === 0) return [];
  const overdue = sql<number>`(case when ${overdueCondition(viewer, scopes, now)} then 1 else 0 end)`;
  const needsAction = sql<number>`(case when ${actionCondition(viewer, scopes)} then 1 else 0 end)`;
  const judicial = sql<string | null>`(case when ${judicialCondition(viewer, scopes, now)} then (select ${mediationAgreements.signedOn}
    from ${mediationAgreements} where ${mediationAgreements.recordId} = ${records.id}) else null end)`;
  const rows = getDb()
    .select({
      recordId: records.id,
      ownerCountyId: records.ownerCountyId,
      workflow: records.workflow,
      refNo: records.refNo,
      title: records.title,
      status: records.status,
      dueAt: records.dueAt,
      updatedAt: records.updatedAt,
      overdue,
      needsAction,
      judicialSignedOn: judicial,
      unread: sql<number>`(case when ${changedSinceCondition(viewer, changedSince)}
        then (select count(*) from ${threadEntries} where ${unreadEntryFilter(viewer, records.id)}) else 0 end)`,
    })
    .from(records)
    .where(inboxWhere(viewer, scopes, now, changedSince))
    .orderBy(desc(overdue), desc(records.updatedAt), desc(records.id))
    .limit(INBOX_LIMIT)
    .all();
  return rows.map(({ judicialSignedOn, needsAction, ownerCountyId, ...row }) => {
    const scope = scopes.find((s) => s.workflow === row.workflow)!;
    const actions =
      needsAction !== 1
        ? []
        : scope.hook?.actionsFor
          ? scope.hook.actionsFor(viewer, { ...row, ownerCountyId })
          : availableTransitions(scope.machine, row.status, viewer.roles).map((t) => t.action);
    return {
      ...row,
      overdue: row.overdue === 1,
      actions,
      path: recordPath(row.workflow, row.recordId),
      judicialDeadline: judicialSignedOn ? judicialDeadline(judicialSignedOn) : null,
    };
  });
}

/** How many records are in the viewer's inbox: one aggregate query. */
export function inboxCount(viewer: Viewer, now = Date.now(), changedSince = 0): number {
  return inboxTally(viewer, now, changedSince).count;
}

export interface InboxTally {
  count: number;
  /**
   * The oldest change time (`county_records.changed_at`) among the records with entries the
   * viewer has not read; null when there are none. No record changed earlier has unread entries.
   */
  oldestUnreadChange: number | null;
}

/** The inbox count and how far back unread entries go, in one aggregate query (the menu badge). */
export function inboxTally(viewer: Viewer, now = Date.now(), changedSince = 0): InboxTally {
  const scopes = scopesOf(viewer);
  if (scopes.length === 0) return { count: 0, oldestUnreadChange: null };
  const changedAt = sql`(select ${countyRecords.changedAt} from ${countyRecords}
    where ${countyRecords.countyId} = ${viewer.countyId} and ${countyRecords.recordId} = ${records.id})`;
  const row = getDb()
    .select({
      count: sql<number>`count(*)`,
      oldestUnreadChange: sql<number | null>`min(case when ${unreadExists(viewer, changedSince)} then ${changedAt} end)`,
    })
    .from(records)
    .where(inboxWhere(viewer, scopes, now, changedSince))
    .get()!;
  return { count: row.count, oldestUnreadChange: row.oldestUnreadChange };
}
