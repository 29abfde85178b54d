/**
 * The inbox (待办): across every built workflow, the records the viewer may see that wait for
 * them — with entries they have not read, in a state where their roles may take a step, past
 * their deadline while still open, or (disputes) with a mediation agreement whose window for
 * judicial confirmation closes soon and nobody has applied. Visibility is the access policy's
 * filter inside the SQL; the reasons are SQL conditions too, so the list and the menu badge count
 * the same things.
 */
import { and, desc, eq, inArray, lt, notInArray, or, sql, type SQL } from "drizzle-orm";
import { mediationAgreements, records, threadEntries } from "~db/schema";
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
  actionsFor?: (viewer: Viewer, item: { recordId: number; status: string }) => string[];
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
      return { workflow, machine, actionable, hook: INBOX_HOOKS[workflow] };
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

function unreadExists(viewer: Viewer): SQL {
  return sql`exists (select 1 from ${threadEntries} where ${unreadEntryFilter(viewer, records.id)})`;
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

function inboxWhere(viewer: Viewer, scopes: Scope[], now: number): SQL {
  return and(
    visibleRecordsFilter(viewer),
    inArray(records.workflow, scopes.map((s) => s.workflow)),
    // The column tests first: SQLite stops at the first true one, so the unread lookup (an index
    // probe per record) runs only for records nothing else already puts in the inbox.
    or(actionCondition(viewer, scopes), overdueCondition(viewer, scopes, now), judicialCondition(viewer, scopes, now), unreadExists(viewer)),
  )!;
}

/** What waits for the viewer, overdue first, then most recently changed. */
export function inboxFor(viewer: Viewer, now = Date.now()): InboxItem[] {
  const scopes = scopesOf(viewer);
  if (scopes.length === 0) return [];
  const overdue = sql<number>`(case when ${overdueCondition(viewer, scopes, now)} then 1 else 0 end)`;
  const needsAction = sql<number>`(case when ${actionCondition(viewer, scopes)} then 1 else 0 end)`;
  const judicial = sql<string | null>`(case when ${judicialCondition(viewer, scopes, now)} then (select ${mediationAgreements.signedOn}
    from ${mediationAgreements} where ${mediationAgreements.recordId} = ${records.id}) else null end)`;
  const rows = getDb()
    .select({
      recordId: records.id,
      workflow: records.workflow,
      refNo: records.refNo,
      title: records.title,
      status: records.status,
      dueAt: records.dueAt,
      updatedAt: records.updatedAt,
      overdue,
      needsAction,
      judicialSignedOn: judicial,
      unread: sql<number>`(select count(*) from ${threadEntries} where ${unreadEntryFilter(viewer, records.id)})`,
    })
    .from(records)
    .where(inboxWhere(viewer, scopes, now))
    .orderBy(desc(overdue), desc(records.updatedAt), desc(records.id))
    .limit(INBOX_LIMIT)
    .all();
  return rows.map(({ judicialSignedOn, needsAction, ...row }) => {
    const scope = scopes.find((s) => s.workflow === row.workflow)!;
    const actions =
      needsAction !== 1
        ? []
        : scope.hook?.actionsFor
          ? scope.hook.actionsFor(viewer, row)
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

/** How many records are in the viewer's inbox: one aggregate query (the menu badge). */
export function inboxCount(viewer: Viewer, now = Date.now()): number {
  const scopes = scopesOf(viewer);
  if (scopes.length === 0) return 0;
  return getDb()
    .select({ n: sql<number>`count(*)` })
    .from(records)
    .where(inboxWhere(viewer, scopes, now))
    .get()!.n;
}
