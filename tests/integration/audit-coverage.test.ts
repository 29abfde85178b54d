/**
 * Every kind of write leaves an audit entry with who, which county, what, and before/after.
 * One row per kind; later workflows add theirs here.
 */
import { desc, gt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "~db/schema";
import { signIn, signOut } from "~/modules/auth/sign-in.server";
import { assertCan } from "~/modules/access/policy.server";
import { getDb } from "~/modules/db/connection.server";
import { addBodyMember, createJointBody, removeBodyMember } from "~/modules/pacts/bodies.server";
import { countersignPact, declinePact, proposePact, requestResumption, resumePact, suspendPact, terminatePact } from "~/modules/pacts/lifecycle.server";
import { createRegion, deleteRegion, updateRegion } from "~/modules/tenancy/regions.server";
import { createCountyUser, findUserByUsername, setUserDisabled, setUserPassword, updateCountyUser } from "~/modules/tenancy/users.server";
import { findVisibleRecord } from "~/modules/access/policy.server";
import { reportHazard } from "~/modules/hazards/report.server";
import { reportSchema } from "~/modules/hazards/schemas";
import { planSweepSchema } from "~/modules/hazards/sweep-schemas";
import { addSweepParticipant, completeSweep, planSweep } from "~/modules/hazards/sweeps.server";
import { transitionHazard } from "~/modules/hazards/steps.server";
import { linkRecords, unlinkRecords } from "~/modules/records/links.server";
import { postThreadEntry } from "~/modules/records/thread.server";
import { changeLeadCounty } from "~/modules/disputes/lead.server";
import { transitionDispute } from "~/modules/disputes/steps.server";
import { countersignAmendment, declineAmendment, proposeAmendment, withdrawAmendment } from "~/modules/pacts/amendments.server";
import { takeNoticeStep } from "~/modules/notices/steps.server";
import { countyIdOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { partiesOf, reportDisputeAs, validDisputeFields } from "./helpers/dispute-fixtures";
import { sendAs } from "./helpers/notice-fixtures";
import { useDemoData, viewerOf } from "../setup/demo";
import { proposalFrom, userIdOf } from "./helpers/pact-fixtures";
import type { Workflow } from "~/modules/access/capabilities";

useDemoData();

interface Row {
  action: string;
  /** Does the write; returns nothing, or an id to expect as the entry's entity id. */
  write: () => unknown;
  actor: string | null;
  hasAfter?: boolean;
  hasBefore?: boolean;
}

const state: Record<string, number | string> = {};
const endsOnOf = (pactId: number) => getDb().$client.prepare("select ends_on from pacts where id = ?").pluck().get(pactId) as string | null;

const ROWS: Row[] = [
  { action: "auth.sign_in", actor: "xh.grid", write: () => signIn("xh.grid", "demo-2026", "10.5.0.1") },
  { action: "auth.sign_in_failed", actor: null, hasAfter: true, write: () => signIn("xh.grid", "nope", "10.5.0.1") },
  {
    action: "auth.sign_out", actor: "xh.grid",
    write: () => signOut(viewerOf("xh.grid")),
  },
  {
    action: "user.create", actor: "xh.admin", hasAfter: true,
    write: async () => {
      state.user = await createCountyUser(viewerOf("xh.admin"), {
        username: "xh.audit", displayName: "审计测试", title: "", phone: "", roles: ["grid_worker"], password: "long-password-1",
      });
    },
  },
  {
    action: "user.update", actor: "xh.admin", hasBefore: true, hasAfter: true,
    write: () => updateCountyUser(viewerOf("xh.admin"), String(state.user), { displayName: "审计测试员", title: "网格员", phone: "", roles: ["grid_worker", "mediator"] }),
  },
  {
    action: "user.sensitive_role_granted", actor: "xh.admin", hasAfter: true,
    write: () => updateCountyUser(viewerOf("xh.admin"), String(state.user), { displayName: "审计测试员", title: "网格员", phone: "", roles: ["police_liaison", "grid_worker", "mediator"] }),
  },
  { action: "user.disable", actor: "xh.admin", hasBefore: true, hasAfter: true, write: () => setUserDisabled(viewerOf("xh.admin"), String(state.user), true) },
  { action: "user.enable", actor: "xh.admin", hasBefore: true, hasAfter: true, write: () => setUserDisabled(viewerOf("xh.admin"), String(state.user), false) },
  { action: "user.reset_password", actor: "xh.admin", write: () => setUserPassword(viewerOf("xh.admin"), String(state.user), "another-password-2", "user.reset_password") },
  {
    action: "user.change_password", actor: "xh.leader",
    write: () => setUserPassword(viewerOf("xh.leader"), findUserByUsername("xh.leader")!.id, "ferry-lantern-bamboo-3", "user.change_password"),
  },
  {
    action: "region.create", actor: "xh.admin", hasAfter: true,
    write: () => {
      const result = createRegion(viewerOf("xh.admin"), { name: "审计镇", parentId: null, isBorder: true });
      if (result.ok) state.region = result.id;
    },
  },
  { action: "region.update", actor: "xh.admin", hasBefore: true, hasAfter: true, write: () => updateRegion(viewerOf("xh.admin"), Number(state.region), { name: "审计新镇", isBorder: false }) },
  { action: "region.delete", actor: "xh.admin", hasBefore: true, write: () => deleteRegion(viewerOf("xh.admin"), Number(state.region)) },
  {
    action: "pact.propose", actor: "xh.pl", hasAfter: true,
    write: () => {
      const result = proposePact(viewerOf("xh.pl"), proposalFrom("xh.pl", ["ZJ"]));
      if (result.ok) state.pact = result.pactId;
      const other = proposePact(viewerOf("xh.pl"), proposalFrom("xh.pl", ["ZJ"]));
      if (other.ok) state.declined = other.pactId;
    },
  },
  { action: "pact.countersign", actor: "zj.admin", write: () => countersignPact(viewerOf("zj.admin"), Number(state.pact), { liaisonIds: [userIdOf("zj.pl")] }) },
  { action: "pact.decline", actor: "zj.admin", write: () => declinePact(viewerOf("zj.admin"), Number(state.declined), { reason: "条款需再商议" }) },
  { action: "pact.suspend", actor: "zj.pl", write: () => suspendPact(viewerOf("zj.pl"), Number(state.pact), { reason: "换届期间暂停" }) },
  { action: "pact.request_resume", actor: "xh.pl", hasAfter: true, write: () => requestResumption(viewerOf("xh.pl"), Number(state.pact), { reason: "换届已完成" }) },
  { action: "pact.resume", actor: "zj.pl", write: () => resumePact(viewerOf("zj.pl"), Number(state.pact)) },
  {
    action: "joint_body.create", actor: "xh.pl", hasAfter: true,
    write: () => {
      const result = createJointBody(viewerOf("xh.pl"), Number(state.pact), {
        kind: "patrol_team", level: null, name: "审计巡防队", members: [{ userId: userIdOf("xh.police"), duty: "队长" }],
      });
      if (result.ok) state.body = result.bodyId;
    },
  },
  { action: "joint_body.add_member", actor: "zj.pl", write: () => addBodyMember(viewerOf("zj.pl"), Number(state.pact), Number(state.body), { userId: userIdOf("zj.police"), duty: "队员" }) },
  { action: "joint_body.remove_member", actor: "zj.pl", write: () => removeBodyMember(viewerOf("zj.pl"), Number(state.pact), Number(state.body), userIdOf("zj.police")) },
  { action: "pact.terminate", actor: "zj.pl", write: () => terminatePact(viewerOf("zj.pl"), Number(state.pact), { reason: "合作期满" }) },
  {
    action: "record.create", actor: "xh.grid", hasAfter: true,
    write: () => {
      const input = reportSchema.parse({
        title: "审计隐患", category: "fire", severity: "general", description: "审计", pactId: String(pactIdBetween("XH", "TZ")),
      });
      for (const key of ["hazard", "other"] as const) {
        const result = reportHazard(viewerOf("xh.grid"), { ...input, title: `${input.title}-${key}` });
        if (result.ok) state[key] = result.id;
      }
    },
  },
  {
    action: "record.verify", actor: "tz.police", hasBefore: true, hasAfter: true,
    write: () => transitionHazard(viewerOf("tz.police"), findVisibleRecord(viewerOf("tz.police"), Number(state.hazard))!, "verify", { note: "" }),
  },
  {
    action: "thread.message", actor: "tz.police", hasAfter: true,
    write: () => postThreadEntry(viewerOf("tz.police"), findVisibleRecord(viewerOf("tz.police"), Number(state.hazard))!, { body: "已到场", internal: false }),
  },
  {
    action: "thread.internal_note", actor: "xh.pl", hasAfter: true,
    write: () => postThreadEntry(viewerOf("xh.pl"), findVisibleRecord(viewerOf("xh.pl"), Number(state.hazard))!, { body: "内部", internal: true }),
  },
  { action: "record.link", actor: "xh.pl", write: () => linkRecords(viewerOf("xh.pl"), Number(state.hazard), Number(state.other)) },
  { action: "record.unlink", actor: "xh.pl", write: () => unlinkRecords(viewerOf("xh.pl"), Number(state.hazard), Number(state.other)) },
  {
    action: "joint_sweep.plan", actor: "xh.pl", hasAfter: true,
    write: () => {
      const input = planSweepSchema.parse({
        pactId: String(pactIdBetween("XH", "TZ")), kind: "focused", title: "审计排查", scope: "凉伞镇", plannedOn: "2030-01-05",
        participantIds: [userIdOf("xh.police")],
      });
      const result = planSweep(viewerOf("xh.pl"), input);
      if (result.ok) state.sweep = result.sweepId;
    },
  },
  { action: "joint_sweep.add_participant", actor: "tz.pl", write: () => addSweepParticipant(viewerOf("tz.pl"), Number(state.sweep), userIdOf("tz.police")) },
  { action: "joint_sweep.complete", actor: "tz.pl", write: () => completeSweep(viewerOf("tz.pl"), Number(state.sweep), "未发现新隐患") },
  {
    action: "record.create", actor: "xh.mediator", hasAfter: true,
    write: () => {
      state.dispute = reportDisputeAs("xh.mediator", { pactId: pactIdBetween("XH", "TZ"), parties: partiesOf(["XH", "TZ"]) });
    },
  },
  {
    action: "record.assess", actor: "xh.mediator", hasBefore: true, hasAfter: true,
    write: () => transitionDispute(viewerOf("xh.mediator"), findVisibleRecord(viewerOf("xh.mediator"), Number(state.dispute))!, "assess", validDisputeFields("assess")),
  },
  {
    action: "dispute.lead_change", actor: "xh.mediator", hasBefore: true, hasAfter: true,
    write: () =>
      changeLeadCounty(viewerOf("xh.mediator"), findVisibleRecord(viewerOf("xh.mediator"), Number(state.dispute))!, {
        leadCountyId: countyIdOf("TZ"), reason: "实际发生地在阳寨村一侧",
      }),
  },
  {
    action: "record.create", actor: "xh.police", hasAfter: true,
    write: () => {
      state.notice = sendAs("xh.police");
    },
  },
  { action: "record.sign", actor: "tz.police", write: () => takeNoticeStep(viewerOf("tz.police"), findVisibleRecord(viewerOf("tz.police"), Number(state.notice))!, "sign", {}) },
  {
    action: "record.cancel", actor: "xh.police",
    write: () => takeNoticeStep(viewerOf("xh.police"), findVisibleRecord(viewerOf("xh.police"), Number(state.notice))!, "cancel", { note: "线索有误" }),
  },
  {
    action: "pact.amendment.propose", actor: "xh.pl", hasBefore: true, hasAfter: true,
    write: () => {
      const pactId = pactIdBetween("XH", "TZ");
      const terms = { workflows: ["hazard", "dispute", "notice", "patrol", "meeting", "project"] as Workflow[], endsOn: endsOnOf(pactId) };
      const proposed = proposeAmendment(viewerOf("xh.pl"), pactId, { ...terms, noticeDeadlines: { normal: 720, urgent: 60, critical: 20 }, note: null });
      if (proposed.ok) state.amendment = proposed.amendmentId;
    },
  },
  {
    action: "pact.amendment.countersign", actor: "tz.admin", hasBefore: true, hasAfter: true,
    write: () => countersignAmendment(viewerOf("tz.admin"), pactIdBetween("XH", "TZ"), { amendmentId: Number(state.amendment) }),
  },
  {
    action: "pact.amendment.adopt", actor: "tz.admin", hasBefore: true, hasAfter: true,
    write: () => {
      const pactId = pactIdBetween("XH", "TZ");
      const proposed = proposeAmendment(viewerOf("xh.pl"), pactId, { workflows: ["hazard", "dispute", "notice", "patrol", "meeting", "project"], endsOn: endsOnOf(pactId), noticeDeadlines: { normal: 600, urgent: 60, critical: 20 }, note: null });
      if (proposed.ok) countersignAmendment(viewerOf("tz.admin"), pactId, proposed);
    },
  },
  {
    action: "pact.amendment.decline", actor: "yp.admin", hasBefore: true, hasAfter: true,
    write: () => {
      const pactId = pactIdBetween("XH", "YP");
      const proposed = proposeAmendment(viewerOf("xh.pl"), pactId, { workflows: ["hazard", "patrol"], endsOn: endsOnOf(pactId), noticeDeadlines: null, note: null });
      if (proposed.ok) declineAmendment(viewerOf("yp.admin"), pactId, { amendmentId: proposed.amendmentId, reason: "仍需纠纷联调" });
    },
  },
  {
    action: "pact.amendment.withdraw", actor: "xh.pl", hasBefore: true, hasAfter: true,
    write: () => {
      const pactId = pactIdBetween("XH", "YP");
      const proposed = proposeAmendment(viewerOf("xh.pl"), pactId, { workflows: ["hazard", "patrol"], endsOn: endsOnOf(pactId), noticeDeadlines: null, note: null });
      if (proposed.ok) withdrawAmendment(viewerOf("xh.pl"), pactId, { amendmentId: proposed.amendmentId });
    },
  },
  {
    action: "access.denied", actor: "tz.grid", hasAfter: true,
    write: () => {
      try {
        assertCan(viewerOf("tz.grid"), "notice", "view");
      } catch {
        // the refusal itself is what is audited
      }
    },
  },
];

describe("every kind of write is audited", () => {
  it.each(ROWS.map((row) => [row.action, row] as const))("%s", async (_action, row) => {
    const lastId = getDb().select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()?.id ?? 0;
    await row.write();
    const entries = getDb().select().from(auditLog).where(gt(auditLog.id, lastId)).all();
    const entry = entries.find((e) => e.action === row.action);
    expect(entry, `no ${row.action} entry among ${entries.map((e) => e.action).join(", ")}`).toBeDefined();
    if (row.actor) {
      const viewer = viewerOf(row.actor);
      expect(entry).toMatchObject({ actorUserId: viewer.userId, countyId: viewer.countyId });
    } else {
      expect(entry!.countyId).not.toBeNull();
    }
    expect(entry!.at).toBeGreaterThan(Date.now() - 60_000);
    if (row.hasBefore) expect(entry!.before).not.toBeNull();
    if (row.hasAfter) expect(entry!.after).not.toBeNull();
  });

});
