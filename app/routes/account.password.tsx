import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Alert, PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { MAX_PASSWORD_LENGTH } from "~/modules/auth/password-rules";
import { passwordProblem } from "~/modules/auth/password-policy.server";
import { verifyPassword } from "~/modules/auth/password.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { blankSessionCookie } from "~/modules/auth/session.server";
import { parseForm, translateIssue } from "~/modules/forms/validation";
import { findUserByUsername, setUserPassword } from "~/modules/tenancy/users.server";
import { readFormData } from "~/modules/forms/read-form.server";

const changePasswordSchema = z
  .object({
    current: z.string().min(1, { error: "form.required" }),
    password: z
      .string()
      .min(1, { error: "form.required" })
      .max(MAX_PASSWORD_LENGTH, { error: `form.tooLong|max=${MAX_PASSWORD_LENGTH}` }),
    confirm: z.string().min(1, { error: "form.required" }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "password.mismatch" });

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  return { required: viewer.mustChangePassword };
}

/** One's own password: the current one first; afterwards every session ends, this one too. */
export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const t = getTranslator(request);
  const parsed = parseForm(changePasswordSchema, await readFormData(request), t);
  if (!parsed.ok) return { errors: parsed.errors };
  const user = findUserByUsername(viewer.username)!;
  if (!(await verifyPassword(user.passwordHash, parsed.data.current))) {
    return { errors: { current: t("password.wrongCurrent") } as Record<string, string> };
  }
  if (parsed.data.password === parsed.data.current) {
    return { errors: { password: t("password.sameAsCurrent") } as Record<string, string> };
  }
  const problem = await passwordProblem(parsed.data.password, { username: viewer.username, countyName: viewer.countyName });
  if (problem) return { errors: { password: translateIssue(problem, t) } as Record<string, string> };
  await setUserPassword(viewer, viewer.userId, parsed.data.password, "user.change_password");
  throw redirect("/login?passwordChanged=1", { headers: { "Set-Cookie": blankSessionCookie() } });
}

export default function ChangePassword() {
  const t = useT();
  const { required } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = data?.errors ?? {};
  return (
    <div className="max-w-md">
      <PageHeader title={t("password.title")} />
      {required ? <div className="mb-4"><Alert tone="info">{t("password.mustChange")}</Alert></div> : null}
      {data?.errors ? <div className="mb-4"><Alert tone="error">{t("form.fixErrors")}</Alert></div> : null}
      <Form method="post" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
        <TextField name="current" type="password" label={t("password.current")} autoComplete="current-password" error={errors.current} required />
        <TextField name="password" type="password" label={t("password.new")} hint={t("password.rules")} autoComplete="new-password" error={errors.password} required />
        <TextField name="confirm" type="password" label={t("password.confirm")} autoComplete="new-password" error={errors.confirm} required />
        <Button>{t("form.save")}</Button>
      </Form>
    </div>
  );
}
