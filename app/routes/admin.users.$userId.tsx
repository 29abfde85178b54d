import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormErrors, NoticeAlert } from "~/components/admin/notice";
import { AccountStatusCard, ResetPasswordCard } from "~/components/admin/user-account-forms";
import { profileValuesFrom, UserProfileFields } from "~/components/admin/user-fields";
import { Button } from "~/components/ui/button";
import { Badge, Card, PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { requireUser } from "~/modules/auth/require-user.server";
import type { Viewer } from "~/modules/auth/viewer";
import { formValues, parseForm, translateIssue, type FieldErrors } from "~/modules/forms/validation";
import { passwordProblem } from "~/modules/auth/password-policy.server";
import { ownProfileSchema, resetPasswordSchema, USER_LIST_FIELDS, userProfileSchema } from "~/modules/tenancy/schemas";
import {
  findCountyUser,
  requireCountyAdmin,
  setUserDisabled,
  setUserPassword,
  updateCountyUser,
} from "~/modules/tenancy/users.server";
import { readFormData } from "~/modules/forms/read-form.server";

const notFound = () => new Response("Not Found", { status: 404 });

/** The user of the viewer's own county named in the URL; 404 for anyone else's or nobody. */
function requireCountyUser(viewer: Viewer, userId: string | undefined) {
  const user = userId ? findCountyUser(viewer, userId) : null;
  if (!user) throw notFound();
  return user;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  requireCountyAdmin(viewer, request);
  const user = requireCountyUser(viewer, params.userId);
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      title: user.title,
      phone: user.phone,
      disabled: user.disabled,
      roles: user.roles,
      updatedAt: user.updatedAt,
    },
    isSelf: user.id === viewer.userId,
    /** Separation of duties: another administrator of the county changes one's roles. */
    rolesLocked: user.id === viewer.userId,
  };
}

type Intent = "profile" | "disable" | "enable" | "reset_password";
interface Refusal {
  intent: Intent;
  errors: FieldErrors;
  values: Record<string, string | string[]>;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  requireCountyAdmin(viewer, request);
  const user = requireCountyUser(viewer, params.userId);
  const t = getTranslator(request);
  const formData = await readFormData(request);
  const isSelf = user.id === viewer.userId;
  const done = (notice: string) => redirect(`/admin/users/${user.id}?notice=${notice}`);
  const intent = formData.get("intent");

  if (intent === "profile") {
    const refuse = (errors: FieldErrors): Refusal => ({
      intent,
      errors,
      values: formValues(formData, USER_LIST_FIELDS),
    });
    const parsed = parseForm(isSelf ? ownProfileSchema : userProfileSchema, formData, t, USER_LIST_FIELDS);
    if (!parsed.ok) return refuse(parsed.errors);
    // One's own role boxes are locked and post nothing: the roles stay as they are.
    const input = isSelf && parsed.data.roles.length === 0 ? { ...parsed.data, roles: user.roles } : parsed.data;
    const result = updateCountyUser(viewer, user.id, input);
    if (!result.ok && result.reason === "own_roles") return refuse({ roles: t("admin.users.cannotChangeOwnRoles") });
    if (!result.ok) throw notFound();
    throw done("updated");
  }

  if (intent === "disable" || intent === "enable") {
    const disable = intent === "disable";
    if (disable && isSelf) {
      return { intent, errors: { _form: t("admin.users.cannotDisableSelf") }, values: {} } satisfies Refusal;
    }
    if (!setUserDisabled(viewer, user.id, disable)) throw notFound();
    throw done(disable ? "disabled" : "enabled");
  }

  if (intent === "reset_password") {
    // Passwords are never sent back to the browser.
    if (isSelf) return { intent, errors: { _form: t("admin.users.ownPassword") }, values: {} } satisfies Refusal;
    const parsed = parseForm(resetPasswordSchema, formData, t);
    if (!parsed.ok) return { intent, errors: parsed.errors, values: {} } satisfies Refusal;
    const problem = await passwordProblem(parsed.data.password, { username: user.username, countyName: viewer.countyName });
    if (problem) return { intent, errors: { password: translateIssue(problem, t) }, values: {} } satisfies Refusal;
    if (!(await setUserPassword(viewer, user.id, parsed.data.password, "user.reset_password"))) throw notFound();
    throw done("passwordReset");
  }

  throw new Response("Bad Request", { status: 400 });
}

export default function CountyUserPage() {
  const t = useT();
  const { user, isSelf, rolesLocked } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errorsFor = (intent: Intent) => (data?.intent === intent ? data.errors : undefined);
  const profileErrors = errorsFor("profile");
  const profile = data?.intent === "profile" ? profileValuesFrom(data.values) : user;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {user.displayName}
            {user.disabled ? <Badge tone="red">{t("admin.users.disabled")}</Badge> : null}
            {isSelf ? <Badge tone="amber">{t("admin.users.you")}</Badge> : null}
          </span>
        }
      >
        <span className="font-mono">{user.username}</span> ·{" "}
        <Link to="/admin/users" className="text-brand-700 underline">
          {t("admin.users.back")}
        </Link>
      </PageHeader>
      <NoticeAlert
        notices={{
          updated: "admin.notice.userUpdated",
          disabled: "admin.notice.userDisabled",
          enabled: "admin.notice.userEnabled",
          passwordReset: "admin.notice.passwordReset",
        }}
      />
      <div className="space-y-4">
        <Card title={t("admin.users.profile")}>
          {/* Keyed by the saved state, so a successful save shows the stored values afresh. */}
          <Form method="post" className="space-y-4" noValidate key={user.updatedAt}>
            <input type="hidden" name="intent" value="profile" />
            <FormErrors errors={profileErrors} />
            <UserProfileFields values={profile} errors={profileErrors} rolesLocked={rolesLocked} />
            <Button disabled={busy}>{t("form.save")}</Button>
          </Form>
        </Card>
        <AccountStatusCard
          disabled={user.disabled}
          isSelf={isSelf}
          error={errorsFor("disable")?._form ?? errorsFor("enable")?._form}
          busy={busy}
        />
        <ResetPasswordCard
          key={`pw-${user.updatedAt}`}
          isSelf={isSelf}
          errors={errorsFor("reset_password")}
          busy={busy}
        />
      </div>
    </div>
  );
}
