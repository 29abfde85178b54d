import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Alert, PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { MIN_PASSWORD_LENGTH, verifyPassword } from "~/modules/auth/password.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { blankSessionCookie } from "~/modules/auth/session.server";
import { parseForm } from "~/modules/forms/validation";
import { findUserByUsername, setUserPassword } from "~/modules/tenancy/users.server";
import { readFormData } from "~/modules/forms/read-form.server";

const changePasswordSchema = z
  .object({
    current: z.string().min(1, { error: "form.required" }),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, { error: `password.tooShort|min=${MIN_PASSWORD_LENGTH}` })
      .max(256, { error: "form.tooLong|max=256" }),
    confirm: z.string().min(1, { error: "form.required" }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "password.mismatch" });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
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
  await setUserPassword(viewer, viewer.userId, parsed.data.password, "user.change_password");
  throw redirect("/login?passwordChanged=1", { headers: { "Set-Cookie": blankSessionCookie() } });
}

export default function ChangePassword() {
  const t = useT();
  const data = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = data?.errors ?? {};
  return (
    <div className="max-w-md">
      <PageHeader title={t("password.title")} />
      {data?.errors ? <div className="mb-4"><Alert tone="error">{t("form.fixErrors")}</Alert></div> : null}
      <Form method="post" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
        <TextField name="current" type="password" label={t("password.current")} autoComplete="current-password" error={errors.current} required />
        <TextField name="password" type="password" label={t("password.new")} autoComplete="new-password" error={errors.password} required />
        <TextField name="confirm" type="password" label={t("password.confirm")} autoComplete="new-password" error={errors.confirm} required />
        <Button>{t("form.save")}</Button>
      </Form>
    </div>
  );
}
