/**
 * Separation of duties in a county's administration: an administrator never changes their own
 * roles (another administrator of the county must), and every grant of a sensitive role
 * (police_liaison, county_admin) is shown to the county's administrators on /admin.
 */
import { describe, expect, it } from "vitest";
import { getDb } from "~/modules/db/connection.server";
import { createCountyUser, findUserByUsername, rolesOf, updateCountyUser } from "~/modules/tenancy/users.server";
import { loader as adminHome } from "~/routes/admin._index";
import { action as editAction, loader as editLoader } from "~/routes/admin.users.$userId";
import { useDemoData, viewerOf } from "../setup/demo";
import { expectData, expectRedirect, getAs, postAs, routeArgs, type FormFields } from "./helpers/requests";

useDemoData();

const idOf = (username: string) => findUserByUsername(username)!.id;
const profile = { displayName: "杨志明", title: "系统管理员", phone: "" };
const edit = async (admin: string, target: string, fields: FormFields) =>
  editAction(routeArgs(await postAs(admin, `/admin/users/${target}`, fields), { userId: target }));
const home = async (admin: string) => expectData(adminHome(routeArgs(await getAs(admin, "/admin"))));

describe("an administrator's own roles", () => {
  it("the service refuses an administrator who gives themself police_liaison; nothing changes", () => {
    const self = idOf("xh.admin");
    const result = updateCountyUser(viewerOf("xh.admin"), self, { ...profile, roles: ["county_admin", "police_liaison"] });
    expect(result).toEqual({ ok: false, reason: "own_roles" });
    expect(rolesOf(getDb(), self)).toEqual(["county_admin"]);
  });

  it("the page refuses it too, explains why, and locks the role boxes on one's own account", async () => {
    const self = idOf("xh.admin");
    const data = await expectData(edit("xh.admin", self, { intent: "profile", ...profile, roles: ["county_admin", "police_liaison"] }));
    expect(data).toMatchObject({ intent: "profile", errors: { roles: "不能修改自己的角色，须由本县另一名系统管理员修改" } });
    expect(rolesOf(getDb(), self)).toEqual(["county_admin"]);

    const page = await expectData(editLoader(routeArgs(await getAs("xh.admin", `/admin/users/${self}`), { userId: self })));
    expect(page).toMatchObject({ isSelf: true, rolesLocked: true });

    // Name, title and phone of one's own account still change (the locked boxes post no roles).
    expect(await expectRedirect(edit("xh.admin", self, { intent: "profile", ...profile, title: "县委政法委系统管理员" }))).toBe(
      `/admin/users/${self}?notice=updated`,
    );
    expect(findUserByUsername("xh.admin")!.title).toBe("县委政法委系统管理员");
    expect(rolesOf(getDb(), self)).toEqual(["county_admin"]);
  });
});

describe("grants of sensitive roles", () => {
  it("a second administrator changes the first one's roles; each sensitive grant shows on /admin for the county only", async () => {
    await createCountyUser(viewerOf("xh.admin"), {
      username: "xh.admin2", displayName: "吴晓兰", title: "系统管理员", phone: "", roles: ["county_admin"], password: "second-admin-2026",
    });
    const second = idOf("xh.admin2");
    const first = idOf("xh.admin");
    expect(updateCountyUser(viewerOf("xh.admin2"), first, { ...profile, roles: ["county_admin", "police_liaison"] })).toEqual({ ok: true });
    expect(rolesOf(getDb(), first)).toEqual(["county_admin", "police_liaison"]);
    // Granting a role that is not sensitive, or keeping one, is not a sensitive grant.
    const grid = idOf("xh.grid");
    expect(updateCountyUser(viewerOf("xh.admin"), grid, { displayName: "蒲德辉", title: "网格员", phone: "", roles: ["grid_worker", "mediator"] }).ok).toBe(true);
    expect(updateCountyUser(viewerOf("xh.admin2"), first, { ...profile, roles: ["county_admin", "police_liaison"] }).ok).toBe(true);

    const grants = (await home("xh.admin")).sensitiveGrants;
    expect(grants.map((g: { userId: string; role: string; grantedByName: string }) => [g.userId, g.role, g.grantedByName])).toEqual([
      [first, "police_liaison", "吴晓兰"],
      [second, "county_admin", "杨志明"],
    ]);
    expect(grants[0]).toMatchObject({ displayName: "杨志明", username: "xh.admin", grantedBySelf: false });
    expect(grants[1]).toMatchObject({ username: "xh.admin2", grantedBySelf: true });
    expect((await home("tz.admin")).sensitiveGrants).toEqual([]);
  });
});
