import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, sessions, users } from "~db/schema";
import { verifyPassword } from "~/modules/auth/password.server";
import { getDb } from "~/modules/db/connection.server";
import { findUserByUsername, rolesOf } from "~/modules/tenancy/users.server";
import { action as editAction, loader as editLoader } from "~/routes/admin.users.$userId";
import { loader as listLoader } from "~/routes/admin.users._index";
import { action as newAction, loader as newLoader } from "~/routes/admin.users.new";
import { countyIdOf, useDemoData } from "../setup/demo";
import {
  expectData,
  expectRedirect,
  expectStatus,
  type FormFields,
  getAs,
  postAs,
  postWithCookie,
  routeArgs,
  sessionCookieFor,
} from "./helpers/requests";

useDemoData();

const db = () => getDb();
const userId = (username: string) => findUserByUsername(username)!.id;
const sessionsOf = (id: string) => db().select().from(sessions).where(eq(sessions.userId, id)).all();
const lastAudit = (action: string, entityId: string) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id))
    .get();

const newUser = {
  username: "xh.Liuqiang",
  displayName: "刘强",
  title: "凉伞镇综治专干",
  phone: "0745-6123456",
  roles: ["grid_worker", "mediator"],
  password: "liangsan-2026",
};

describe("/admin/users", () => {
  it("lists the admin's own county's users only, with roles and state", async () => {
    const data = await expectData(listLoader(routeArgs(await getAs("xh.admin", "/admin/users"))));
    const names = data.users.map((u) => u.username);
    expect(names).toEqual(expect.arrayContaining(["xh.admin", "xh.pl", "xh.grid"]));
    expect(names.every((n) => !n.startsWith("tz.") && !n.startsWith("yp."))).toBe(true);
    const pl = data.users.find((u) => u.username === "xh.pl")!;
    expect(pl).toMatchObject({ displayName: "姚红梅", roles: ["pl_staff"], disabled: false });
    expect(JSON.stringify(data)).not.toContain("passwordHash");
  });

  it("refuses someone without the county_admin role with 403 and records the denial", async () => {
    await expectStatus(listLoader(routeArgs(await getAs("xh.pl", "/admin/users"))), 403);
    await expectStatus(newLoader(routeArgs(await getAs("xh.pl", "/admin/users/new"))), 403);
    const before = db().select().from(users).all().length;
    await expectStatus(newAction(routeArgs(await postAs("xh.pl", "/admin/users/new", newUser))), 403);
    await expectStatus(
      editAction(routeArgs(await postAs("xh.pl", "/admin/users/x", { intent: "disable" }), { userId: userId("xh.grid") })),
      403,
    );
    expect(db().select().from(users).all().length).toBe(before);
    const denial = lastAudit("access.denied", "/admin/users/new");
    expect(denial).toMatchObject({ actorUserId: userId("xh.pl"), countyId: countyIdOf("XH"), entityType: "page" });
  });

  it("sends a signed-out visitor to the sign-in page", async () => {
    const response = await expectStatus(listLoader(routeArgs(new Request("http://localhost/admin/users"))), 302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Fusers");
  });
});

describe("/admin/users/new", () => {
  it("creates a user in the admin's county, whatever county the form names, and audits it", async () => {
    const request = await postAs("xh.admin", "/admin/users/new", { ...newUser, countyId: String(countyIdOf("TZ")) });
    expect(await expectRedirect(newAction(routeArgs(request)))).toBe("/admin/users?notice=created");

    const created = findUserByUsername("xh.liuqiang")!;
    expect(created).toMatchObject({ countyId: countyIdOf("XH"), displayName: "刘强", phone: "0745-6123456", disabled: false });
    expect(rolesOf(db(), created.id)).toEqual(["mediator", "grid_worker"]);
    expect(await verifyPassword(created.passwordHash, newUser.password)).toBe(true);

    const entry = lastAudit("user.create", created.id)!;
    expect(entry).toMatchObject({ actorUserId: userId("xh.admin"), countyId: countyIdOf("XH"), before: null });
    expect(JSON.parse(entry.after!)).toEqual({
      username: "xh.liuqiang",
      displayName: "刘强",
      title: "凉伞镇综治专干",
      phone: "0745-6123456",
      roles: ["mediator", "grid_worker"],
    });
    expect(entry.after).not.toContain(newUser.password);
  });

  it("says clearly that a username is taken, in any letter case", async () => {
    const count = db().select().from(users).all().length;
    for (const username of ["xh.grid", "XH.PL"]) {
      const data = await expectData(
        newAction(routeArgs(await postAs("xh.admin", "/admin/users/new", { ...newUser, username }))),
      );
      expect(data.errors.username).toBe(`用户名“${username.toLowerCase()}”已被占用，请换一个`);
      expect(data.values.displayName).toBe("刘强");
      expect(data.values.roles).toEqual(["grid_worker", "mediator"]);
      expect(data.values).not.toHaveProperty("password");
    }
    // Also when the rest of the form still has mistakes.
    const partial = await expectData(newAction(routeArgs(await postAs("xh.admin", "/admin/users/new", { username: "xh.police" }))));
    expect(partial.errors).toMatchObject({ username: "用户名“xh.police”已被占用，请换一个", displayName: "此项为必填项" });
    expect(db().select().from(users).all().length).toBe(count);
  });

  it("keeps usernames in the county's own namespace, so another county's names cannot be probed", async () => {
    const count = db().select().from(users).all().length;
    // tz.admin exists and zj.nobody does not: both get the same answer.
    for (const username of ["tz.admin", "zj.nobody", "liuqiang"]) {
      const data = await expectData(
        newAction(routeArgs(await postAs("xh.admin", "/admin/users/new", { ...newUser, username }))),
      );
      expect(data.errors.username).toBe("本县用户名须以“xh.”开头");
    }
    const loaded = await expectData(newLoader(routeArgs(await getAs("xh.admin", "/admin/users/new"))));
    expect(loaded).toEqual({ usernamePrefix: "xh." });
    expect(db().select().from(users).all().length).toBe(count);
  });

  it("shows each validation message in Chinese next to its field and writes nothing", async () => {
    const count = db().select().from(users).all().length;
    const auditCount = db().select().from(auditLog).all().length;
    const empty = await expectData(newAction(routeArgs(await postAs("xh.admin", "/admin/users/new", {}))));
    expect(empty.errors).toEqual({
      username: "此项为必填项",
      displayName: "此项为必填项",
      title: "此项为必填项",
      roles: "请至少选择一个角色",
      password: "此项为必填项",
    });

    const bad = await expectData(
      newAction(
        routeArgs(
          await postAs("xh.admin", "/admin/users/new", {
            username: "刘 强",
            displayName: "刘".repeat(33),
            title: "专干",
            phone: "电话123",
            roles: ["grid_worker", "mayor"],
            password: "short",
          }),
        ),
      ),
    );
    expect(bad.errors).toEqual({
      username: "用户名须为 3–32 位小写字母、数字、点（.）、短横线（-）或下划线（_）",
      displayName: "不能超过 32 个字",
      phone: "联系电话只能包含数字和短横线",
      roles: "请选择有效的选项",
      password: "密码至少 10 位",
    });
    expect(db().select().from(users).all().length).toBe(count);
    expect(db().select().from(auditLog).all().length).toBe(auditCount);
  });

  it("speaks English to a viewer who chose it", async () => {
    const request = await postAs("xh.admin", "/admin/users/new", { ...newUser, username: "ab" }, { locale: "en" });
    const data = await expectData(newAction(routeArgs(request)));
    expect(data.errors.username).toMatch(/^A username has 3–32 lowercase letters/);
  });
});

describe("/admin/users/$userId", () => {
  const edit = async (admin: string, target: string, fields: FormFields) =>
    editAction(routeArgs(await postAs(admin, `/admin/users/${target}`, fields), { userId: target }));

  it("shows a user of the county for editing", async () => {
    const id = userId("xh.grid");
    const data = await expectData(editLoader(routeArgs(await getAs("xh.admin", `/admin/users/${id}`), { userId: id })));
    expect(data.user).toMatchObject({ username: "xh.grid", displayName: "蒲德辉", roles: ["grid_worker"] });
    expect(data.isSelf).toBe(false);
    expect(data.user).not.toHaveProperty("passwordHash");
  });

  it("changes profile and roles, with before and after in the audit log", async () => {
    const id = userId("xh.grid");
    const to = await expectRedirect(
      edit("xh.admin", id, {
        intent: "profile",
        displayName: "蒲德辉",
        title: "凉伞镇街上村网格长",
        phone: "",
        roles: ["grid_worker", "mediator"],
      }),
    );
    expect(to).toBe(`/admin/users/${id}?notice=updated`);
    expect(rolesOf(db(), id)).toEqual(["mediator", "grid_worker"]);
    expect(db().select().from(users).where(eq(users.id, id)).get()).toMatchObject({ title: "凉伞镇街上村网格长", phone: "" });
    const entry = lastAudit("user.update", id)!;
    expect(JSON.parse(entry.before!)).toMatchObject({ title: "网格员", roles: ["grid_worker"] });
    expect(JSON.parse(entry.after!)).toMatchObject({ title: "凉伞镇街上村网格长", roles: ["mediator", "grid_worker"] });
  });

  it("keeps an admin from removing their own admin role or disabling themself", async () => {
    const self = userId("xh.admin");
    const dropped = await expectData(
      edit("xh.admin", self, { intent: "profile", displayName: "杨志明", title: "系统管理员", phone: "", roles: ["pl_staff"] }),
    );
    expect(dropped).toMatchObject({ intent: "profile", errors: { roles: "不能修改自己的角色，须由本县另一名系统管理员修改" } });
    expect(rolesOf(db(), self)).toEqual(["county_admin"]);

    const disabled = await expectData(edit("xh.admin", self, { intent: "disable" }));
    expect(disabled).toMatchObject({ intent: "disable", errors: { _form: "不能停用自己的账号" } });
    expect(findUserByUsername("xh.admin")!.disabled).toBe(false);
  });

  it("disabling a user ends all of their sessions at once; enabling lets them back", async () => {
    const id = userId("xh.leader");
    const cookie = await sessionCookieFor("xh.leader");
    await sessionCookieFor("xh.leader");
    expect(sessionsOf(id)).toHaveLength(2);

    expect(await expectRedirect(edit("xh.admin", id, { intent: "disable" }))).toBe(`/admin/users/${id}?notice=disabled`);
    expect(findUserByUsername("xh.leader")!.disabled).toBe(true);
    expect(sessionsOf(id)).toHaveLength(0);
    // The old cookie no longer signs anyone in.
    const stale = postWithCookie(cookie, "/admin/users/new", newUser);
    expect((await expectStatus(newAction(routeArgs(stale)), 302)).headers.get("Location")).toMatch(/^\/login/);
    expect(lastAudit("user.disable", id)).toMatchObject({ before: '{"disabled":false}', after: '{"disabled":true}' });

    await expectRedirect(edit("xh.admin", id, { intent: "enable" }));
    expect(findUserByUsername("xh.leader")!.disabled).toBe(false);
  });

  it("resets a password: confirmation must match; then every session ends", async () => {
    const id = userId("xh.police");
    await sessionCookieFor("xh.police");
    const mismatch = await expectData(
      edit("xh.admin", id, { intent: "reset_password", password: "new-pass-2026", confirm: "new-pass-2027" }),
    );
    expect(mismatch).toMatchObject({ intent: "reset_password", errors: { confirm: "两次输入的密码不一致" }, values: {} });
    const short = await expectData(edit("xh.admin", id, { intent: "reset_password", password: "abc", confirm: "abc" }));
    expect(short.errors.password).toBe("密码至少 10 位");
    expect(sessionsOf(id)).toHaveLength(1);

    const to = await expectRedirect(
      edit("xh.admin", id, { intent: "reset_password", password: "new-pass-2026", confirm: "new-pass-2026" }),
    );
    expect(to).toBe(`/admin/users/${id}?notice=passwordReset`);
    expect(sessionsOf(id)).toHaveLength(0);
    expect(await verifyPassword(findUserByUsername("xh.police")!.passwordHash, "new-pass-2026")).toBe(true);
    const entry = lastAudit("user.reset_password", id)!;
    expect(entry).toMatchObject({ actorUserId: userId("xh.admin"), before: null, after: null });
  });

  it("answers 404 to another county's admin for GET and every POST, and changes nothing", async () => {
    const id = userId("xh.mediator");
    await sessionCookieFor("xh.mediator");
    const snapshot = () => ({
      user: db().select().from(users).where(eq(users.id, id)).get(),
      roles: rolesOf(db(), id),
      sessions: sessionsOf(id).length,
    });
    const before = snapshot();

    const get = await expectStatus(editLoader(routeArgs(await getAs("tz.admin", `/admin/users/${id}`), { userId: id })), 404);
    const posts = [
      { intent: "profile", displayName: "改名", title: "x", phone: "", roles: ["leader"] },
      { intent: "disable" },
      { intent: "reset_password", password: "taken-over-1", confirm: "taken-over-1" },
    ];
    for (const fields of posts) await expectStatus(edit("tz.admin", id, fields), 404);
    expect(snapshot()).toEqual(before);

    // A user id that exists nowhere gets the very same answer.
    const missing = await expectStatus(
      editLoader(routeArgs(await getAs("tz.admin", "/admin/users/nobody"), { userId: "nobody" })),
      404,
    );
    expect(await missing.text()).toBe(await get.text());
    await expectStatus(edit("tz.admin", "nobody", { intent: "disable" }), 404);
    expect(lastAudit("access.denied", id)).toMatchObject({ countyId: countyIdOf("TZ"), entityType: "user" });
  });

  it("rejects an unknown intent", async () => {
    await expectStatus(edit("xh.admin", userId("xh.grid"), { intent: "promote" }), 400);
  });
});
