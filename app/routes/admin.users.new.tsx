import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormErrors } from "~/components/admin/notice";
import { profileValuesFrom, UserProfileFields } from "~/components/admin/user-fields";
import { Button, buttonLinkClass } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { requireUser } from "~/modules/auth/require-user.server";
import { formValues, parseForm, type FieldErrors, translateIssue } from "~/modules/forms/validation";
import { MIN_PASSWORD_LENGTH } from "~/modules/auth/password-rules";
import { passwordProblem } from "~/modules/auth/password-policy.server";
import { newUserSchema, USER_LIST_FIELDS } from "~/modules/tenancy/schemas";
import {
  createCountyUser,
  requireCountyAdmin,
  countyUsernamePrefix,
  usernameTaken,
} from "~/modules/tenancy/users.server";
import { sqliteErrorCode } from "~/modules/db/errors";
import { readFormData } from "~/modules/forms/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  requireCountyAdmin(viewer, request);
  return { usernamePrefix: countyUsernamePrefix(viewer) };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  requireCountyAdmin(viewer, request);
  const t = getTranslator(request);
  const formData = await readFormData(request);
  const parsed = parseForm(newUserSchema, formData, t, USER_LIST_FIELDS);
  // What the form gets back to show again: everything typed but the password.
  const refuse = (errors: FieldErrors) => {
    const { password: _password, ...values } = formValues(formData, USER_LIST_FIELDS);
    return { errors, values };
  };
  // Usernames live in the county's own namespace (`xh.…`), so checking whether one is taken
  // never tells an administrator anything about another county's accounts.
  const prefix = countyUsernamePrefix(viewer);
  const outsideCounty = t("admin.users.usernamePrefix", { prefix });
  if (!parsed.ok) {
    // Say at once what is wrong with a well-formed username, along with the other mistakes.
    const username = newUserSchema.shape.username.safeParse(formData.get("username"));
    if (username.success && !username.data.startsWith(prefix)) {
      parsed.errors.username = outsideCounty;
    } else if (username.success && usernameTaken(username.data)) {
      parsed.errors.username = t("admin.users.usernameTaken", { username: username.data });
    }
    return refuse(parsed.errors);
  }
  const input = parsed.data;
  if (!input.username.startsWith(prefix)) return refuse({ username: outsideCounty });
  const taken = () => refuse({ username: t("admin.users.usernameTaken", { username: input.username }) });
  if (usernameTaken(input.username)) return taken();
  const problem = await passwordProblem(input.password, { username: input.username, countyName: viewer.countyName });
  if (problem) return refuse({ password: translateIssue(problem, t) });
  try {
    await createCountyUser(viewer, input);
  } catch (error) {
    // Someone took the name between the check and the insert.
    if (sqliteErrorCode(error) === "SQLITE_CONSTRAINT_UNIQUE") return taken();
    throw error;
  }
  throw redirect("/admin/users?notice=created");
}

export default function NewCountyUserPage() {
  const t = useT();
  const data = useActionData<typeof action>();
  const { usernamePrefix } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const values = data?.values ?? {};
  const errors = data?.errors;
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("admin.users.new")}>
        <Link to="/admin/users" className="text-brand-700 underline">
          ← {t("admin.users.back")}
        </Link>
      </PageHeader>
      <Card>
        <Form method="post" className="space-y-4" noValidate>
          <FormErrors errors={errors} />
          <TextField
            name="username"
            label={t("admin.users.username")}
            hint={t("admin.users.usernameHint", { prefix: usernamePrefix })}
            defaultValue={typeof values.username === "string" ? values.username : ""}
            error={errors?.username}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={32}
            required
          />
          <UserProfileFields values={profileValuesFrom(values)} errors={errors} />
          <TextField
            name="password"
            type="password"
            label={t("admin.users.initialPassword")}
            hint={t("admin.users.initialPasswordHint")}
            error={errors?.password}
            autoComplete="new-password"
            minLength={MIN_PASSWORD_LENGTH}
            required
          />
          <div className="flex flex-wrap gap-2">
            <Button disabled={busy}>{t("admin.users.create")}</Button>
            <Link to="/admin/users" className={buttonLinkClass("secondary")}>
              {t("form.cancel")}
            </Link>
          </div>
        </Form>
      </Card>
    </div>
  );
}
