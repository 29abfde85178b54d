/**
 * Examples the hostile-input properties found, kept as plain regression tests: each failed
 * (a 500, an open redirect, a message in zod's English) before its fix.
 */
import { describe, expect, it } from "vitest";
import { postAs, routeArgs } from "../integration/helpers/requests";
import { useDemoData } from "../setup/demo";
import { action as passwordAction } from "~/routes/account.password";

useDemoData();

describe("a field a schema has no message for is still answered in Chinese", () => {
  it("changing the password without the current one says the field is required", async () => {
    const request = await postAs("xh.leader", "/account/password", { password: "new-password-2026", confirm: "new-password-2026" });
    const out = (await passwordAction(routeArgs(request))) as { errors: Record<string, string> };
    expect(out.errors.current).toBe("此项为必填项");
  });
});
