/**
 * Proposing a joint livelihood project (提出联建项目): political-legal staff of the lead county,
 * under a pact in force that covers projects, with partner counties among its other members. One
 * write transaction holds the record (status proposed), its details, its milestones, the plan
 * document as the thread's first message with its attachment, and the audit entries. The file is
 * checked and staged before the transaction and moved into place inside it.
 */
import { projectDetails, projectMilestones, threadEntries } from "~db/schema";
import { assertCan, denial } from "~/modules/access/policy.server";
import { appendAudit } from "~/modules/audit/log.server";
import type { Viewer } from "~/modules/auth/viewer";
import { writeTransaction, type Tx } from "~/modules/db/connection.server";
import {
  discardStaged, insertAttachments, placeStagedFiles, stageFiles, type AcceptedFile,
} from "~/modules/records/attachments.server";
import { createRecord, usablePactMembers } from "~/modules/records/create.server";
import { actorOf } from "~/modules/tenancy/users.server";
import { encodeContributions } from "./contributions";
import { PROJECT_MACHINE } from "./machine";
import type { ProposalInput } from "./schemas";

export type ProposeResult = { ok: true; id: number; refNo: string } | { ok: false; errors: Record<string, string> };

/** Only political-legal staff propose projects (403 otherwise, audited). */
export function assertMayPropose(viewer: Viewer): void {
  assertCan(viewer, "project", "create");
  if (!viewer.roles.includes("pl_staff")) {
    denial(viewer, "workflow:project", null, "create");
    throw new Response("Forbidden", { status: 403 });
  }
}

/**
 * Field → message key for what the pact does not allow: a pact not in force or not covering
 * projects, partners that are not its other members, a milestone's county that is neither the
 * lead nor a chosen partner. Null when the proposal may be written.
 */
function proposalRefusal(tx: Tx, viewer: Viewer, input: ProposalInput): Record<string, string> | null {
  const errors: Record<string, string> = {};
  const members = usablePactMembers(tx, viewer, input.pactId, "project");
  if (!members) errors.pactId = "projects.form.pactNotUsable";
  else if (input.addresseeCountyIds.some((c) => c === viewer.countyId || !members.includes(c))) {
    errors.addresseeCountyIds = "projects.form.partnersNotMembers";
  }
  const partners = input.addresseeCountyIds.filter((c) => c !== viewer.countyId && (members ?? []).includes(c));
  const sides = new Set([viewer.countyId, ...partners]);
  for (const m of input.milestones) {
    if (!sides.has(m.responsibleCountyId)) errors[`milestone-${m.row}-county`] = "projects.form.responsibleNotASide";
  }
  return Object.keys(errors).length ? errors : null;
}

/**
 * Writes the proposal with its plan document (already checked by checkUploads) in one
 * transaction; `planMessage` is the body of the thread message that carries it.
 */
export function proposeProject(viewer: Viewer, input: ProposalInput, plan: readonly AcceptedFile[], planMessage: string): ProposeResult {
  assertMayPropose(viewer);
  const staged = stageFiles(plan);
  let committed = false;
  try {
    const result = writeTransaction((tx): ProposeResult => {
      const refused = proposalRefusal(tx, viewer, input);
      if (refused) return { ok: false, errors: refused };
      const created = createRecord(tx, viewer, {
        workflow: "project",
        pactId: input.pactId,
        addresseeCountyIds: input.addresseeCountyIds,
        title: input.title,
        description: input.description,
        regionId: null,
        placeText: "",
        status: PROJECT_MACHINE.initial,
        dueAt: null,
      });
      if (!created.ok) throw new Error(`proposal refused after its checks: ${JSON.stringify(created.errors)}`);
      const sides = [viewer.countyId, ...new Set(input.addresseeCountyIds)];
      const details = {
        field: input.field,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        budget: input.budget,
        contributions: encodeContributions(input.contributions, sides),
      };
      tx.insert(projectDetails).values({ recordId: created.id, ...details }).run();
      input.milestones.forEach((m, position) => {
        tx.insert(projectMilestones)
          .values({ recordId: created.id, position, title: m.title, dueOn: m.dueOn, responsibleCountyId: m.responsibleCountyId })
          .run();
      });
      appendAudit(tx, actorOf(viewer), {
        action: "project.details",
        entityType: "project",
        entityId: created.id,
        after: { ...details, milestones: input.milestones.map(({ row: _r, ...m }) => m) },
      });
      const entryId = tx
        .insert(threadEntries)
        .values({
          recordId: created.id,
          kind: "message",
          authorUserId: viewer.userId,
          authorCountyId: viewer.countyId,
          authorRoles: JSON.stringify(viewer.roles),
          body: planMessage,
          createdAt: Date.now(),
        })
        .returning({ id: threadEntries.id })
        .get().id;
      const stored = insertAttachments(tx, viewer, created.id, entryId, plan);
      placeStagedFiles(staged);
      appendAudit(tx, actorOf(viewer), {
        action: "thread.message",
        entityType: "project",
        entityId: created.id,
        after: { entryId, body: planMessage, attachments: stored },
      });
      return created;
    });
    committed = result.ok;
    return result;
  } finally {
    discardStaged(staged, { placedToo: !committed });
  }
}
