/**
 * Examples the hostile-input properties found, kept as plain regression tests: each failed
 * (a 500, an open redirect, a message in zod's English) before its fix.
 */
import { describe, expect, it } from "vitest";
import { getDb } from "~/modules/db/connection.server";
import { loader as auditLoader } from "~/routes/admin.audit";
import { action as newHazardAction } from "~/routes/hazards.new";
import { fixtureFile } from "../fixtures/threads";
import { ORIGIN, getAs, postAs, postMultipartAs, postWithCookie, routeArgs, settle } from "../integration/helpers/requests";
import { useDemoData } from "../setup/demo";
import { action as langAction } from "~/routes/lang";
import { action as loginAction } from "~/routes/login";
import { action as passwordAction } from "~/routes/account.password";

useDemoData();

async function locationAfter(run: Promise<unknown>): Promise<string> {
  const out = await settle(run);
  expect(out).toBeInstanceOf(Response);
  const response = out as Response;
  expect(response.status).toBe(302);
  return response.headers.get("Location") ?? "";
}

describe("going back after the language switch or signing in stays in the portal", () => {
  const targets: [string, string][] = [
    ["/\n/evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["/\\evil.example", "/"],
    ["//evil.example", "/"],
    ["https://evil.example/", "/"],
    ["/界?q=边界#第一条", "/%E7%95%8C?q=%E8%BE%B9%E7%95%8C#%E7%AC%AC%E4%B8%80%E6%9D%A1"],
    ["/hazards?status=reported", "/hazards?status=reported"],
  ];

  it.each(targets)("the language switch with redirectTo %j goes to %j", async (redirectTo, expected) => {
    const request = await postAs("xh.pl", "/lang", { locale: "en", redirectTo });
    const location = await locationAfter(Promise.resolve().then(() => langAction(routeArgs(request))));
    expect(location).toBe(expected);
    expect(new URL(location, ORIGIN).origin).toBe(ORIGIN);
  });

  it.each(targets)("signing in with redirectTo %j goes to %j", async (redirectTo, expected) => {
    const request = postWithCookie("", "/login", { username: "xh.grid", password: "demo-2026", redirectTo });
    expect(await locationAfter(loginAction(routeArgs(request)))).toBe(expected);
  });
});

describe("a field a schema has no message for is still answered in Chinese", () => {
  it("changing the password without the current one says the field is required", async () => {
    const request = await postAs("xh.leader", "/account/password", { password: "new-password-2026", confirm: "new-password-2026" });
    const out = (await passwordAction(routeArgs(request))) as { errors: Record<string, string> };
    expect(out.errors.current).toBe("此项为必填项");
  });
});

describe("an empty file sent with a new hazard is refused like any refused file, not dropped unsaid", () => {
  it("the hazard is reported, the photos are refused together and the notice says so", async () => {
    const pactId = (getDb().$client.prepare("select pact_id as id from pact_members where county_id = (select id from counties where short_code = 'XH') limit 1").get() as { id: number }).id;
    const fields = { title: "空文件测试", category: "fire", severity: "general", source: "grid_sweep", description: "附两张照片", pactId: String(pactId) };
    const files = { files: [new File([], "photo.png", { type: "image/png" }), fixtureFile("photo.jpg")] };
    const request = await postMultipartAs("xh.grid", "/hazards/new", fields, files);
    const location = await locationAfter(newHazardAction(routeArgs(request)));
    expect(location).toMatch(/^\/hazards\/\d+\?notice=reportedPhotosFailed$/);
    const id = Number(location.split("/")[2].split("?")[0]);
    expect(getDb().$client.prepare("select count(*) as n from attachments where record_id = ?").get(id)).toEqual({ n: 0 });
  });
});

describe("the audit log's filter reads what it can and says what it cannot", () => {
  it.each([
    ["an over-long action", `action=${"😀".repeat(65)}`, "action"],
    ["an over-long actor", `q=${"界".repeat(65)}`, "q"],
    ["an over-long actor and a bad date", `q=${"界".repeat(65)}&from=2026-02-30`, "from"],
  ])("%s answers the page with a message, not a 500", async (_what, query, field) => {
    const request = await getAs("xh.admin", `/admin/audit?${query}`);
    const page = (await auditLoader(routeArgs(request))) as unknown as { errors: Record<string, string>; entries: unknown[] };
    expect(page.errors[field]).toMatch(/[\u4e00-\u9fff]/);
    expect(page.entries.length).toBeGreaterThan(0);
  });
});

describe("a body that is not a form answers 400, not a 500", () => {
  it.each([
    ["multipart/form-data; boundary=x", "garbage"],
    ["application/json", '{"username":"xh.pl"}'],
  ])("signing in with %s", async (type, body) => {
    const request = new Request(new URL("/login", ORIGIN), { method: "POST", headers: { "Content-Type": type, Origin: ORIGIN }, body });
    const out = await settle(loginAction(routeArgs(request)));
    expect(out).toBeInstanceOf(Response);
    expect((out as Response).status).toBe(400);
  });
});
