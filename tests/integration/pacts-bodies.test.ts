import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { jointBodyMembers } from "~db/schema";
import { getDb } from "~/modules/db/connection.server";
import {
  addBodyMember, createJointBody, getBodyFor, listBodies, removeBodyMember,
} from "~/modules/pacts/bodies.server";
import { suspendPact } from "~/modules/pacts/lifecycle.server";
import type { JointBodyInput } from "~/modules/pacts/schemas";
import { useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { activePactOf, auditOf, denialsOf, proposeAs, userIdOf } from "./helpers/pact-fixtures";

useDemoData();

const committee = (members: { username: string; duty: string }[]): JointBodyInput => ({
  kind: "mediation_committee",
  level: "village",
  name: "街上—阳寨村级边界联合调解委员会",
  members: members.map((m) => ({ userId: userIdOf(m.username), duty: m.duty })),
});

describe("joint bodies", () => {
  it("a member county forms a body with its own people; the other side adds and removes its own; all audited", () => {
    const pactId = pactIdBetween("XH", "TZ");
    const created = createJointBody(viewerOf("xh.pl"), pactId, committee([{ username: "xh.mediator", duty: "主任" }]));
    expect(created.ok).toBe(true);
    const bodyId = (created as { bodyId: number }).bodyId;

    const seenByTz = getBodyFor(viewerOf("tz.grid"), pactId, bodyId)!;
    expect(seenByTz).toMatchObject({ kind: "mediation_committee", level: "village", createdByName: "姚红梅" });
    expect(seenByTz.members.map((m) => [m.displayName, m.countyName, m.duty])).toEqual([["吴秀英", "新晃侗族自治县", "主任"]]);

    expect(addBodyMember(viewerOf("tz.pl"), pactId, bodyId, { userId: userIdOf("tz.mediator"), duty: "副主任" })).toEqual({ ok: true });
    expect(addBodyMember(viewerOf("tz.admin"), pactId, bodyId, { userId: userIdOf("tz.grid"), duty: "" })).toEqual({ ok: true });
    // Only one's own county's people, each once.
    expect(addBodyMember(viewerOf("tz.pl"), pactId, bodyId, { userId: userIdOf("xh.grid"), duty: "" })).toMatchObject({ reason: "invalid", errors: { userId: "form.invalidChoice" } });
    expect(addBodyMember(viewerOf("tz.pl"), pactId, bodyId, { userId: userIdOf("tz.grid"), duty: "" })).toMatchObject({ reason: "invalid", errors: { userId: "pacts.form.alreadyMember" } });
    // TZ cannot take XH's people off; roles without pact rights cannot change anything.
    expect(removeBodyMember(viewerOf("tz.pl"), pactId, bodyId, userIdOf("xh.mediator"))).toEqual({ ok: false, reason: "forbidden" });
    expect(denialsOf("tz.pl", "joint_body", bodyId)).toHaveLength(1);
    expect(addBodyMember(viewerOf("tz.mediator"), pactId, bodyId, { userId: userIdOf("tz.police"), duty: "" })).toEqual({ ok: false, reason: "forbidden" });
    expect(removeBodyMember(viewerOf("tz.pl"), pactId, bodyId, userIdOf("tz.grid"))).toEqual({ ok: true });

    const members = getDb().select().from(jointBodyMembers).where(eq(jointBodyMembers.bodyId, bodyId)).all();
    expect(members.map((m) => [m.userId, m.duty]).sort()).toEqual(
      [[userIdOf("xh.mediator"), "主任"], [userIdOf("tz.mediator"), "副主任"]].sort(),
    );
    const audit = auditOf("joint_body", bodyId).filter((a) => a.action !== "access.denied");
    expect(audit.map((a) => [a.action, a.actorUserId])).toEqual([
      ["joint_body.create", userIdOf("xh.pl")],
      ["joint_body.add_member", userIdOf("tz.pl")],
      ["joint_body.add_member", userIdOf("tz.admin")],
      ["joint_body.remove_member", userIdOf("tz.pl")],
    ]);
    expect(JSON.parse(audit[3].before!)).toMatchObject({ userId: userIdOf("tz.grid") });
    expect(listBodies(viewerOf("xh.grid"), pactId)!.map((b) => b.id)).toContain(bodyId);
  });

  it("only pl_staff and admins of member counties, only under a pact in effect, only with own people", () => {
    const xhTz = pactIdBetween("XH", "TZ");
    const team: JointBodyInput = { kind: "patrol_team", level: null, name: "联合巡防二队", members: [{ userId: userIdOf("xh.police"), duty: "队长" }] };
    expect(createJointBody(viewerOf("xh.police"), xhTz, team)).toEqual({ ok: false, reason: "forbidden" });
    expect(createJointBody(viewerOf("yp.pl"), xhTz, team)).toEqual({ ok: false, reason: "not_found" });
    expect(createJointBody(viewerOf("tz.pl"), xhTz, team)).toMatchObject({ reason: "invalid", errors: { memberIds: "form.invalidChoice" } });
    expect(createJointBody(viewerOf("xh.pl"), xhTz, { ...team, members: [] })).toMatchObject({ reason: "invalid" });
    const proposed = proposeAs("xh.pl", ["TZ"]);
    expect(createJointBody(viewerOf("xh.pl"), proposed, team)).toEqual({ ok: false, reason: "conflict" });
    expect(listBodies(viewerOf("xh.pl"), proposed)).toEqual([]);
    const ok = createJointBody(viewerOf("xh.admin"), xhTz, team);
    expect(ok.ok).toBe(true);
    const bodyId = (ok as { bodyId: number }).bodyId;
    expect(getBodyFor(viewerOf("xh.pl"), xhTz, bodyId)).toMatchObject({ kind: "patrol_team", level: null });
  });

  it("a body is reached only through its own pact and only by members", () => {
    const xhTz = pactIdBetween("XH", "TZ");
    const xhYp = pactIdBetween("XH", "YP");
    const [tzBody] = listBodies(viewerOf("xh.pl"), xhTz)!;
    expect(getBodyFor(viewerOf("yp.pl"), xhTz, tzBody.id)).toBeNull();
    // Right body, wrong pact in the path: not found, even for a member of both.
    expect(getBodyFor(viewerOf("xh.pl"), xhYp, tzBody.id)).toBeNull();
    expect(addBodyMember(viewerOf("xh.pl"), xhYp, tzBody.id, { userId: userIdOf("xh.leader"), duty: "" })).toEqual({ ok: false, reason: "not_found" });
    expect(listBodies(viewerOf("yp.admin"), xhTz)).toBeNull();
    const stillThere = getDb().select().from(jointBodyMembers)
      .where(and(eq(jointBodyMembers.bodyId, tzBody.id), eq(jointBodyMembers.userId, userIdOf("xh.leader")))).get();
    expect(stillThere).toBeUndefined();
  });

  it("a suspended pact's bodies cannot be changed", () => {
    const pactId = activePactOf("xh.pl", ["ZJ"]);
    const created = createJointBody(viewerOf("zj.pl"), pactId, committee([{ username: "zj.mediator", duty: "主任" }]));
    expect(created.ok).toBe(true);
    expect(suspendPact(viewerOf("xh.pl"), pactId, { reason: "暂停" }).ok).toBe(true);
    const bodyId = (created as { bodyId: number }).bodyId;
    expect(addBodyMember(viewerOf("zj.pl"), pactId, bodyId, { userId: userIdOf("zj.grid"), duty: "" })).toEqual({ ok: false, reason: "conflict" });
    expect(removeBodyMember(viewerOf("zj.pl"), pactId, bodyId, userIdOf("zj.mediator"))).toEqual({ ok: false, reason: "conflict" });
  });
});
